using Sextant.Analysis.Revenue;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using Sextant.Storage;

namespace Sextant.Analysis.Checks;

/// <summary>
/// Data-quality tests in the spirit of dbt tests: store integrity, chunk checksums, unique event ids, identity,
/// timestamp range, events before sign-up, events without a profile, accepted values and
/// subscriptions of unknown users, and whether the last month is complete and on trend. Failing checks make <c>sextant check</c> exit non-zero.
/// Every check reads through the store port; the storage checks come from the store itself (<see cref="IEventStore.VerifyIntegrity"/>).
/// </summary>
public static class CheckRunner
{
    private static readonly long EarliestTimestamp = Timestamp.FromDateTimeOffset(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)).UnixMicroseconds;

    /// <summary>The profile columns accepted values can be checked on.</summary>
    private static readonly string[] ProfileColumns = ["segment", "channel", "plan", "country", "platform", "workspace_id"];

    /// <summary>Runs every check on the store.</summary>
    public static CheckReport Run(IEventStore store, CheckQuery query) => Run(store, query, table: null);

    /// <summary>Runs every check, reusing an EventTable already loaded from this store (null loads one).</summary>
    /// <exception cref="SextantException">Accepted values name a column profiles do not have.</exception>
    public static CheckReport Run(IEventStore store, CheckQuery query, EventTable? table) =>
        Run(store, query, table is null ? null : () => table);

    /// <summary>
    /// Runs every check; <paramref name="loadTable"/> gives the store's EventTable (a table snapshot,
    /// say) and is called only when the storage checks pass (null builds it from the chunks).
    /// </summary>
    /// <exception cref="SextantException">Accepted values name a column profiles do not have.</exception>
    public static CheckReport Run(IEventStore store, CheckQuery query, Func<EventTable>? loadTable) => Run(store, query, loadTable, readColumns: null);

    /// <summary>
    /// Runs every check as <see cref="Run(IEventStore, CheckQuery, Func{EventTable})"/> does;
    /// <paramref name="readColumns"/> gives the store's event columns (null reads them from the
    /// store), so a caller that needs them afterwards (the declared data tests) reads them once.
    /// </summary>
    /// <exception cref="SextantException">Accepted values name a column profiles do not have.</exception>
    public static CheckReport Run(IEventStore store, CheckQuery query, Func<EventTable>? loadTable, Func<EventColumns>? readColumns)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        foreach (var attribute in query.AcceptedValues.Keys)
            if (!ProfileColumns.Contains(attribute, StringComparer.Ordinal))
                throw new SextantException($"accepted values are checked on a profile column; got '{attribute}', expected one of {string.Join(", ", ProfileColumns)}");
        var storage = store.VerifyIntegrity().Select(ToOutcome).ToList();
        if (storage.Any(check => check.Status == CheckStatus.Fail)) return Damaged(store, query, storage);
        try
        {
            return new CheckReport([.. storage, .. EventChecks(store, query, loadTable, readColumns)]);
        }
        catch (Exception exception) when (exception is SextantException or InvalidDataException or IndexOutOfRangeException or ArgumentException)
        {
            // Only columns written before checksums get this far damaged: report it, do not crash.
            var undecodable = new CheckOutcome("store_integrity", CheckStatus.Fail, 1, $"a chunk cannot be decoded: {exception.Message}");
            return Damaged(store, query, [undecodable, .. storage.Where(check => check.Name != "store_integrity")]);
        }
    }

    private static CheckOutcome ToOutcome(IntegrityFinding finding) => new(finding.Name, finding.Status switch
    {
        IntegrityStatus.Pass => CheckStatus.Pass,
        IntegrityStatus.Warn => CheckStatus.Warn,
        _ => CheckStatus.Fail,
    }, finding.FailingRows, finding.Message);

    /// <summary>Decoding damaged events would fail or mislead: the damage, then the checks that need no event.</summary>
    private static CheckReport Damaged(IEventStore store, CheckQuery query, List<CheckOutcome> storage)
    {
        var checks = new List<CheckOutcome>(storage);
        List<UserProfile>? profiles = null;
        foreach (var (attribute, accepted) in query.AcceptedValues.Where(pair => pair.Value.Count > 0))
            checks.Add(AcceptedValues(profiles ??= [.. store.ReadProfiles()], attribute, accepted));
        checks.Add(SubscriptionsOfKnownUsers(store));
        checks.Add(InterruptedIngests(store));
        return new CheckReport(checks);
    }

    /// <summary>The checks that decode events, then the profile checks.</summary>
    private static List<CheckOutcome> EventChecks(IEventStore store, CheckQuery query, Func<EventTable>? loadTable, Func<EventColumns>? readColumns)
    {
        var checks = new List<CheckOutcome> { UniqueIds(store) };

        var columns = readColumns is null ? store.ReadEventColumns() : readColumns();
        long withoutIdentity = 0, outOfRange = 0;
        var latest = Timestamp.FromDateTimeOffset(query.Now.AddDays(1)).UnixMicroseconds;
        for (var row = 0; row < columns.RowCount; row++)
        {
            if (columns.UserCodes[row] == 0 && columns.AnonymousCodes[row] == 0) withoutIdentity++;
            var time = columns.Timestamps[row];
            if (time < EarliestTimestamp || time > latest) outOfRange++;
        }
        checks.Add(Outcome("events_have_identity", withoutIdentity, CheckStatus.Fail,
            "every event has a user_id or an anonymous_id", "events have neither user_id nor anonymous_id"));
        checks.Add(Outcome("timestamps_in_range", outOfRange, CheckStatus.Fail,
            "event timestamps lie between 2000-01-01 and one day from now", "events have timestamps before 2000-01-01 or more than one day in the future"));

        var events = loadTable?.Invoke() ?? EventTableBuilder.Build(store, columns, TimeZoneInfo.Utc);
        var profiles = store.ReadProfiles().ToList();
        checks.AddRange(ProfileChecks(profiles, events));
        foreach (var (attribute, accepted) in query.AcceptedValues.Where(pair => pair.Value.Count > 0))
            checks.Add(AcceptedValues(profiles, attribute, accepted));
        checks.Add(SubscriptionsOfKnownUsers(store));
        checks.Add(InterruptedIngests(store));
        checks.AddRange(LastPeriodChecks.Run(new InMemoryEngine(events).Run(new RevenueQuery()).Months));
        return checks;
    }

    private static CheckOutcome UniqueIds(IEventStore store) =>
        Outcome("unique_event_ids", store.CountRepeatedEventIds(), CheckStatus.Fail, "every event id is stored once", "event ids are stored more than once");

    private static IEnumerable<CheckOutcome> ProfileChecks(List<UserProfile> stored, EventTable table)
    {
        var profileSignups = new Dictionary<string, long>(StringComparer.Ordinal);
        var profiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var profile in stored)
        {
            profiles.Add(profile.UserId);
            if (profile.SignupAt is { } signupAt) profileSignups[profile.UserId] = signupAt.UnixMicroseconds;
        }
        long beforeSignup = 0, withoutProfile = 0;
        var usersWithoutProfile = 0;
        for (var user = 0; user < table.SignedUpUserCount; user++)
        {
            var start = table.UserOffsets[user];
            var end = table.UserOffsets[user + 1];
            if (start == end) continue;
            var key = table.UserKeys[user];
            if (!profiles.Contains(key))
            {
                withoutProfile += end - start;
                usersWithoutProfile++;
            }
            if (profileSignups.TryGetValue(key, out var signup))
                for (var row = start; row < end && table.Timestamps[row] < signup; row++) beforeSignup++;
        }
        yield return Outcome("events_before_signup", beforeSignup, CheckStatus.Warn,
            "no event of a user precedes the user's signup_at", "events precede their user's signup_at (often anonymous pre-signup activity)");
        yield return Outcome("events_have_profile", withoutProfile, CheckStatus.Warn,
            "every identified user with events has a profile", $"events belong to {usersWithoutProfile} users without a profile (ingest user profiles)");
    }

    private static CheckOutcome AcceptedValues(List<UserProfile> profiles, string attribute, IReadOnlyList<string> accepted)
    {
        var allowed = new HashSet<string>(accepted, StringComparer.Ordinal);
        long failing = 0;
        foreach (var profile in profiles)
        {
            var value = attribute switch
            {
                "segment" => profile.Segment,
                "channel" => profile.Channel,
                "plan" => profile.Plan,
                "country" => profile.Country,
                "platform" => profile.Platform,
                _ => profile.WorkspaceId,
            };
            if (value is not null && !allowed.Contains(value)) failing++;
        }
        return Outcome($"accepted_values_{attribute}", failing, CheckStatus.Fail,
            $"every user's {attribute} is one of: {string.Join(", ", accepted)}", $"users have a {attribute} outside: {string.Join(", ", accepted)}");
    }

    private static CheckOutcome SubscriptionsOfKnownUsers(IEventStore store)
    {
        var known = new HashSet<string>(store.ReadUserIds(), StringComparer.Ordinal);
        var failing = store.ReadSubscriptions().LongCount(subscription => !known.Contains(subscription.UserId));
        return Outcome("subscriptions_have_known_user", failing, CheckStatus.Fail,
            "every subscription's user has a profile or events", "subscriptions belong to users with neither a profile nor events");
    }

    private static CheckOutcome InterruptedIngests(IEventStore store)
    {
        var interrupted = store.ReadIngestRuns().LongCount(run => run.Status == IngestRunStatus.Running);
        return Outcome("ingests_completed", interrupted, CheckStatus.Warn,
            "every ingest ran to its end", "ingests stopped before their end; the store holds their committed batches — run the same ingest again to complete them");
    }

    private static CheckOutcome Outcome(string name, long failing, CheckStatus severity, string rule, string problem) =>
        failing == 0
            ? new CheckOutcome(name, CheckStatus.Pass, 0, rule)
            : new CheckOutcome(name, severity, failing, $"{failing} {problem}");
}
