using System.Globalization;
using Sextant.Analysis;
using Sextant.Analysis.Impact;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Analysis.Impact;

/// <summary>Channel attribution split by breakdowns, worked out by hand.</summary>
public sealed class ChannelAttributionBreakdownTests
{
    private static Subscription Paying(string id, string user, string startIso, decimal mrr)
    {
        var start = Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(startIso, CultureInfo.InvariantCulture));
        return new Subscription(id, user, "plus", "cancelled", start, new Timestamp(start.UnixMicroseconds + (long)(30.4375 * Timestamp.MicrosPerDay)), mrr, "USD");
    }

    private static EventRecord Touch(string user, string source, string device) =>
        Event("t" + user, user, "page_view", "2026-01-02T00:00:00Z", properties: $$"""{"utm_source":"{{source}}","device":"{{device}}"}""");

    /// <summary>
    /// One month paid from January 15 by u1 (free, mobile, ads, 30), u2 (free, mobile, email, 12),
    /// u3 (team, desktop, ads, 20) and u4 (team, mobile, ads, 10); u5 (free, desktop, ads) never pays.
    /// </summary>
    private static EventTable FourPayers() => Load(null,
        [User("u1", "2026-01-01T00:00:00Z", plan: "free"), User("u2", "2026-01-01T00:00:00Z", plan: "free"), User("u3", "2026-01-01T00:00:00Z", plan: "team"),
            User("u4", "2026-01-01T00:00:00Z", plan: "team"), User("u5", "2026-01-01T00:00:00Z", plan: "free")],
        [Paying("s1", "u1", "2026-01-15T00:00:00Z", 30), Paying("s2", "u2", "2026-01-15T00:00:00Z", 12), Paying("s3", "u3", "2026-01-15T00:00:00Z", 20),
            Paying("s4", "u4", "2026-01-15T00:00:00Z", 10)],
        Touch("u1", "ads", "mobile"), Touch("u2", "email", "mobile"), Touch("u3", "ads", "desktop"), Touch("u4", "ads", "mobile"), Touch("u5", "ads", "desktop"),
        At("u1", "view", "2026-06-01T00:00:00Z"));

    private static ChannelAttributionQuery ByPlanAndDevice(int limit) =>
        new() { Breakdowns = [Breakdown.Profile("plan"), Breakdown.Event("device")], BreakdownLimit = limit };

    private static List<(string Value, string Values, long Users, string Credits)> Rows(ChannelAttributionResult result) =>
        result.Groups!.Select(g => (g.Value, string.Join("|", g.Values), g.Users,
            string.Join(" ", g.Credits.Select(c => $"{c.Channel}={Math.Round(c.FirstTouch, 9).ToString(CultureInfo.InvariantCulture)}")))).ToList();

    [Fact]
    public void Two_breakdowns_cross_plan_and_device_and_merge_the_smallest_groups_into_other()
    {
        var engine = new InMemoryEngine(FourPayers());

        var all = engine.Run(ByPlanAndDevice(10));
        var top2 = engine.Run(ByPlanAndDevice(2));

        // u5 never pays, so free / desktop has no credited user and no row.
        Assert.Equal(
            [("free / mobile", "free|mobile", 2L, "ads=30 email=12"), ("team / desktop", "team|desktop", 1L, "ads=20"), ("team / mobile", "team|mobile", 1L, "ads=10")],
            Rows(all));
        // Ties of one user are ranked by label: team / desktop keeps its row, team / mobile is Other.
        Assert.Equal(
            [("free / mobile", "free|mobile", 2L, "ads=30 email=12"), ("team / desktop", "team|desktop", 1L, "ads=20"), ("Other", "Other", 1L, "ads=10")],
            Rows(top2));
        // The overall credits are the same with or without groups.
        Assert.Equal(["ads", "email"], top2.Credits.Select(c => c.Channel));
        Assert.Equal(60, top2.Credits[0].FirstTouch, 9);
    }

    [Fact]
    public void Other_adds_up_every_model_of_the_merged_groups()
    {
        var result = new InMemoryEngine(FourPayers()).Run(new ChannelAttributionQuery { Breakdowns = [Breakdown.Event("device"), Breakdown.Profile("plan")], BreakdownLimit = 1 });

        // mobile / free keeps its row; mobile / team (u4, 10) and desktop / team (u3, 20) are Other.
        Assert.Equal([("mobile / free", "mobile|free", 2L, "ads=30 email=12"), ("Other", "Other", 2L, "ads=30")], Rows(result));
        var other = result.Groups![1].Credits[0];
        Assert.Equal((30.0, 30.0, 30.0, 30.0), (other.FirstTouch, other.LastTouch, other.Linear, Math.Round(other.TimeDecay, 9)));
    }

    [Fact]
    public void A_cohort_filter_leaves_only_its_members_in_the_groups()
    {
        var team = new Cohort("team", new HasProperty("plan", PropertyComparison.In, ["team"]));

        var result = new InMemoryEngine(FourPayers()).Run(new ChannelAttributionQuery(Cohort: team) { Breakdowns = [Breakdown.Event("device")] });

        Assert.Equal([("desktop", "desktop", 1L, "ads=20"), ("mobile", "mobile", 1L, "ads=10")], Rows(result));
        Assert.Equal(30, result.Credits.Single().FirstTouch, 9);
    }

    [Fact]
    public void A_cohort_breakdown_splits_members_from_the_rest()
    {
        var team = new Cohort("team", new HasProperty("plan", PropertyComparison.In, ["team"]));

        var result = new InMemoryEngine(FourPayers()).Run(new ChannelAttributionQuery { Breakdowns = [Breakdown.InCohort(team), Breakdown.Event("device")] });

        Assert.Equal(
            [("not in team / mobile", "not in team|mobile", 2L, "ads=30 email=12"), ("in team / desktop", "in team|desktop", 1L, "ads=20"), ("in team / mobile", "in team|mobile", 1L, "ads=10")],
            Rows(result));
    }

    [Fact]
    public void Without_breakdowns_there_are_no_groups()
    {
        var result = new InMemoryEngine(FourPayers()).Run(new ChannelAttributionQuery());

        Assert.Null(result.Groups);
        Assert.Equal([("ads", 60.0), ("email", 12.0)], result.Credits.Select(c => (c.Channel, Math.Round(c.FirstTouch, 9))));
    }

    [Fact]
    public void An_unknown_breakdown_property_is_named_in_the_error()
    {
        var error = Assert.Throws<SextantException>(() => new InMemoryEngine(FourPayers()).Run(new ChannelAttributionQuery { Breakdowns = [Breakdown.Event("colour")] }));

        Assert.Contains("colour", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equal_queries_with_breakdowns_built_separately_are_equal_and_hash_alike()
    {
        Assert.Equal(ByPlanAndDevice(2), ByPlanAndDevice(2));
        Assert.Equal(ByPlanAndDevice(2).GetHashCode(), ByPlanAndDevice(2).GetHashCode());
        Assert.NotEqual(ByPlanAndDevice(2), ByPlanAndDevice(3));
    }
}
