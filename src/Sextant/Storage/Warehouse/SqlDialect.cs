namespace Sextant.Storage.Warehouse;

/// <summary>The SQL databases Sextant stores events in and pushes analyses down to.</summary>
public enum SqlDialect
{
    /// <summary>PostgreSQL 15 or later, through Npgsql.</summary>
    PostgreSql,

    /// <summary>ClickHouse (18.16 or later) over its HTTP interface, one server or a cluster of shards.</summary>
    ClickHouse,

    /// <summary>DuckDB, embedded, one file.</summary>
    DuckDb,
}
