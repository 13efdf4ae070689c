using System.Text.Json;
using Sextant.Analysis;
using Sextant.Engine.Sql;
using Sextant.Storage.Warehouse;
using Sextant.Storage.Warehouse.ClickHouse;
using Sextant.Storage.Warehouse.Store;

namespace Sextant.Tests.Engine.Sql;

/// <summary>
/// How a parity suite reaches one database: a store per data set, created and written on first use
/// and kept for the run (its server's fixture outlives every suite), then a fresh connection per test.
/// </summary>
public abstract class ParityEngine
{
    private static readonly Dictionary<string, StoreUrl> Stores = [];
    private static readonly Lock Gate = new();

    /// <summary>A store URL for a new, empty store of <paramref name="data"/> on this database.</summary>
    protected abstract StoreUrl NewStore(ParityData data);

    /// <summary>A key naming this database (one server of a run), so each keeps its own stores.</summary>
    protected abstract string Key { get; }

    /// <summary>A connection to a store holding <paramref name="data"/>.</summary>
    public IWarehouse Connect(ParityData data)
    {
        StoreUrl url;
        lock (Gate)
        {
            var key = $"{Key}/{data.Name}";
            if (!Stores.TryGetValue(key, out url!))
            {
                url = NewStore(data);
                if (url.Dialect == SqlDialect.ClickHouse)
                {
                    using var server = (ClickHouseWarehouse)WarehouseConnections.Open(url);
                    server.EnsureDatabase();
                }
                using (var store = WarehouseStore.Open(url, create: true)) data.WriteTo(store);
                Stores[key] = url;
            }
        }
        return WarehouseConnections.Open(url);
    }

    /// <summary>Asserts this database's measures of <paramref name="query"/> equal the in-memory engine's.</summary>
    public void AssertSameMeasures<TMeasures, TResult>(ParityData data, TimeZoneInfo zone, IAnalysisQuery<TMeasures, TResult> query)
    {
        var expected = data.InMemory(zone).Measure(query);
        using var warehouse = Connect(data);
        var actual = new SqlEngine(warehouse, zone).Measure(query);
        Assert.Equal(Json(expected), Json(actual));
    }

    private static string Json(object? measures) => JsonSerializer.Serialize(measures, new JsonSerializerOptions { WriteIndented = true });
}

/// <summary>DuckDB files beside the data set.</summary>
public sealed class DuckDbParity : ParityEngine
{
    protected override string Key => "duckdb";

    protected override StoreUrl NewStore(ParityData data) => StoreUrl.Parse("duckdb:" + data.Directory.File($"{data.Name}.duckdb"));
}

/// <summary>A database per data set on the run's PostgreSQL server.</summary>
public sealed class PostgresParity(Support.Servers.PostgresServer server) : ParityEngine
{
    protected override string Key => $"postgres:{server.Port}";

    protected override StoreUrl NewStore(ParityData data) => server.CreateDatabase();
}

/// <summary>A database per data set on the run's ClickHouse server.</summary>
public sealed class ClickHouseParity(Support.Servers.ClickHouseServer server) : ParityEngine
{
    protected override string Key => $"clickhouse:{server.HttpPort}";

    protected override StoreUrl NewStore(ParityData data) => server.NewDatabaseUrl();
}

/// <summary>A database per data set on the run's two-shard ClickHouse cluster.</summary>
public sealed class ClickHouseClusterParity(Support.Servers.ClickHouseCluster cluster) : ParityEngine
{
    protected override string Key => $"cluster:{cluster.HttpPortA}";

    protected override StoreUrl NewStore(ParityData data) => cluster.NewDatabaseUrl();
}
