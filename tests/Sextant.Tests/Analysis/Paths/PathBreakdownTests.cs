using Sextant.Analysis;
using Sextant.Analysis.Paths;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Analysis.Paths;

/// <summary>Paths split by breakdowns, worked out by hand.</summary>
public sealed class PathBreakdownTests
{
    /// <summary>
    /// Whole histories as sequences. u1, u2 (free, mobile): a → b; u3 (free, mobile): a → c;
    /// u4 (team, desktop): a → c; u5 (team, mobile): b. The device is on each user's first event.
    /// </summary>
    private static EventTable Sample() => Load(null,
        [User("u1", "2026-01-01T00:00:00Z", plan: "free"), User("u2", "2026-01-01T00:00:00Z", plan: "free"), User("u3", "2026-01-01T00:00:00Z", plan: "free"),
            User("u4", "2026-01-01T00:00:00Z", plan: "team"), User("u5", "2026-01-01T00:00:00Z", plan: "team")],
        [],
        Event("e1", "u1", "a", "2026-01-02T00:00:00Z", properties: """{"device":"mobile"}"""), At("u1", "b", "2026-01-02T00:01:00Z"),
        Event("e2", "u2", "a", "2026-01-02T00:00:00Z", properties: """{"device":"mobile"}"""), At("u2", "b", "2026-01-02T00:01:00Z"),
        Event("e3", "u3", "a", "2026-01-02T00:00:00Z", properties: """{"device":"mobile"}"""), At("u3", "c", "2026-01-02T00:01:00Z"),
        Event("e4", "u4", "a", "2026-01-02T00:00:00Z", properties: """{"device":"desktop"}"""), At("u4", "c", "2026-01-02T00:01:00Z"),
        Event("e5", "u5", "b", "2026-01-02T00:00:00Z", properties: """{"device":"mobile"}"""));

    private static PathQuery Query(int limit) =>
        new() { SessionGap = TimeSpan.Zero, Breakdowns = [Breakdown.Profile("plan"), Breakdown.Event("device")], BreakdownLimit = limit };

    private static List<(string Value, string Values, long Users, long Sequences, string Paths)> Rows(PathResult result) =>
        result.Groups!.Select(g => (g.Value, string.Join("|", g.Values), g.Users, g.SequencesWithPath,
            string.Join(" ", g.Paths.Select(p => $"{string.Join(">", p.Steps)}={p.Count}/{p.Users}")))).ToList();

    [Fact]
    public void Two_breakdowns_cross_plan_and_device_and_merge_the_smallest_groups_into_other()
    {
        var engine = new InMemoryEngine(Sample());

        var all = engine.Run(Query(10));
        var top2 = engine.Run(Query(2));
        var top1 = engine.Run(Query(1));

        Assert.Equal(
        [
            ("free / mobile", "free|mobile", 3L, 3L, "a>b=2/2 a>c=1/1"),
            ("team / desktop", "team|desktop", 1L, 1L, "a>c=1/1"),
            ("team / mobile", "team|mobile", 1L, 1L, "b=1/1"),
        ], Rows(all));
        Assert.Equal(2.0 / 3, all.Groups![0].Paths[0].Share, 12);
        // Ties of one user go by label: team / desktop keeps its row.
        Assert.Equal(("Other", "Other", 1L, 1L, "b=1/1"), Rows(top2)[2]);
        Assert.Equal(3, top2.Groups!.Count);
        // Both team groups merged: a → c and b once each, ties by steps.
        Assert.Equal([("free / mobile", "free|mobile", 3L, 3L, "a>b=2/2 a>c=1/1"), ("Other", "Other", 2L, 2L, "a>c=1/1 b=1/1")], Rows(top1));
        Assert.Equal(0.5, top1.Groups![1].Paths[0].Share, 12);
    }

    [Fact]
    public void A_cohort_filter_leaves_only_its_members_in_the_groups()
    {
        var team = new Cohort("team", new HasProperty("plan", PropertyComparison.In, ["team"]));

        var result = new InMemoryEngine(Sample()).Run(new PathQuery { SessionGap = TimeSpan.Zero, Cohort = team, Breakdowns = [Breakdown.Event("device")] });

        Assert.Equal([("desktop", "desktop", 1L, 1L, "a>c=1/1"), ("mobile", "mobile", 1L, 1L, "b=1/1")], Rows(result));
        Assert.Equal(2, result.Users);
    }

    [Fact]
    public void Without_breakdowns_there_are_no_groups_and_the_overall_paths_do_not_change()
    {
        var engine = new InMemoryEngine(Sample());

        var plain = engine.Run(new PathQuery { SessionGap = TimeSpan.Zero });
        var grouped = engine.Run(Query(1));

        Assert.Null(plain.Groups);
        Assert.Equal(plain.Paths.Select(p => (string.Join(">", p.Steps), p.Count)), grouped.Paths.Select(p => (string.Join(">", p.Steps), p.Count)));
        Assert.Equal([("a>b", 2L), ("a>c", 2L), ("b", 1L)], plain.Paths.Select(p => (string.Join(">", p.Steps), p.Count)));
    }

    [Fact]
    public void Equal_queries_with_breakdowns_built_separately_are_equal_and_hash_alike()
    {
        Assert.Equal(Query(2), Query(2));
        Assert.Equal(Query(2).GetHashCode(), Query(2).GetHashCode());
        Assert.NotEqual(Query(2), Query(3));
    }
}
