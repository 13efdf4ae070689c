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
