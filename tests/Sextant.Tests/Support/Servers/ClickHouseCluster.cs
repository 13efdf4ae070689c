using System.Diagnostics;
using System.Globalization;
using Sextant.Storage.Warehouse;

namespace Sextant.Tests.Support.Servers;

/// <summary>
/// Two throw-away ClickHouse servers forming the cluster <see cref="Name"/>: shard 1 is server A,
/// shard 2 server B (each by its native TCP port on 127.0.0.1), both with the same
/// <c>remote_servers</c>, so a Distributed table on either spans both. Started once per run for
/// the tests in the <see cref="ClickHouseClusterCollection"/>.
/// </summary>
public sealed class ClickHouseCluster : IDisposable
{
    /// <summary>The cluster's name in both servers' <c>remote_servers</c>.</summary>
    public const string Name = "sextant_two_shards";

    private readonly ClickHouseInstance? _a;
    private readonly ClickHouseInstance? _b;
    private int _databases;

    public ClickHouseCluster()
    {
        var clock = Stopwatch.StartNew();
        var portsA = ClickHouseInstance.ChoosePorts();
        var portsB = ClickHouseInstance.ChoosePorts();
        // A port freed by the first choice may come back in the second.
        while (new HashSet<int> { portsA.Http, portsA.Tcp, portsB.Http, portsB.Tcp }.Count < 4) portsB = ClickHouseInstance.ChoosePorts();
        var remoteServers = string.Create(CultureInfo.InvariantCulture, $"""
            <{Name}>
                <shard><replica><host>127.0.0.1</host><port>{portsA.Tcp}</port></replica></shard>
                <shard><replica><host>127.0.0.1</host><port>{portsB.Tcp}</port></replica></shard>
            </{Name}>
            """);
        try
        {
            _a = ClickHouseInstance.Start("shard1", portsA, remoteServers);
            _b = ClickHouseInstance.Start("shard2", portsB, remoteServers);
        }
        catch
        {
            Dispose();
            throw;
        }
        StartupTime = clock.Elapsed;
    }

    /// <summary>Shard 1's HTTP port (the server the URL's queries go to).</summary>
    public int HttpPortA => _a!.HttpPort;

    /// <summary>Shard 2's HTTP port.</summary>
    public int HttpPortB => _b!.HttpPort;

    /// <summary>How long starting both servers took.</summary>
    public TimeSpan StartupTime { get; }

    /// <summary>The cluster store URL of a database: queries to shard 1, the cluster's name and both shards' HTTP addresses.</summary>
    public StoreUrl UrlOf(string database) => StoreUrl.Parse(
        $"clickhouse://127.0.0.1:{HttpPortA}/{database}?cluster={Name}&shards=127.0.0.1:{HttpPortA},127.0.0.1:{HttpPortB}", _ => null);

    /// <summary>A fresh database name's cluster URL, for a test that needs a store of its own (created by <c>EnsureDatabase</c>).</summary>
    public StoreUrl NewDatabaseUrl() => UrlOf($"sextant_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..30]);

    public void Dispose()
    {
        _a?.Dispose();
        _b?.Dispose();
    }
}

/// <summary>The tests that share one <see cref="ClickHouseCluster"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ClickHouseClusterCollection : ICollectionFixture<ClickHouseCluster>
{
    public const string Name = "clickhouse-cluster";
}
