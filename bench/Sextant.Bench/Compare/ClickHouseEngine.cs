using System.Diagnostics;
using System.Globalization;

namespace Sextant.Bench.Compare;

/// <summary>
/// The questions on a running ClickHouse server: events in a MergeTree ordered by (user_id,
/// timestamp), profiles beside them. Timestamps are DateTime, i.e. whole seconds: 18.16 has no
/// sub-second type, and windowFunnel takes DateTime or UInt32 only.
/// </summary>
internal sealed class ClickHouseEngine(ClickHouseHttp http) : IComparedEngine
{
    public string Name => "ClickHouse";

    public string Timed => "the HTTP query round trip, server already running with the data loaded (warm)";

    public string? Caveat =>
        "ClickHouse 18.16 keeps whole seconds (DateTime; windowFunnel takes nothing finer), so a step less than a second " +
        "before the previous one, or less than a second past the window, counts there and not in Sextant (docs/STORAGE.md)";

    /// <summary>Creates the tables, streams both CSV files in and merges the parts; returns the events load time and the merge time.</summary>
    public (TimeSpan Events, TimeSpan Profiles, TimeSpan Merge) Load(string eventsCsv, string profilesCsv)
    {
        // Columns in the files' order: 18.16 reads CSVWithNames by position, not by header name.
        http.Execute("""
            CREATE TABLE events (event_id String, user_id String, anonymous_id String, event String, timestamp DateTime,
                platform String, session_id String, workspace_id String, revenue Nullable(Float64), properties String, source String)
            ENGINE = MergeTree ORDER BY (user_id, timestamp)
            """);
        // signup_at stays text: 18.16 reads an empty DateTime field as 2000-01-01, not as missing.
        http.Execute("""
            CREATE TABLE profiles (user_id String, signup_at String, segment String, channel String, plan String,
                country String, platform String, workspace_id String, traits String)
            ENGINE = MergeTree ORDER BY user_id
            """);
        var watch = Stopwatch.StartNew();
        http.InsertCsv("events", eventsCsv);
        var events = watch.Elapsed;
        watch.Restart();
        http.InsertCsv("profiles", profilesCsv);
        var profiles = watch.Elapsed;
        watch.Restart();
        MergeToOnePart("events");
        MergeToOnePart("profiles");
        return (events, profiles, watch.Elapsed);
    }

    /// <summary>
    /// Merges a table's parts into one, so no background merge runs during the timed questions.
    /// OPTIMIZE does nothing, silently, while a background merge holds the parts: wait and retry.
    /// </summary>
    private void MergeToOnePart(string table)
    {
        for (var attempt = 0; attempt < 600 && ActiveParts(table) > 1; attempt++)
        {
            if (long.Parse(http.Query("SELECT count() FROM system.merges")[0][0], CultureInfo.InvariantCulture) == 0)
                http.Execute($"OPTIMIZE TABLE {table} FINAL");
            else
                Thread.Sleep(500);
        }
    }

    private long ActiveParts(string table) =>
        long.Parse(http.Query($"SELECT count() FROM system.parts WHERE active AND database = currentDatabase() AND table = '{table}'")[0][0], CultureInfo.InvariantCulture);

    /// <summary>Events with no user id: Sextant would attribute them by identity resolution, which the SQL here leaves out.</summary>
    public long EventsWithoutUserId() => long.Parse(http.Query("SELECT count() FROM events WHERE user_id = ''")[0][0], CultureInfo.InvariantCulture);

    public Reply Ask(Question question)
    {
        var watch = Stopwatch.StartNew();
        var rows = http.Query(Questions.ClickHouseSql(question));
        var elapsed = watch.Elapsed;
        return new Reply(Questions.FromRows(question, rows), elapsed);
    }
}
