using Microsoft.Data.Sqlite;
using Sextant.Events;

namespace Sextant.Storage.Sqlite;

/// <summary>
/// The <c>erasures</c> table: one row per forget — who asked, when, and how many records of each
/// kind went — never an id or any of the data. Stores written before it existed get it with their
/// first erasure; a store without it has erased nothing.
/// </summary>
internal static class SqliteErasureLog
{
    public const string Ddl = """
        CREATE TABLE IF NOT EXISTS erasures (
            erasure INTEGER PRIMARY KEY, requested_by TEXT NOT NULL, erased_at INTEGER NOT NULL,
            users INTEGER NOT NULL, events INTEGER NOT NULL, profiles INTEGER NOT NULL,
            subscriptions INTEGER NOT NULL, assignments INTEGER NOT NULL,
            anonymous_ids INTEGER NOT NULL, quarantine_rows INTEGER NOT NULL);
        """;

    public static void Append(SqliteConnection connection, ErasureRequest request, ErasureCounts counts)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Ddl + """
            INSERT INTO erasures(requested_by, erased_at, users, events, profiles, subscriptions, assignments, anonymous_ids, quarantine_rows)
            VALUES ($by, $at, $users, $events, $profiles, $subscriptions, $assignments, $anonymous, $quarantine);
            """;
        command.Parameters.AddWithValue("$by", request.By);
        command.Parameters.AddWithValue("$at", request.At.UnixMicroseconds);
        command.Parameters.AddWithValue("$users", counts.Users);
        command.Parameters.AddWithValue("$events", counts.Events);
        command.Parameters.AddWithValue("$profiles", counts.Profiles);
        command.Parameters.AddWithValue("$subscriptions", counts.Subscriptions);
        command.Parameters.AddWithValue("$assignments", counts.Assignments);
        command.Parameters.AddWithValue("$anonymous", counts.AnonymousIds);
        command.Parameters.AddWithValue("$quarantine", counts.QuarantineRows);
        command.ExecuteNonQuery();
    }

    public static IReadOnlyList<ErasureRecord> Read(SqliteConnection connection)
    {
        if (!StoreSchema.HasTable(connection, "erasures")) return [];
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT requested_by, erased_at, users, events, profiles, subscriptions, assignments, anonymous_ids, quarantine_rows FROM erasures ORDER BY erasure";
        using var reader = command.ExecuteReader();
        var records = new List<ErasureRecord>();
        while (reader.Read())
            records.Add(new ErasureRecord(reader.GetString(0), new Timestamp(reader.GetInt64(1)),
                new ErasureCounts(reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8))));
        return records;
    }
}
