using Microsoft.Data.Sqlite;

namespace Sextant.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Every write happens in a transaction, so a
/// process killed at any instant leaves the file at its last committed batch.
/// </summary>
public sealed class SqliteStore : IDisposable
{
    private SqliteStore(string path, SqliteConnection connection)
    {
        Path = path;
        Connection = connection;
    }

    /// <summary>The store file.</summary>
    public string Path { get; }

    internal SqliteConnection Connection { get; }

    /// <summary>Opens a store, creating the file and its tables when <paramref name="create"/> is true.</summary>
    /// <exception cref="SextantException">The file is missing (and not to be created) or not a Sextant store.</exception>
    public static SqliteStore Open(string path, bool create)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        if (!create && !File.Exists(fullPath))
            throw new SextantException($"no store at '{path}': ingest data first (sextant ingest FILE --store {path})");
        if (create)
        {
            var directory = System.IO.Path.GetDirectoryName(fullPath);
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout = 10000");
            Execute(connection, "PRAGMA journal_mode = WAL");
            // NORMAL in WAL mode survives a killed process; only an OS crash may lose the last commit.
            Execute(connection, "PRAGMA synchronous = NORMAL");
            // Chunks are appended, not searched: a modest page cache is enough.
            Execute(connection, "PRAGMA cache_size = -32768");
            // Checkpoint every 64 MiB of WAL rather than 4 MiB: fewer copies and fsyncs while ingesting.
            Execute(connection, "PRAGMA wal_autocheckpoint = 16384");
            Execute(connection, "PRAGMA temp_store = MEMORY");
            StoreSchema.Apply(connection, path);
        }
        catch (SqliteException exception)
        {
            connection.Dispose();
            throw new SextantException($"cannot open store '{path}': {exception.Message}", exception);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        return new SqliteStore(path, connection);
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => Connection.Dispose();

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal long ScalarLong(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
