using Sextant.Events;
using Sextant.Ingest;
using Sextant.Tests.Support;

namespace Sextant.Tests.Privacy;

/// <summary>
/// A hand-made store of three users, one visitor and linked anonymous ids. Forgetting alice must
/// remove e1 (her anonymous view before the link through a1), e2 and e3, her profile, her
/// subscription and her assignment, and leave what a store ingested without her rows holds.
/// </summary>
internal static class ForgetFixture
{
    public const string Events = """
        event_id,user_id,anonymous_id,event,timestamp
        e1,,a1,view,2026-01-01T09:00:00Z
        e2,alice,a1,signup,2026-01-01T10:00:00Z
        e3,alice,,view,2026-01-02T10:00:00Z
        e4,bob,a2,signup,2026-01-01T11:00:00Z
        e5,bob,,view,2026-01-02T12:00:00Z
        e6,,a3,view,2026-01-02T13:00:00Z
        e7,carol,,view,2026-01-03T10:00:00Z
        """;

    public const string Users = "user_id,plan\nalice,pro\nbob,free\n";
    public const string Subscriptions = "subscription_id,user_id,plan,status,start_at,mrr\ns1,alice,pro,active,2026-01-01,10\ns2,bob,pro,active,2026-01-02,20\n";
    public const string Assignments = "experiment,user_id,variant,assigned_at\nx,alice,control,2026-01-01\nx,bob,treatment,2026-01-01\n";

    /// <summary>The same files without alice's rows.</summary>
    public static readonly string[] WithoutAlice =
    [
        string.Join('\n', Events.Split('\n').Where(line => !line.StartsWith("e1,", StringComparison.Ordinal) && !line.Contains("alice", StringComparison.Ordinal))),
        "user_id,plan\nbob,free\n",
        "subscription_id,user_id,plan,status,start_at,mrr\ns2,bob,pro,active,2026-01-02,20\n",
        "experiment,user_id,variant,assigned_at\nx,bob,treatment,2026-01-01\n",
    ];

    /// <summary>Ingests the four files (events split over two files, so two chunks) into the fixture's store.</summary>
    public static void Ingest(StoreFixture fixture, IngestOptions? options = null, string[]? files = null)
    {
        files ??= [Events, Users, Subscriptions, Assignments];
        var lines = files[0].Split('\n');
        var paths = new List<string>
        {
            fixture.Directory.Write("events1.csv", string.Join('\n', lines.Take(4)) + "\n"),
            fixture.Directory.Write("events2.csv", string.Join('\n', lines.Take(1).Concat(lines.Skip(4))) + "\n"),
            fixture.Directory.Write("users.csv", files[1]),
            fixture.Directory.Write("subscriptions.csv", files[2]),
            fixture.Directory.Write("assignments.csv", files[3]),
        };
        var result = fixture.IngestFiles(paths, options);
        Assert.Equal(0L, result.Quarantined);
    }

    public static Timestamp At => Timestamp.FromDateTimeOffset(FixedClock.At2026.GetUtcNow());
}
