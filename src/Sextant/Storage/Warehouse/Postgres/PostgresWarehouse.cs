using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Sextant.Storage.Warehouse.Postgres;

/// <summary>
/// A PostgreSQL database as a warehouse, through Npgsql: bulk inserts by binary COPY, transactions
/// on the one connection, reads streamed row by row.
/// </summary>
public sealed class PostgresWarehouse : IWarehouse
{
    private readonly NpgsqlConnection _connection;
    private NpgsqlTransaction? _transaction;

    private PostgresWarehouse(NpgsqlConnection connection, string location)
    {
        _connection = connection;
        Location = location;
    }

    /// <inheritdoc/>
    public SqlDialect Dialect => SqlDialect.PostgreSql;

    /// <inheritdoc/>
    public string Location { get; }

    /// <summary>Connects to the PostgreSQL database <paramref name="url"/> names.</summary>
    /// <exception cref="SextantException">The server cannot be reached or refuses the login; the message names host, port and database.</exception>
    public static PostgresWarehouse Open(StoreUrl url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Dialect != SqlDialect.PostgreSql) throw new ArgumentException($"store '{url.Redacted}' is not a PostgreSQL URL", nameof(url));
        var settings = new NpgsqlConnectionStringBuilder
        {
            Host = url.Host,
            Port = url.Port,
            Database = url.Database,
            Username = url.User,
            Password = url.Password,
            // Analyses pushed down over millions of rows run as long as they need.
            CommandTimeout = 0,
            ApplicationName = "sextant",
        };
        var connection = new NpgsqlConnection(settings.ConnectionString);
        try
        {
            connection.Open();
            return new PostgresWarehouse(connection, url.Redacted);
        }
        catch (Exception exception) when (exception is DbException or TimeoutException)
        {
            connection.Dispose();
            throw new SextantException(
                $"{url.Redacted}: cannot connect to PostgreSQL at {StoreUrl.HostPort(url.Host!, url.Port)}, database {url.Database}: {Describe(exception)}",
                exception);
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
        if (columns.Count == 0) throw new ArgumentException("a bulk insert needs at least one column", nameof(columns));
        Guard(() =>
        {
            // Binary COPY sends each value in its column's wire type and converts nothing.
            var kinds = PostgresColumnKinds.Of(this, table, columns);
            using var importer = _connection.BeginBinaryImport($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)");
            foreach (var values in rows)
            {
                if (values.Length != columns.Count)
                    throw new SextantException($"a row for {table} has {values.Length} values for {columns.Count} columns");
                importer.StartRow();
                for (var i = 0; i < values.Length; i++)
                {
                    var value = values[i];
                    if (value is null)
                    {
                        importer.WriteNull();
                        continue;
                    }
                    switch (kinds[i])
                    {
                        case ColumnKind.Int64:
                            importer.Write(ColumnValues.ToInt64(value, columns[i]), NpgsqlDbType.Bigint);
                            break;
                        case ColumnKind.Double:
                            importer.Write(ColumnValues.ToDouble(value, columns[i]), NpgsqlDbType.Double);
                            break;
                        default:
                            importer.Write(ColumnValues.ToText(value, columns[i]), NpgsqlDbType.Text);
                            break;
                    }
                }
            }
            importer.Complete();
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
        _transaction = Guard(() => _connection.BeginTransaction());
        try
        {
            body();
            Guard(_transaction.Commit);
        }
        catch
        {
            TryRollback();
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
            if (_transaction?.Connection is not null) _transaction.Rollback();
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException)
        {
            // The connection broke or the transaction is already over; the original error is the one to report.
        }
    }

    private NpgsqlCommand Command(string sql) => new(sql, _connection, _transaction);

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
        catch (Exception exception) when (exception is DbException or TimeoutException)
        {
            throw new SextantException($"{Location} refused the statement: {Describe(exception)}", exception);
        }
    }

    // PostgreSQL's own errors carry their SQLSTATE and message; a broken connection says why in its inner exception.
    private static string Describe(Exception exception)
    {
        var text = WarehouseErrors.FirstLine(exception.Message);
        if (exception is not PostgresException && exception.InnerException is { } inner)
            text += $" ({WarehouseErrors.FirstLine(inner.Message)})";
        return text;
    }
}
