using Microsoft.Data.Sqlite;

namespace Sextant.Storage.Sqlite;

/// <summary>
/// Decides what a store path holds before anything writes to it: nothing yet (a new store may be
/// made there), a Sextant store, or some other file — which is refused untouched, since opening
/// another application's SQLite file for writing would add tables and switch its journal mode.
/// </summary>
internal static class StoreFile
{
    private static readonly string[] Tables =
        ["meta", "dictionary_segments", "event_chunks", "chunk_columns", "event_key_collisions", "users", "subscriptions", "assignments", "ingest_runs"];

    /// <summary>True when no store is there yet: the path does not exist or is an empty file without a WAL.</summary>
    public static bool IsFresh(string path, string fullPath)
    {
        if (Directory.Exists(fullPath))
            throw new SextantException($"store path '{path}' is a directory; expected a store file");
        if (!File.Exists(fullPath)) return true;
        // A new store's first commit sits in the WAL until a checkpoint, so an empty file with a WAL is a store.
        return new FileInfo(fullPath).Length == 0 && !HasContent(fullPath + "-wal");
    }

    public static SextantException Missing(string path, string fullPath) => File.Exists(fullPath)
        ? new SextantException($"store '{path}' is an empty file, not a Sextant store: ingest data first (sextant ingest FILE --store {path})")
        : new SextantException($"no store at '{path}': ingest data first (sextant ingest FILE --store {path})");

    /// <summary>
    /// Checks, through a read-only connection, that the file is a Sextant store of a schema version
    /// this code reads; returns that connection when <paramref name="keepOpen"/> is set.
    /// </summary>
    /// <exception cref="SextantException">The file is not a Sextant store or has another schema version.</exception>
    public static SqliteConnection? Identify(string path, string fullPath, bool keepOpen = false)
    {
        if (new FileInfo(fullPath).Length > 0 && !HasSqliteHeader(fullPath))
            throw NotAStore(path, "not an SQLite database");
        var connection = OpenReadOnly(path, fullPath, immutable: false);
        try
        {
            CheckSchema(connection, path);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is 8 or 14 && !HasContent(fullPath + "-wal"))
        {
            // A WAL-mode file in a directory this process cannot write needs no shared-memory file
            // when there is no WAL to read: nobody can be writing it, so it is opened as immutable.
            connection.Dispose();
            connection = OpenReadOnly(path, fullPath, immutable: true);
            try
            {
                CheckSchema(connection, path);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        if (keepOpen) return connection;
        connection.Dispose();
        return null;
    }

    private static SqliteConnection OpenReadOnly(string path, string fullPath, bool immutable)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = immutable ? new Uri(fullPath).AbsoluteUri + "?immutable=1" : fullPath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            SqliteStore.Execute(connection, "PRAGMA busy_timeout = 10000");
            SqliteStore.Execute(connection, "PRAGMA query_only = 1");
            return connection;
        }
        catch (SqliteException exception)
        {
            connection.Dispose();
            throw new SextantException($"cannot open store '{path}' for reading: {exception.Message}", exception);
        }
    }

    private static void CheckSchema(SqliteConnection connection, string path)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            try
            {
                using var reader = command.ExecuteReader();
                while (reader.Read()) found.Add(reader.GetString(0));
            }
            catch (SqliteException exception) when (exception.SqliteErrorCode is 26 or 11)
            {
                // SQLITE_NOTADB, SQLITE_CORRUPT: not a database this code can read at all.
                throw NotAStore(path, exception.Message);
            }
        }
        var missing = Tables.Where(table => !found.Contains(table)).ToList();
        if (missing.Count > 0)
            throw NotAStore(path, $"an SQLite database without the table{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)}");
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
            var version = command.ExecuteScalar() as string;
            if (version is null) throw NotAStore(path, "its meta table has no schema_version");
            if (version != "1" && version != StoreSchema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
                throw new SextantException($"store '{path}' has schema version {version}; this Sextant reads versions 1 to {StoreSchema.Version}");
        }
    }

    private static SextantException NotAStore(string path, string reason) =>
        new($"'{path}' is not a Sextant store ({reason}); it was left unchanged — pass --store a new or empty file to create a store");

    private static bool HasSqliteHeader(string fullPath)
    {
        Span<byte> header = stackalloc byte[16];
        using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return stream.ReadAtLeast(header, 16, throwOnEndOfStream: false) == 16 && header.SequenceEqual("SQLite format 3\0"u8);
    }

    private static bool HasContent(string file) => File.Exists(file) && new FileInfo(file).Length > 0;
}
