using Sextant.Analysis;
using Sextant.Analysis.Revenue;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Tests.Support.SemanticsFixtures;

namespace Sextant.Tests.Analysis.Revenue;

/// <summary>Revenue's range, cohort filter and breakdowns on the hand-made cases of <see cref="RevenueFixtures"/>.</summary>
public sealed class RevenueScopeTests
{
    private static RevenueResult Run(SemanticsCase<RevenueQuery> fixture) => new InMemoryEngine(fixture.Load()).Run(fixture.Query);

    [Fact]
    public void Months_overlapping_the_range_count_whole_and_nothing_after_its_end_is_seen()
    {
        // a pays $30 from January 1, b signs up on February 20 and pays $20 from then; a is active into April.
        var result = Run(RevenueFixtures.MidFebruaryToMarch);

        // February counts whole (a's February 10 visit too); b's subscription ran 9 of February's 28 days. No April row.
        Assert.Equal(["2026-02", "2026-03"], result.Months.Select(m => m.Month));
        Assert.Equal([30 + 20 * 9 / 28.0, 50], result.Months.Select(m => m.Revenue), Close);
        Assert.Equal([2L, 2], result.Months.Select(m => m.ActiveUsers));
        Assert.Equal([2L, 2], result.Months.Select(m => m.PayingUsers));
        Assert.Equal([true, true], result.Months.Select(m => m.Complete));
        Assert.Equal("2026-03-31T23:59:59.999999Z", result.DataEnd);
        Assert.Null(result.Breakdown);
        // Only February's cohort signed up in the range: b, LTV 20 × 9/28 then + 20.
        var cohort = Assert.Single(result.Cohorts);
        Assert.Equal(("2026-02", 1L), (cohort.Cohort, cohort.Size));
        Assert.Equal([20 * 9 / 28.0, 20 * 9 / 28.0 + 20], cohort.Periods.Select(p => p.Ltv), Close);
    }

    [Fact]
    public void A_cohort_filter_counts_only_its_members_activity_and_subscriptions()
    {
        var result = Run(RevenueFixtures.ProPlan);

        // January has data (a's events) but nothing of b's.
        Assert.Equal(["2026-01", "2026-02", "2026-03"], result.Months.Select(m => m.Month));
        Assert.Equal([0, 20 * 9 / 28.0, 20], result.Months.Select(m => m.Revenue), Close);
        Assert.Equal([0L, 1, 1], result.Months.Select(m => m.ActiveUsers));
        Assert.Equal([0L, 1, 1], result.Months.Select(m => m.PayingUsers));
        Assert.Equal([("2026-02", 1L)], result.Cohorts.Select(c => (c.Cohort, c.Size)));
    }

    [Fact]
    public void Two_breakdowns_cross_their_values_and_the_smaller_groups_merge_into_other()
    {
        // a (basic, ios) pays 30, b and c (pro, web) pay 20 and 10, d (no profile, android) pays nothing; January only.
        var result = Run(RevenueFixtures.PlanByPlatformTopTwo);

        // pro / web has 2 users; of the single-user groups "(none) / android" sorts first and is kept, basic / ios is Other.
        Assert.Equal("plan / event.platform", result.BreakdownBy);
        var groups = Assert.IsAssignableFrom<IReadOnlyList<RevenueBreakdown>>(result.Breakdown);
        Assert.Equal(["pro / web", "(none) / android", "Other"], groups.Select(g => g.Value));
        Assert.Equal([["pro", "web"], ["(none)", "android"], ["Other"]], groups.Select(g => g.Values.ToArray()));
        Assert.Equal([2L, 1, 1], groups.Select(g => g.Users));
        var january = groups.Select(g => Assert.Single(g.Months)).ToList();
        Assert.Equal([30.0, 0, 30], january.Select(m => m.Revenue), Close);
        Assert.Equal([2L, 1, 1], january.Select(m => m.ActiveUsers));
        Assert.Equal([2L, 0, 1], january.Select(m => m.PayingUsers));
        Assert.Equal([15.0, 0, 30], january.Select(m => m.Arpu), Close);
        Assert.Equal((60.0, 4L, 3L), (result.Months.Single().Revenue, result.Months.Single().ActiveUsers, result.Months.Single().PayingUsers));
    }

    [Fact]
    public void Queries_asking_the_same_are_equal()
    {
        RevenueQuery Build(string excluded) => new(new List<string> { excluded }, TimeRange.Between(null, 5_000),
            new Cohort("pro", new AllOf([new HasProperty("plan", PropertyComparison.In, new[] { "pro" }), new PerformedEvent("edit", 2)])));

        var first = Build("heartbeat");
        var second = Build("heartbeat");

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, Build("billing"));
    }

    private static readonly IEqualityComparer<double> Close = EqualityComparer<double>.Create((x, y) => Math.Abs(x - y) < 1e-9, x => 0);
}
