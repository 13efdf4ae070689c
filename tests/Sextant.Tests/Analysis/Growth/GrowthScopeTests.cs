using Sextant.Analysis;
using Sextant.Analysis.Engagement;
using Sextant.Analysis.Growth;
using Sextant.Analysis.Retention;
using Sextant.Analysis.Revenue;
using Sextant.Engine.InMemory;
using Sextant.Events;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Analysis.Growth;

public sealed class GrowthScopeTests
{
    // a (free) is active in January only; b (paid) in January and March; c (paid) in March only.
    private static EventTable Table() => Load(null,
        [User("a", "2026-01-01T00:00:00Z", plan: "free"), User("b", "2026-01-01T00:00:00Z", plan: "paid"), User("c", "2026-03-01T00:00:00Z", plan: "paid")], [],
        At("a", "open", "2026-01-10T00:00:00Z"),
        At("b", "open", "2026-01-20T00:00:00Z"), At("b", "open", "2026-03-20T00:00:00Z"),
        At("c", "open", "2026-03-25T00:00:00Z"));

    private static GrowthQuery Query() => new(new EngagementQuery(), new RetentionQuery(), new RevenueQuery(), [], Draws: 1000);

    [Fact]
    public void The_range_end_is_the_data_end_of_the_recent_users_and_a_cohort_keeps_only_its_members()
    {
        var engine = new InMemoryEngine(Table());
        var endOfJanuary = new TimeRange(null, Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero)));
        var paid = new Cohort("paid", new HasProperty("plan", PropertyComparison.In, ["paid"]));

        // All data: the last 30 days before March 25 hold b and c.
        Assert.Equal(2, engine.Measure(Query()).RecentUsers);
        // Up to the end of January: the data end is January 31, and a and b were active in the 30 days before it.
        Assert.Equal(2, engine.Measure(Query().Within(endOfJanuary, null)).RecentUsers);
        // Paid users up to the end of January: b only.
        Assert.Equal(1, engine.Measure(Query().Within(endOfJanuary, paid)).RecentUsers);
        // The baseline queries get the same range and cohort.
        var scoped = Query().Within(endOfJanuary, paid);
        Assert.Equal((endOfJanuary, paid), (scoped.Engagement.Range, scoped.Retention.Cohort));
        Assert.Equal(Query(), Query().Within(default, null));
    }
}
