using System.Globalization;
using Sextant.Analysis.Refresh;
using Sextant.Events;
using Sextant.Storage;
using Sextant.Storage.Sqlite;

namespace Sextant.Tests.Analysis.Refresh;

/// <summary>Writes records into a store batch by batch and runs refreshes on it, for the refresh tests.</summary>
internal static class RefreshStores
{
    public static readonly RefreshSettings Utc = new(TimeZoneInfo.Utc, ["billing_charge"]);

    /// <summary>Appends one ingest batch: the events, then the profiles.</summary>
    public static void Append(string storePath, IEnumerable<EventRecord> events, IEnumerable<UserProfile>? users = null)
    {
        using var store = SqliteStore.Open(storePath, create: true);
        using var session = store.OpenSession();
        // Profiles go in an ingest run, as `sextant ingest` writes them: its counts are how a refresh sees changed profiles.
        var run = session.StartRun("batch", RecordKind.Users, At("2026-01-01T00:00:00Z"));
        List<WriteOutcome> outcomes;
        using (var batch = session.BeginBatch())
        {
            batch.AppendEvents(events, run);
            outcomes = [.. (users ?? []).Select(batch.WriteUser)];
            batch.Commit();
        }
        session.FinishRun(run, new IngestRunCounts(outcomes.Count, outcomes.Count(o => o == WriteOutcome.Inserted),
            outcomes.Count(o => o == WriteOutcome.Updated), outcomes.Count(o => o == WriteOutcome.Duplicate), 0), IngestRunStatus.Done, At("2026-01-01T00:00:00Z"));
    }

    public static RefreshResult RunRefresh(string storePath, RefreshSettings settings, bool full = false)
    {
        using var store = SqliteStore.OpenReadOnly(storePath);
        return RefreshRunner.Run(store, storePath, settings, full, TimeProvider.System);
    }

    /// <summary>The refresh's three CSV files, as bytes, in a fixed order.</summary>
    public static byte[][] Files(string storePath) =>
        [.. RefreshCsv.FileNames.Select(name => File.ReadAllBytes(Path.Combine(RefreshRunner.DirectoryFor(storePath), name)))];

    public static string Text(string storePath, string name) => File.ReadAllText(Path.Combine(RefreshRunner.DirectoryFor(storePath), name));

    public static Timestamp At(string iso) => Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture));

    public static EventRecord Event(string id, string? user, string name, string iso, string? anonymous = null, decimal? revenue = null, string source = "test") =>
        new(id, user, anonymous, name, At(iso), null, null, null, revenue, "{}", source);

    public static UserProfile Profile(string id, string? signupIso) =>
        new(id, signupIso is null ? null : At(signupIso), null, null, null, null, null, null, "{}");
}
