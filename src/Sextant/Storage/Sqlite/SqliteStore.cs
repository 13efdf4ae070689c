using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Sextant.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file. Writers use WAL mode and write in transactions, so a
/// process killed at any instant leaves the file at its last committed batch; readers open the
/// file read-only and never take a write lock. It implements both store ports: the ingestor
/// writes through <see cref="IStoreWriter"/>, and everything that reads goes through <see cref="IEventStore"/>.
/// </summary>
public sealed partial class SqliteStore : IDisposable, IEventStore, IStoreWriter, IErasableStore, IAppendLog
{
    private SqliteStore(string path, SqliteConnection connection, bool readOnly)
    {
        Path = path;
        Connection = connection;
        IsReadOnly = readOnly;
    }

    /// <summary>The store file.</summary>
    public string Path { get; }

    /// <summary>True when the store was opened by <see cref="OpenReadOnly"/>.</summary>
    public bool IsReadOnly { get; }

    /// <inheritdoc/>
    public string Location => Path;

    internal SqliteConnection Connection { get; }

    /// <inheritdoc/>
    public IIngestSession OpenSession() => new SqliteIngestSession(Connection);

    /// <summary>
    /// Opens a store for writing. With <paramref name="create"/> a new store is made when the path
    /// does not exist or is an empty file; an existing file must already be a Sextant store, and
    /// anything else is refused without a byte of it changed.
    /// </summary>
    /// <exception cref="SextantException">The file is missing (and not to be created), not a Sextant store, or of another schema version.</exception>
    public static SqliteStore Open(string path, bool create)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        var fresh = StoreFile.IsFresh(path, fullPath);
        if (fresh && !create) throw StoreFile.Missing(path, fullPath);
        if (!fresh) StoreFile.Identify(path, fullPath);
        else
        {
            var directory = System.IO.Path.GetDirectoryName(fullPath);
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = fresh ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
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
            StoreSchema.Apply(connection, path, fresh);
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
        return new SqliteStore(path, connection, readOnly: false);
    }

    /// <summary>
    /// Opens an existing store for reading only: no write lock, no schema step, no change to the
    /// file, so a store on read-only media can be analysed and a running ingest never delays it.
    /// </summary>
    /// <exception cref="SextantException">The file is missing or empty, not a Sextant store, or of another schema version.</exception>
    public static SqliteStore OpenReadOnly(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        if (StoreFile.IsFresh(path, fullPath)) throw StoreFile.Missing(path, fullPath);
        return new SqliteStore(path, StoreFile.Identify(path, fullPath, keepOpen: true)!, readOnly: true);
    }

    /// <summary>
    /// Closes the file. A writer that is the last one open switches the file back to a rollback
    /// journal, which folds the WAL into it: a store at rest is then one self-contained file that
    /// readers open without creating side files, also on read-only media.
    /// </summary>
    public void Dispose()
    {
        if (!IsReadOnly)
        {
            // Never wait for this: another reader or writer keeps the file in WAL mode, which is fine
            // (busy: the last writer to close switches instead). One attempt through the native call,
            // since a command retries a busy database for its whole timeout (30 s) whatever busy_timeout says.
            Execute(Connection, "PRAGMA busy_timeout = 0");
            _ = raw.sqlite3_exec(Connection.Handle, "PRAGMA journal_mode = DELETE");
        }
        Connection.Dispose();
    }

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
