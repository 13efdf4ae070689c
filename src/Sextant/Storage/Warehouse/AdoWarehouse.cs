using System.Data;
using System.Data.Common;

namespace Sextant.Storage.Warehouse;

/// <summary>
/// What a warehouse over one ADO.NET connection does the same whatever the driver (DuckDB,
/// Npgsql): statements and streamed reads inside the current transaction, nested transactions
/// joining the outer one, a failed body rolled back, and every database error turned into one
/// line naming the store. The bulk insert is each driver's own.
/// </summary>
public abstract class AdoWarehouse : IWarehouse
{
    private readonly DbConnection _connection;

    /// <summary>A warehouse over an open connection, which it owns from now on.</summary>
    protected AdoWarehouse(DbConnection connection, string location)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        Location = location;
    }

    /// <inheritdoc/>
    public abstract SqlDialect Dialect { get; }

    /// <inheritdoc/>
    public string Location { get; }

    /// <summary>The transaction statements run in, or null outside <see cref="InTransaction"/>.</summary>
    protected DbTransaction? Transaction { get; private set; }

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
    public void Read(string sql, Action<IWarehouseRow> onRow) => Read(sql, onRow, streaming: true);

    /// <inheritdoc/>
    public void ReadResult(string sql, Action<IWarehouseRow> onRow) => Read(sql, onRow, streaming: false);

    private void Read(string sql, Action<IWarehouseRow> onRow, bool streaming)
    {
        ArgumentException.ThrowIfNullOrEmpty(sql);
        ArgumentNullException.ThrowIfNull(onRow);
        Guard(() =>
        {
            using var command = Command(sql);
            if (streaming) PrepareStreamingRead(command);
            using var reader = command.ExecuteReader();
            var row = new DataReaderRow(reader);
            while (reader.Read()) onRow(row);
        });
    }

    /// <inheritdoc/>
    public abstract void Insert(string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows);

    /// <inheritdoc/>
    public void InTransaction(Action body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (Transaction is not null)
        {
            body();
            return;
        }
        var transaction = Guard(() => _connection.BeginTransaction());
        Transaction = transaction;
        try
        {
            body();
            Guard(transaction.Commit);
        }
        catch
        {
            if (_connection.State == ConnectionState.Open) TryRollback(transaction);
            throw;
        }
        finally
        {
            transaction.Dispose();
            Transaction = null;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Closes the transaction and the connection.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing) return;
        Transaction?.Dispose();
        _connection.Dispose();
    }

    /// <summary>Sets a streamed read's command up before it runs (a driver's streaming mode, say).</summary>
    protected virtual void PrepareStreamingRead(DbCommand command)
    {
    }

    /// <summary>True for the exceptions that mean the database refused or could not run a statement.</summary>
    protected virtual bool IsDatabaseError(Exception exception) => exception is DbException;

    /// <summary>The one-line error for a refused statement.</summary>
    protected virtual SextantException Refusal(Exception exception) => WarehouseErrors.Refused(Location, "refused the statement", exception);

    /// <summary>Runs <paramref name="action"/>, turning a database error into one line naming the store.</summary>
    protected void Guard(Action action) => Guard(() =>
    {
        action();
        return true;
    });

    /// <summary>Runs <paramref name="action"/>, turning a database error into one line naming the store.</summary>
    protected T Guard<T>(Func<T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return action();
        }
        catch (Exception exception) when (IsDatabaseError(exception))
        {
            throw Refusal(exception);
        }
    }

    private DbCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = Transaction;
        return command;
    }

    private static void TryRollback(DbTransaction transaction)
    {
        try
        {
            transaction.Rollback();
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException)
        {
            // The database already aborted the transaction (DuckDB does on a failed statement), or
            // the connection broke: the original error is the one to report.
        }
    }
}
