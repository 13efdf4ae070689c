using Sextant.Storage.Warehouse.ClickHouse;
using Sextant.Storage.Warehouse.DuckDb;
using Sextant.Storage.Warehouse.Postgres;

namespace Sextant.Storage.Warehouse;

/// <summary>Opens the connection a warehouse store URL names.</summary>
public static class WarehouseConnections
{
    /// <summary>Connects to the database <paramref name="url"/> names.</summary>
    /// <exception cref="ArgumentException">The URL names the embedded SQLite file, not a warehouse.</exception>
    /// <exception cref="SextantException">The database cannot be reached or opened.</exception>
    public static IWarehouse Open(StoreUrl url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.Dialect switch
        {
            SqlDialect.PostgreSql => PostgresWarehouse.Open(url),
            SqlDialect.ClickHouse => ClickHouseWarehouse.Open(url),
            SqlDialect.DuckDb => DuckDbWarehouse.Open(url.Path!),
            null => throw new ArgumentException($"store '{url.Redacted}' is an embedded SQLite file, not a warehouse", nameof(url)),
            _ => throw new ArgumentOutOfRangeException(nameof(url), url.Dialect, "an unknown SQL dialect"),
        };
    }
}
