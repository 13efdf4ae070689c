using Sextant.Analysis;
using Sextant.Analysis.Health;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Analysis.Health;

/// <summary>Health over a date range, per breakdown group, for a cohort, and query equality.</summary>
public sealed class HealthScopeTests
{
    private static long Micros(string iso) => Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture)).UnixMicroseconds;

    private static EventRecord On(string user, string iso, string platform) => Event(user + iso, user, "edit_page", iso, platform: platform);

    // Five users active once on Mar 20: plan × platform is paid/ios ×2, paid/web, free/ios and (no plan)/web.
    private static EventTable FiveUsers() => Load(null,
        [User("u1", plan: "paid"), User("u2", plan: "paid"), User("u3", plan: "paid"), User("u4", plan: "free"), User("u5")], [],
        On("u1", "2026-03-20T10:00:00Z", "ios"), On("u2", "2026-03-20T11:00:00Z", "ios"), On("u3", "2026-03-20T12:00:00Z", "web"),
        On("u4", "2026-03-20T13:00:00Z", "ios"), On("u5", "2026-03-20T14:00:00Z", "web"));

    [Fact]
    public void The_range_end_is_the_data_end_and_events_before_its_start_are_ignored()
    {
        // Given a active on Mar 10, Mar 20 and Mar 25, and b active on Mar 10 only
        var table = Load(null, [User("a"), User("b")], [],
            At("a", "edit_page", "2026-03-10T10:00:00Z"), At("a", "edit_page", "2026-03-20T10:00:00Z"), At("a", "edit_page", "2026-03-25T10:00:00Z"),
            At("b", "edit_page", "2026-03-10T10:00:00Z"));

        // When health looks at Mar 15 up to the end of Mar 20
        var result = new InMemoryEngine(table).Run(new HealthQuery(Range: TimeRange.Between(Micros("2026-03-15T00:00:00Z"), Micros("2026-03-21T00:00:00Z"))));

        // Then the data end's day is Mar 20; b, active only before the range, is not scored;
        // a has one active day (Mar 20: Mar 10 is before the range, Mar 25 after it), today.
        Assert.Equal("2026-03-20", result.DataEndDay);
        var a = Assert.Single(result.Users);
        Assert.Equal(("a", 1, 0, 1), (a.UserKey, a.ActiveDaysLast30, a.DaysSinceActive, a.Features));
    }

    [Fact]
    public void Two_breakdowns_group_by_their_cross_product_and_merge_the_smallest_into_other()
    {
        // When health is broken down by plan × event.platform with 2 groups kept, everyone at risk (threshold above 100)
        var query = new HealthQuery(AtRiskBelow: 101, Breakdowns: [Breakdown.Profile("plan"), Breakdown.Event("platform")], BreakdownLimit: 2);
        var result = new InMemoryEngine(FiveUsers()).Run(query);

        // Then paid / ios (2 users) is kept; of the three groups of 1, "(none) / web" comes first by label;
        // free / ios and paid / web are merged into Other (2 users, both at risk).
        Assert.Equal(
            [("paid / ios", "paid,ios", 2L, 2L), ("(none) / web", "(none),web", 1L, 1L), ("Other", "", 2L, 2L)],
            result.Groups.Select(g => (g.Value, string.Join(",", g.Values), g.Users, g.AtRisk)).ToList());
        Assert.Equal(5, result.Users.Count);
    }

    [Fact]
    public void Without_a_breakdown_there_are_no_groups()
    {
        var result = new InMemoryEngine(FiveUsers()).Run(new HealthQuery());

        Assert.Empty(result.Groups);
    }

    [Fact]
    public void A_cohort_scores_only_its_members()
    {
        var paid = new Cohort("paid", new HasProperty("plan", PropertyComparison.In, ["paid"]));

        var result = new InMemoryEngine(FiveUsers()).Run(new HealthQuery(Cohort: paid, Breakdowns: [Breakdown.Event("platform")]));

        // Then u1, u2 (ios) and u3 (web) are scored, grouped ios 2, web 1.
        Assert.Equal(["u1", "u2", "u3"], result.Users.Select(u => u.UserKey));
        Assert.Equal([("ios", 2L), ("web", 1L)], result.Groups.Select(g => (g.Value, g.Users)));
    }

    [Fact]
    public void Two_separately_built_equal_queries_are_equal_and_hash_alike()
    {
        HealthQuery Build() => new(
            Range: TimeRange.UpTo(Micros("2026-03-20T23:59:59Z")),
            ExcludeEvents: ["billing"],
            CollaborationEvents: new List<string> { "comment" },
            Weights: new HealthWeights(1, 1, 1, 1, 1, 1),
            ExpansionPlans: new[] { "free" },
            Cohort: new Cohort("paid", new HasProperty("plan", PropertyComparison.In, ["paid"])),
            Breakdowns: [Breakdown.Profile("plan")]);

        Assert.Equal(Build(), Build());
        Assert.Equal(Build().GetHashCode(), Build().GetHashCode());
        Assert.NotEqual(Build(), Build() with { Breakdowns = [Breakdown.Event("platform")] });
    }
}
