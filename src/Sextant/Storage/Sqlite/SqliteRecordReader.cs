using System.Globalization;
using Microsoft.Data.Sqlite;
using Sextant.Events;

namespace Sextant.Storage.Sqlite;

/// <summary>Reads the profile tables and the ingest log back into canonical records.</summary>
internal static class SqliteRecordReader
{
    public static IEnumerable<UserProfile> Profiles(SqliteConnection connection)
    {
        using var rows = new SqliteRawRows(connection, "SELECT user_id, signup_at, segment, channel, plan, country, platform, workspace_id, traits FROM users", 9);
        while (rows.Read())
        {
            yield return new UserProfile(
                rows.Text(0)!,
                rows.IsNull(1) ? null : new Timestamp(rows.Int64(1)),
                rows.Text(2), rows.Text(3), rows.Text(4), rows.Text(5), rows.Text(6), rows.Text(7),
                rows.Text(8)!);
        }
    }

    public static IEnumerable<Subscription> Subscriptions(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT subscription_id, user_id, plan, status, start_at, end_at, mrr, currency FROM subscriptions ORDER BY start_at, subscription_id";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            // MRR is stored as the invariant text of the decimal that was ingested.
            yield return new Subscription(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                new Timestamp(reader.GetInt64(4)),
                reader.IsDBNull(5) ? null : new Timestamp(reader.GetInt64(5)),
                decimal.Parse(reader.GetString(6), NumberStyles.Float, CultureInfo.InvariantCulture),
                reader.GetString(7));
        }
    }

    public static IEnumerable<Assignment> Assignments(SqliteConnection connection)
    {
        // The primary key's order (experiment, user, variant) needs no sort; only a user assigned
        // more than one variant of an experiment is reordered here, by instant, then variant.
        using var rows = new SqliteRawRows(connection, "SELECT experiment, user_id, variant, assigned_at FROM assignments ORDER BY experiment, user_id, variant", 4);
        var sameUser = new List<Assignment>();
        while (rows.Read())
        {
            var assignment = new Assignment(rows.Text(0)!, rows.Text(1)!, rows.Text(2)!, new Timestamp(rows.Int64(3)));
            if (sameUser.Count > 0 && (sameUser[0].Experiment != assignment.Experiment || sameUser[0].UserId != assignment.UserId))
            {
                foreach (var earlier in InstantOrder(sameUser)) yield return earlier;
                sameUser.Clear();
            }
            sameUser.Add(assignment);
        }
        foreach (var last in InstantOrder(sameUser)) yield return last;
    }

    private static IEnumerable<Assignment> InstantOrder(List<Assignment> assignments)
    {
        if (assignments.Count > 1)
            assignments.Sort((a, b) => a.AssignedAt.UnixMicroseconds != b.AssignedAt.UnixMicroseconds
                ? a.AssignedAt.UnixMicroseconds.CompareTo(b.AssignedAt.UnixMicroseconds)
                : Events.UserDirectory.CompareCodePoints(a.Variant, b.Variant));
        return assignments;
    }

    public static List<IngestRun> IngestRuns(SqliteConnection connection)
    {
        var runs = new List<IngestRun>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT run, file, kind, started_at, finished_at, read, inserted, updated, duplicates, quarantined, status FROM ingest_runs ORDER BY run";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var counts = new IngestRunCounts(reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9));
            runs.Add(new IngestRun(
                reader.GetInt64(0), reader.GetString(1), Kind(reader.GetString(2)), new Timestamp(reader.GetInt64(3)),
                reader.IsDBNull(4) ? null : new Timestamp(reader.GetInt64(4)), counts, Status(reader.GetString(10))));
        }
        return runs;
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static RecordKind Kind(string text) =>
        Enum.TryParse<RecordKind>(text, ignoreCase: true, out var kind) && text == kind.ToString().ToLowerInvariant()
            ? kind
            : throw new SextantException($"store ingest log holds the record kind '{text}'; expected events, users, subscriptions or assignments: the store is damaged");

    private static IngestRunStatus Status(string text) => text switch
    {
        "running" => IngestRunStatus.Running,
        "done" => IngestRunStatus.Done,
        "rolled_back" => IngestRunStatus.RolledBack,
        "superseded" => IngestRunStatus.Superseded,
        _ => throw new SextantException($"store ingest log holds the status '{text}'; expected running, done, rolled_back or superseded: the store is damaged"),
    };
}
