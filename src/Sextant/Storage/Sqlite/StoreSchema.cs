using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Sextant.Storage.Sqlite;

/// <summary>
/// The tables of the embedded store. The layout is described in docs/STORAGE.md: events live
/// in integer-coded columnar chunks, one row a column; event ids are deduplicated through the
/// chunks' id-hash columns, and ids whose hash was taken by another id are listed in event_key_collisions.
/// Version 2 added a checksum to every chunk column; a version-1 store is read as it is (its
/// columns unverified) and migrated by the first writer that opens it.
/// </summary>
internal static class StoreSchema
{
    public const int Version = 2;

    /// <summary>
    /// True when the store has the table: those added after a store was written (erasures, the
    /// server's keys and audit log) are made by their first write, so a reader finds none before it.
    /// </summary>
    public static bool HasTable(SqliteConnection connection, string name, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", name);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS dictionary_segments (
            kind INTEGER NOT NULL, first_code INTEGER NOT NULL, count INTEGER NOT NULL, data BLOB NOT NULL,
            PRIMARY KEY (kind, first_code));
        CREATE TABLE IF NOT EXISTS event_chunks (
            chunk INTEGER PRIMARY KEY, run INTEGER NOT NULL, rows INTEGER NOT NULL,
            min_ts INTEGER NOT NULL, max_ts INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS chunk_columns (
            chunk INTEGER NOT NULL, col INTEGER NOT NULL, data BLOB NOT NULL, checksum INTEGER,
            PRIMARY KEY (chunk, col));
        CREATE TABLE IF NOT EXISTS event_key_collisions (event_id TEXT PRIMARY KEY, chunk INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS users (
            user_id TEXT PRIMARY KEY, signup_at INTEGER, segment TEXT, channel TEXT, plan TEXT,
            country TEXT, platform TEXT, workspace_id TEXT, traits TEXT NOT NULL DEFAULT '{}');
        CREATE TABLE IF NOT EXISTS subscriptions (
            subscription_id TEXT PRIMARY KEY, user_id TEXT NOT NULL, plan TEXT NOT NULL,
            status TEXT NOT NULL, start_at INTEGER NOT NULL, end_at INTEGER,
            mrr TEXT NOT NULL, currency TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS assignments (
            experiment TEXT NOT NULL, user_id TEXT NOT NULL, variant TEXT NOT NULL,
            assigned_at INTEGER NOT NULL, PRIMARY KEY (experiment, user_id, variant));
        CREATE TABLE IF NOT EXISTS ingest_runs (
            run INTEGER PRIMARY KEY, file TEXT NOT NULL, kind TEXT NOT NULL,
            started_at INTEGER NOT NULL, finished_at INTEGER,
            read INTEGER NOT NULL DEFAULT 0, inserted INTEGER NOT NULL DEFAULT 0,
            updated INTEGER NOT NULL DEFAULT 0, duplicates INTEGER NOT NULL DEFAULT 0,
            quarantined INTEGER NOT NULL DEFAULT 0, status TEXT NOT NULL);
        """;

    /// <summary>
    /// Creates the tables of a new store, or migrates a version-1 store. An existing store of the
    /// current version is left alone, so a writer takes no lock here.
    /// </summary>
    public static void Apply(SqliteConnection connection, string path, bool fresh)
    {
        if (!fresh && ReadVersion(connection, transaction: null) == Version.ToString(CultureInfo.InvariantCulture)) return;
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        if (fresh)
        {
            command.CommandText = Ddl;
            command.ExecuteNonQuery();
        }
        var found = ReadVersion(connection, transaction);
        if (found is null)
        {
            command.CommandText = "INSERT INTO meta(key, value) VALUES ('schema_version', $v)";
            command.Parameters.AddWithValue("$v", Version.ToString(CultureInfo.InvariantCulture));
            command.ExecuteNonQuery();
        }
        else if (found == "1")
        {
            // Columns written before checksums keep a NULL one: "not verified", never "damaged".
            command.CommandText = """
                ALTER TABLE chunk_columns ADD COLUMN checksum INTEGER;
                UPDATE meta SET value = $v WHERE key = 'schema_version';
                """;
            command.Parameters.AddWithValue("$v", Version.ToString(CultureInfo.InvariantCulture));
            command.ExecuteNonQuery();
        }
        else if (found != Version.ToString(CultureInfo.InvariantCulture))
        {
            throw new SextantException(
                $"store '{path}' has schema version {found}; this Sextant reads versions 1 to {Version}");
        }
        transaction.Commit();
    }

    private static string? ReadVersion(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
        return command.ExecuteScalar() as string;
    }
}
