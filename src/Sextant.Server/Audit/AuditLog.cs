using Sextant.Analysis.Syntax;
using Sextant.Events;
using Sextant.Storage.Sqlite;

namespace Sextant.Server.Audit;

/// <summary>
/// The audit log, kept in the store file (table <c>audit_log</c>) so it survives restarts and
/// travels with the data. Appends go through one connection held by the server; reads open the
/// file read-only.
/// </summary>
public sealed class AuditLog : IDisposable
{
    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS audit_log (
            entry INTEGER PRIMARY KEY, at INTEGER NOT NULL, key_name TEXT NOT NULL, method TEXT NOT NULL,
            route TEXT NOT NULL, status INTEGER NOT NULL, outcome TEXT NOT NULL, rows_received INTEGER NOT NULL,
            rows_inserted INTEGER NOT NULL, rows_duplicate INTEGER NOT NULL, rows_quarantined INTEGER NOT NULL);
        """;

    private readonly string _storePath;
    private readonly Lock _gate = new();
    private SqliteStore? _writer;

    /// <summary>The audit log of the store file at <paramref name="storePath"/>.</summary>
    public AuditLog(string storePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(storePath);
        _storePath = storePath;
    }

    /// <summary>Appends one entry.</summary>
    /// <exception cref="SextantException">The store cannot be written.</exception>
    public void Append(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            _writer ??= Open(_storePath);
            using var command = _writer.Connection.CreateCommand();
            command.CommandText = """
                INSERT INTO audit_log(at, key_name, method, route, status, outcome, rows_received, rows_inserted, rows_duplicate, rows_quarantined)
                VALUES ($at, $key, $method, $route, $status, $outcome, $received, $inserted, $duplicate, $quarantined)
                """;
            command.Parameters.AddWithValue("$at", entry.At.UnixMicroseconds);
            command.Parameters.AddWithValue("$key", entry.KeyName);
            command.Parameters.AddWithValue("$method", entry.Method);
            command.Parameters.AddWithValue("$route", entry.Route);
            command.Parameters.AddWithValue("$status", entry.Status);
            command.Parameters.AddWithValue("$outcome", entry.Outcome);
            command.Parameters.AddWithValue("$received", entry.RowsReceived);
            command.Parameters.AddWithValue("$inserted", entry.RowsInserted);
            command.Parameters.AddWithValue("$duplicate", entry.RowsDuplicate);
            command.Parameters.AddWithValue("$quarantined", entry.RowsQuarantined);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>The entries at or after <paramref name="since"/> (all when null), oldest first.</summary>
    /// <exception cref="SextantException">The store cannot be opened.</exception>
    public static IReadOnlyList<AuditEntry> Read(string storePath, Timestamp? since = null)
    {
        using var store = SqliteStore.OpenReadOnly(storePath);
        if (!StoreSchema.HasTable(store.Connection, "audit_log")) return [];
        using var command = store.Connection.CreateCommand();
        command.CommandText = """
            SELECT at, key_name, method, route, status, outcome, rows_received, rows_inserted, rows_duplicate, rows_quarantined
            FROM audit_log WHERE at >= $since ORDER BY entry
            """;
        command.Parameters.AddWithValue("$since", since?.UnixMicroseconds ?? long.MinValue);
        using var reader = command.ExecuteReader();
        var entries = new List<AuditEntry>();
        while (reader.Read())
            entries.Add(new AuditEntry(new Timestamp(reader.GetInt64(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                reader.GetString(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9)));
        return entries;
    }

    /// <summary>The start of <c>--since</c> / <c>?since=</c>: a day (yyyy-MM-dd) from its first instant in UTC, or an instant with an offset.</summary>
    /// <param name="text">The text given.</param>
    /// <param name="label">How messages name the field.</param>
    /// <exception cref="SextantException">The text is neither.</exception>
    public static Timestamp Since(string text, string label) =>
        new(RangeText.Instant(text, label, new ProjectCalendar(TimeZoneInfo.Utc, 0, 0), endOfDay: false));

    /// <summary>Closes the writer connection.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _writer?.Dispose();
            _writer = null;
        }
    }

    private static SqliteStore Open(string storePath)
    {
        var store = SqliteStore.Open(storePath, create: false);
        using var command = store.Connection.CreateCommand();
        command.CommandText = Ddl;
        command.ExecuteNonQuery();
        return store;
    }
}
