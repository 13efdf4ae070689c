using System.Diagnostics;
using Sextant.Storage.Warehouse;

namespace Sextant.Tests.Support.Servers;

/// <summary>One throw-away ClickHouse server for the tests in the <see cref="ClickHouseCollection"/>, started once per run.</summary>
public sealed class ClickHouseServer : IDisposable
{
    private readonly ClickHouseInstance _instance;
    private int _databases;

    public ClickHouseServer()
    {
        var clock = Stopwatch.StartNew();
        _instance = ClickHouseInstance.Start("single", ClickHouseInstance.ChoosePorts(), "");
        StartupTime = clock.Elapsed;
    }

    /// <summary>The HTTP port on 127.0.0.1.</summary>
    public int HttpPort => _instance.HttpPort;

    /// <summary>How long starting the server took.</summary>
    public TimeSpan StartupTime { get; }

    /// <summary>The store URL of the server's <c>default</c> database (tests sharing it use their own table names).</summary>
    public StoreUrl Url => UrlOf("default");

    /// <summary>The store URL of a database on this server (made by <c>ClickHouseWarehouse.EnsureDatabase</c>).</summary>
    public StoreUrl UrlOf(string database) => StoreUrl.Parse($"clickhouse://127.0.0.1:{HttpPort}/{database}", _ => null);

    /// <summary>A fresh database name's URL, for a test that needs a store of its own (the database is created on first <c>EnsureDatabase</c>).</summary>
    public StoreUrl NewDatabaseUrl() => UrlOf($"sextant_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..30]);

    public void Dispose() => _instance.Dispose();
}

/// <summary>The tests that share one <see cref="ClickHouseServer"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ClickHouseCollection : ICollectionFixture<ClickHouseServer>
{
    public const string Name = "clickhouse";
}
