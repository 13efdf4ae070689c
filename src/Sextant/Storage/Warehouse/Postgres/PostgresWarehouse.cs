using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Sextant.Storage.Warehouse.Postgres;

/// <summary>
/// A PostgreSQL database as a warehouse, through Npgsql: bulk inserts by binary COPY, transactions
/// on the one connection, reads streamed row by row.
/// </summary>
public sealed class PostgresWarehouse : AdoWarehouse
{
    private readonly NpgsqlConnection _connection;

    private PostgresWarehouse(NpgsqlConnection connection, string location)
        : base(connection, location)
    {
        _connection = connection;
    }

    /// <inheritdoc/>
    public override SqlDialect Dialect => SqlDialect.PostgreSql;

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
    public override void Insert(string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
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
    protected override bool IsDatabaseError(Exception exception) => exception is DbException or TimeoutException;

    /// <inheritdoc/>
    protected override SextantException Refusal(Exception exception) => new($"{Location} refused the statement: {Describe(exception)}", exception);

    // PostgreSQL's own errors carry their SQLSTATE and message; a broken connection says why in its inner exception.
    private static string Describe(Exception exception)
    {
        var text = WarehouseErrors.FirstLine(exception.Message);
        if (exception is not PostgresException && exception.InnerException is { } inner)
            text += $" ({WarehouseErrors.FirstLine(inner.Message)})";
        return text;
    }
}
