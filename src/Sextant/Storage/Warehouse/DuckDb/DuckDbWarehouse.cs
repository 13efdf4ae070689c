using System.Data.Common;
using DuckDB.NET.Data;

namespace Sextant.Storage.Warehouse.DuckDb;

/// <summary>
/// A DuckDB file as a warehouse: one embedded connection, bulk inserts through DuckDB's appender,
/// transactions on the connection, reads streamed chunk by chunk.
/// </summary>
public sealed class DuckDbWarehouse : AdoWarehouse
{
    private readonly DuckDBConnection _connection;

    private DuckDbWarehouse(DuckDBConnection connection, string location)
        : base(connection, location)
    {
        _connection = connection;
    }

    /// <inheritdoc/>
    public override SqlDialect Dialect => SqlDialect.DuckDb;

    /// <summary>Opens (creating when missing) the DuckDB file at <paramref name="path"/>.</summary>
    /// <exception cref="SextantException">The file cannot be opened.</exception>
    public static DuckDbWarehouse Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var location = $"duckdb:{path}";
        var connection = new DuckDBConnection($"Data Source={path}");
        try
        {
            connection.Open();
            return new DuckDbWarehouse(connection, location);
        }
        catch (DbException exception)
        {
            connection.Dispose();
            throw WarehouseErrors.Refused(location, "cannot be opened", exception);
        }
    }

    /// <inheritdoc/>
    public override void Insert(string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        ArgumentException.ThrowIfNullOrEmpty(table);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        Guard(() =>
        {
            // The appender fills every column of the table in its order; columns the caller does not
            // name get their defaults, and each value is converted to its column's exact type.
            var layout = DuckDbAppendLayout.Of(this, table, columns);
            using var appender = _connection.CreateAppender(table);
            foreach (var values in rows)
            {
                if (values.Length != columns.Count)
                    throw new SextantException($"a row for {table} has {values.Length} values for {columns.Count} columns");
                var row = appender.CreateRow();
                layout.Append(row, values);
                row.EndRow();
            }
        });
    }

    /// <inheritdoc/>
    protected override void PrepareStreamingRead(DbCommand command) => ((DuckDBCommand)command).UseStreamingMode = true;
}
