using System.Data.Common;
using DuckDB.NET.Data;

namespace Sextant.Storage.Warehouse.DuckDb;

/// <summary>
/// A DuckDB file as a warehouse: one embedded connection, bulk inserts through DuckDB's appender,
/// transactions on the connection, reads streamed chunk by chunk.
/// </summary>
public sealed class DuckDbWarehouse : IWarehouse
{
    private readonly DuckDBConnection _connection;
    private DuckDBTransaction? _transaction;

    private DuckDbWarehouse(DuckDBConnection connection, string location)
    {
        _connection = connection;
        Location = location;
    }

    /// <inheritdoc/>
    public SqlDialect Dialect => SqlDialect.DuckDb;

    /// <inheritdoc/>
    public string Location { get; }

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
    public void Execute(string sql)
    {
        ArgumentException.ThrowIfNullOrEmpty(sql);
        Guard(() =>
        {
            using var command = Command(sql);
            command.ExecuteNonQuery();
        });
    }

    /// <inheritdoc/>
    public void Read(string sql, Action<IWarehouseRow> onRow)
    {
        ArgumentException.ThrowIfNullOrEmpty(sql);
        ArgumentNullException.ThrowIfNull(onRow);
        Guard(() =>
        {
            using var command = Command(sql);
            command.UseStreamingMode = true;
            using var reader = command.ExecuteReader();
            var row = new DataReaderRow(reader);
            while (reader.Read()) onRow(row);
        });
    }

    /// <inheritdoc/>
    public void Insert(string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
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
    public void InTransaction(Action body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (_transaction is not null)
        {
            body();
            return;
        }
        _transaction = Guard(_connection.BeginTransaction);
        try
        {
            body();
            Guard(_transaction.Commit);
        }
        catch
        {
            if (_connection.State == System.Data.ConnectionState.Open) TryRollback();
            throw;
        }
        finally
        {
            _transaction.Dispose();
            _transaction = null;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _transaction?.Dispose();
        _connection.Dispose();
    }

    private void TryRollback()
    {
        try
        {
            _transaction?.Rollback();
        }
        catch (DbException)
        {
            // DuckDB has already aborted a transaction whose statement failed; the original error is the one to report.
        }
        catch (InvalidOperationException)
        {
            // Likewise when the transaction is already finished.
        }
    }

    private DuckDBCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        return command;
    }

    private void Guard(Action action) => Guard(() =>
    {
        action();
        return true;
    });

    private T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (DbException exception)
        {
            throw WarehouseErrors.Refused(Location, "refused the statement", exception);
        }
    }
}
