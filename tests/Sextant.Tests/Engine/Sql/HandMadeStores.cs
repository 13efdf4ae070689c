using Sextant.Events;
using Sextant.Storage;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Engine.Sql;

/// <summary>
/// Tiny stores whose tricky cases every pushed-down analysis must get right: DST change days in
/// Paris and New York, instants one microsecond either side of a midnight, a Sunday/Monday ISO
/// week edge, an anonymous user identified later, a visitor never identified, events before a
/// sign-up, users known only from a profile or an assignment, ties at one instant, and data that
/// end mid-period.
/// </summary>
internal static class HandMadeStores
{
    public static readonly string[] Zones = ["UTC", "Europe/Paris", "America/New_York"];

    public static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    /// <summary>The retention store: sign-ups from January to May 2024, data ending mid-June.</summary>
    public static void Retention(IStoreWriter store)
    {
        Write(store,
            [User("u2", "2024-01-07T23:59:59.999999Z"), User("u4", "2024-05-20T00:00:00Z"), User("u5", "2024-04-01T00:00:00Z"), User("u7")],
            [Assign("exp", "u6", "control", "2024-03-01T00:00:00Z")],
            // Paris springs forward on 2024-03-31; the last minute of that local day and the first of the next.
            At("u1", "signup", "2024-03-30T23:30:00Z"), At("u1", "edit", "2024-03-31T21:59:59.999999Z"),
            At("u1", "edit", "2024-03-31T22:00:00Z"), At("u1", "edit", "2024-04-07T22:00:00Z"), At("u1", "view", "2024-05-01T10:00:00Z"),
            // Sunday 7 January 2024 ends a UTC ISO week one microsecond before the first event.
            At("u2", "edit", "2024-01-08T00:00:00Z"), At("u2", "view", "2024-01-14T23:00:00Z"), At("u2", "edit", "2024-02-01T00:00:00Z"),
            At("u2", "edit", "2024-11-03T06:30:00Z"),
            // An anonymous device identified as u3 two days later: its events count for u3 from the start.
            At(null, "view", "2024-02-10T10:00:00Z", anonymous: "a3"), At(null, "view", "2024-02-11T10:00:00Z", anonymous: "a3"),
            At("u3", "signup", "2024-02-12T10:00:00Z", anonymous: "a3"), At("u3", "edit", "2024-03-12T10:00:00Z"),
            // A visitor never identified.
            At(null, "view", "2024-02-01T00:00:00Z", anonymous: "v9"), At(null, "edit", "2024-03-01T00:00:00Z", anonymous: "v9"),
            At("u4", "view", "2024-05-10T00:00:00Z"), At("u4", "edit", "2024-05-21T00:00:00Z"),
            At("u7", "signup", "2024-02-05T09:00:00Z"), At("u7", "billing", "2024-02-06T09:00:00Z"), At("u7", "billing", "2024-03-06T09:00:00Z"),
            At("u7", "edit", "2024-03-07T09:00:00Z"),
            At("u8", "view", "2024-03-01T09:00:00Z"), At("u8", "create_page", "2024-03-10T09:00:00Z"), At("u8", "edit", "2024-03-17T09:00:00Z"),
            At("u8", "create_page", "2024-04-10T09:00:00Z"), At("u8", "edit", "2024-04-11T09:00:00Z"),
            At("u9", "signup", "2024-04-01T00:00:00Z"), At("u9", "edit", "2024-04-01T00:00:00Z"), At("u9", "edit", "2024-04-02T03:30:00Z"),
            // Day N exactly: days 1, 7, 14, 30, 60 and 90 after a 1 January sign-up (2024 is a leap year).
            At("u10", "signup", "2024-01-01T12:00:00Z"), At("u10", "edit", "2024-01-02T12:00:00Z"), At("u10", "edit", "2024-01-08T12:00:00Z"),
            At("u10", "edit", "2024-01-15T12:00:00Z"), At("u10", "edit", "2024-01-31T12:00:00Z"), At("u10", "edit", "2024-03-01T12:00:00Z"),
            At("u10", "edit", "2024-03-31T12:00:00Z"),
            At("u11", "signup", "2024-06-14T23:30:00Z"), At("u11", "edit", "2024-06-15T12:00:00Z"));
    }

    /// <summary>The funnel store: signup → create → share, with attempts at the window's edge, ties, identities and exclusions.</summary>
    public static void Funnel(IStoreWriter store)
    {
        Write(store, [], [],
            // Create exactly one day after sign-up (inside a 1-day window), share one microsecond too late.
            At("f1", "signup", "2024-03-01T10:00:00Z"), At("f1", "create", "2024-03-02T10:00:00Z"), At("f1", "share", "2024-03-02T10:00:00.000001Z"),
            // Create at the sign-up instant, stored before it: still "at or after" step 1.
            At("f2", "create", "2024-03-01T11:00:00Z"), At("f2", "signup", "2024-03-01T11:00:00Z"), At("f2", "share", "2024-03-01T11:00:00Z"),
            // Signed up anonymously, identified at step 2.
            At(null, "signup", "2024-03-03T08:00:00Z", anonymous: "d3"), At("f3", "create", "2024-03-03T09:00:00Z", anonymous: "d3"),
            At("f3", "share", "2024-03-03T10:00:00Z"),
            // A visitor never identified still goes through the funnel as its own entity.
            At(null, "signup", "2024-03-04T08:00:00Z", anonymous: "v4"), At(null, "create", "2024-03-04T09:00:00Z", anonymous: "v4"),
            // The first attempt runs out of window; the second, later, completes.
            At("f5", "signup", "2024-03-01T00:00:00Z"), At("f5", "signup", "2024-03-05T00:00:00Z"), At("f5", "create", "2024-03-05T12:00:00Z"),
            At("f5", "share", "2024-03-05T13:00:00Z"), At("f5", "create", "2024-03-05T14:00:00Z"),
            // Cancelled between step 1 and the last step reached.
            At("f6", "signup", "2024-03-06T00:00:00Z"), At("f6", "cancel", "2024-03-06T01:00:00Z"), At("f6", "create", "2024-03-06T02:00:00Z"),
            // Signed up before the range; creates inside it.
            At("f7", "signup", "2024-02-28T23:00:00Z"), At("f7", "create", "2024-03-01T01:00:00Z"), At("f7", "share", "2024-03-01T02:00:00Z"),
            // Signed up at the range's last microsecond; converts after it, within the window; cancels after converting.
            At("f8", "signup", "2024-03-09T23:59:59.999999Z"), At("f8", "create", "2024-03-10T05:00:00Z"), At("f8", "share", "2024-03-10T06:00:00Z"),
            At("f8", "cancel", "2024-03-10T07:00:00Z"),
            // Two attempts at one instant; cancels at its last matched step's instant.
            At("f9", "signup", "2024-03-07T00:00:00Z"), At("f9", "signup", "2024-03-07T00:00:00Z"), At("f9", "create", "2024-03-07T03:00:00Z"),
            At("f9", "cancel", "2024-03-07T03:00:00Z"),
            At("f10", "view", "2024-03-08T00:00:00Z"), At("f10", "create", "2024-03-08T00:00:00Z"));
    }

    /// <summary>
    /// The revenue store: sign-ups from January to May 2024, data ending mid-November, and subscriptions
    /// that start and end mid-month, on DST change days (Paris 31 March and 27 October, New York 10 March
    /// and 3 November) and at a UTC midnight, run open-ended, overlap for one user, pay in a second
    /// currency, belong to a user known only from the subscription, carry no revenue (a free plan, a
    /// trial), start before the first event and before the user's sign-up, or start after the data end.
    /// </summary>
    public static void Revenue(IStoreWriter store)
    {
        using var session = store.OpenSession();
        using var batch = session.BeginBatch();
        batch.AppendEvents(
        [
            At("r1", "signup", "2024-01-15T10:00:00Z"), At("r1", "edit", "2024-02-03T10:00:00Z"), At("r1", "edit", "2024-04-30T23:30:00Z"),
            At("r2", "signup", "2024-02-29T23:30:00Z"), At("r2", "edit", "2024-03-31T21:59:59.999999Z"), At("r2", "edit", "2024-07-01T00:00:00Z"),
            // An anonymous device identified later: its events are r3's from the start.
            At(null, "view", "2024-03-01T09:00:00Z", anonymous: "ra3"), At("r3", "signup", "2024-03-02T09:00:00Z", anonymous: "ra3"),
            At("r3", "billing", "2024-05-02T09:00:00Z"), At("r3", "edit", "2024-10-27T01:30:00Z"),
            // One UTC week (Thursday to Wednesday) across the end of September, the middle event already October's in Paris.
            At("r4", "signup", "2024-02-01T08:00:00Z"), At("r4", "view", "2024-09-27T10:00:00Z"), At("r4", "edit", "2024-09-30T22:30:00Z"),
            At("r4", "view", "2024-10-02T10:00:00Z"),
            At("r5", "signup", "2024-04-10T12:00:00Z"), At("r5", "billing", "2024-06-10T12:00:00Z"),
            At("r6", "view", "2024-02-20T12:00:00Z"), At("r6", "edit", "2024-05-20T12:00:00Z"),
            At("r8", "signup", "2024-03-10T06:30:00Z"), At("r8", "edit", "2024-11-03T05:30:00Z"),
            // A visitor never identified.
            At(null, "view", "2024-01-10T00:00:00Z", anonymous: "rv9"),
            At("r1", "edit", "2024-11-15T12:00:00Z"),
        ], run: 0);
        batch.WriteUser(User("r6", "2024-05-10T00:00:00Z"));
        batch.WriteUser(User("r7", "2024-04-01T00:00:00Z"));
        foreach (var subscription in new[]
        {
            Paid("s01", "r1", 30m, "2024-01-15T10:30:00Z", "2024-03-20T00:00:00Z"),
            Paid("s02", "r1", 15m, "2024-02-10T00:00:00Z", "2024-02-20T00:00:00Z"),
            Paid("s03", "r2", 12.5m, "2024-03-30T12:00:00Z"),
            Paid("s04", "r3", 9.99m, "2024-03-31T12:00:00Z", "2024-10-27T12:00:00Z"),
            Paid("s05", "r4", 20m, "2024-02-01T00:00:00Z", currency: "EUR"),
            Paid("s06", "ghost", 5m, "2024-04-01T00:00:00Z", "2024-06-01T00:00:00Z"),
            Paid("s07", "r5", 0m, "2024-04-10T12:00:00Z"),
            Paid("s08", "r5", 10m, "2024-04-10T12:00:00Z", "2024-05-10T12:00:00Z") with { Status = "trial" },
            Paid("s09", "r6", 40m, "2024-03-01T00:00:00Z", "2024-05-01T00:00:00Z"),
            Paid("s10", "r7", 8m, "2024-12-01T00:00:00Z"),
            Paid("s11", "r8", 7.5m, "2024-03-10T06:30:00Z", "2024-11-03T12:00:00Z"),
            Paid("s12", "r4", 3.33m, "2023-12-20T18:00:00Z", "2024-03-10T12:00:00Z"),
            Paid("s13", "r2", 1m, "2024-06-01T00:00:00Z", "2024-06-01T00:00:00Z"),
        })
            batch.WriteSubscription(subscription);
        batch.Commit();
    }

    /// <summary>
    /// Two currencies with one paying subscription each: the tie goes to the ordinal-first, "USD" before "eur",
    /// which a database collation ordering letters case-insensitively would put the other way round.
    /// </summary>
    public static void RevenueTie(IStoreWriter store)
    {
        using var session = store.OpenSession();
        using var batch = session.BeginBatch();
        batch.AppendEvents([At("t1", "signup", "2024-01-05T00:00:00Z"), At("t2", "signup", "2024-01-06T00:00:00Z"), At("t1", "edit", "2024-02-10T00:00:00Z")], run: 0);
        batch.WriteSubscription(Paid("t01", "t2", 10m, "2024-01-06T00:00:00Z", currency: "eur"));
        batch.WriteSubscription(Paid("t02", "t1", 10m, "2024-01-05T00:00:00Z", currency: "USD"));
        batch.Commit();
    }

    private static Subscription Paid(string id, string user, decimal mrr, string isoStart, string? isoEnd = null, string currency = "USD") =>
        new(id, user, "plus", isoEnd is null ? "active" : "cancelled", Instant(isoStart), isoEnd is null ? null : Instant(isoEnd), mrr, currency);

    private static Timestamp Instant(string iso) => Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Profiles for funnel breakdowns: values, a missing value, a user without a profile, and traits naming the plan column.</summary>
    public static void Profiles(IStoreWriter store)
    {
        Write(store,
            [
                new UserProfile("p1", null, "smb", "ads", "pro", "FR", "web", "w1", "{}"),
                new UserProfile("p2", null, "smb", null, "free", null, "ios", "w1", """{"team_size":3}"""),
                new UserProfile("p3", null, "enterprise", "seo", "free", "DE", "web", "w2", """{"plan":"team"}"""),
            ],
            [],
            At("p1", "signup", "2024-03-01T10:00:00Z"), At("p1", "create", "2024-03-01T11:00:00Z"),
            At("p2", "signup", "2024-03-02T10:00:00Z"),
            At("p3", "signup", "2024-03-03T10:00:00Z"), At("p3", "create", "2024-03-03T10:30:00Z"),
            At("p4", "signup", "2024-03-04T10:00:00Z"), At("p4", "create", "2024-03-04T12:00:00Z"),
            At(null, "signup", "2024-03-05T10:00:00Z", anonymous: "v5"));
    }

    /// <summary>Writes events, then profiles and assignments, in one batch through <paramref name="store"/>.</summary>
    public static void Write(IStoreWriter store, IReadOnlyList<UserProfile> users, IReadOnlyList<Assignment> assignments, params EventRecord[] events)
    {
        using var session = store.OpenSession();
        using var batch = session.BeginBatch();
        batch.AppendEvents(events, run: 0);
        foreach (var user in users) batch.WriteUser(user);
        foreach (var assignment in assignments) batch.WriteAssignment(assignment);
        batch.Commit();
    }
}
