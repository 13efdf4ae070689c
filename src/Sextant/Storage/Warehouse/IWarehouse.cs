namespace Sextant.Storage.Warehouse;

/// <summary>
/// One connection to a SQL database that holds a Sextant store: the narrow surface the warehouse
/// store and the SQL engines need, so neither knows a driver. Values crossing it are long,
/// double, string or null.
/// </summary>
public interface IWarehouse : IDisposable
{
    /// <summary>Which SQL the database speaks.</summary>
    SqlDialect Dialect { get; }

    /// <summary>Where the database is, as messages name it (a URL without its password, or a file path).</summary>
    string Location { get; }

    /// <summary>Runs one statement that returns no rows.</summary>
    /// <exception cref="SextantException">The database refused it or cannot be reached.</exception>
    void Execute(string sql);

    /// <summary>Runs one query and hands each row of its answer to <paramref name="onRow"/>, streaming.</summary>
    /// <exception cref="SextantException">The database refused it or cannot be reached.</exception>
    void Read(string sql, Action<IWarehouseRow> onRow);

    /// <summary>
    /// Runs one query whose answer is small (an analysis' measures) and hands each row to
    /// <paramref name="onRow"/>. The database may compute the whole answer before the first row:
    /// DuckDB's streaming reads stall on some window-function plans that finish when read whole.
    /// </summary>
    /// <exception cref="SextantException">The database refused it or cannot be reached.</exception>
    void ReadResult(string sql, Action<IWarehouseRow> onRow) => Read(sql, onRow);

    /// <summary>
    /// Appends rows to a table in bulk (PostgreSQL binary COPY, ClickHouse one batched INSERT,
    /// DuckDB's appender). Each value is long, double, string or null, in <paramref name="columns"/> order.
    /// </summary>
    /// <exception cref="SextantException">The database refused them or cannot be reached.</exception>
    void Insert(string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows);

    /// <summary>
    /// Runs <paramref name="body"/> atomically where the database has transactions (PostgreSQL,
    /// DuckDB); ClickHouse has none, so there the body runs as is and the writer relies on
    /// idempotent steps instead (docs/WAREHOUSE.md).
    /// </summary>
    void InTransaction(Action body);
}
