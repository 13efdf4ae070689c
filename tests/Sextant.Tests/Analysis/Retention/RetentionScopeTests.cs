using Sextant.Analysis;
using Sextant.Analysis.Retention;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Tests.Support.SemanticsFixtures;

namespace Sextant.Tests.Analysis.Retention;

/// <summary>Retention's range, breakdowns and cohort filter on the hand-made cases of <see cref="RetentionFixtures"/>.</summary>
public sealed class RetentionScopeTests
{
    private static RetentionResult Run(SemanticsCase<RetentionQuery> fixture) => new InMemoryEngine(fixture.Load()).Run(fixture.Query);

    [Fact]
    public void Only_cohorts_starting_in_the_range_count_and_nothing_after_its_end_is_seen()
    {
        var result = Run(RetentionFixtures.Ranged);

        Assert.Equal(["2024-02", "2024-03"], result.Cohorts.Select(c => c.Cohort));
        Assert.Equal([1L, 1], result.Cohorts.Select(c => c.Size));
        // February: active in February and March; no April column, since April is after the range.
        Assert.Equal([1L, 1], result.Cohorts[0].Periods.Select(p => p.Users));
        Assert.Equal([1L], result.Cohorts[1].Periods.Select(p => p.Users));
        Assert.All(result.Cohorts.SelectMany(c => c.Periods), p => Assert.True(p.Complete));
        Assert.Equal("2024-03-31T23:59:59.999999Z", result.DataEnd);
        Assert.Equal((1L, 1L), (result.Average[1].Users, result.Average[1].Eligible));
    }

    [Fact]
    public void Two_breakdowns_cross_their_values_and_the_smaller_groups_merge_into_other()
    {
        var result = Run(RetentionFixtures.SegmentByPlatformTopTwo);

        // Groups: ind/ios (c, d) = 2; ent/ios, ent/web, ind/web, (none)/android = 1 each, ties by label:
        // "(none) / android" sorts first and is kept, the other three are Other.
        Assert.Equal("segment / event.platform", result.BreakdownBy);
        Assert.Equal(["ind / ios", "(none) / android", "Other"], result.Breakdown.Select(b => b.Value));
        Assert.Equal([["ind", "ios"], ["(none)", "android"], ["Other"]], result.Breakdown.Select(b => b.Values.ToArray()));
        Assert.Equal([2L, 1, 3], result.Breakdown.Select(b => b.Users));
        // February (month 1, complete): c of c and d; not f (back in March); a and e of a, b and e.
        Assert.Equal([(1L, 2L), (0L, 1L), (2L, 3L)], result.Breakdown.Select(b => (b.Average[1].Users, b.Average[1].Eligible)));
        Assert.Equal((3L, 6L), (result.Average[1].Users, result.Average[1].Eligible));
    }

    [Fact]
    public void Every_group_keeps_its_own_row_when_the_limit_allows()
    {
        var result = Run(RetentionFixtures.SegmentByPlatform);

        Assert.Equal(["ind / ios", "(none) / android", "ent / ios", "ent / web", "ind / web"], result.Breakdown.Select(b => b.Value));
        Assert.Equal([1L, 0, 1, 0, 1], result.Breakdown.Select(b => b.Average[1].Users));
    }

    [Fact]
    public void A_cohort_filter_counts_only_its_members()
    {
        var result = Run(RetentionFixtures.Individuals);

        // c, d and e signed up in January; c and e came back in February.
        var january = Assert.Single(result.Cohorts);
        Assert.Equal(3, january.Size);
        Assert.Equal([3L, 2], january.Periods.Take(2).Select(p => p.Users));
        Assert.Equal((2L, 3L), (result.Average[1].Users, result.Average[1].Eligible));
    }

    [Fact]
    public void Queries_asking_the_same_are_equal()
    {
        RetentionQuery Build(string segment) => new(CalendarPeriod.Week, ExcludeEvents: new List<string> { "heartbeat" },
            Range: TimeRange.Between(1_000, 2_000), Breakdowns: [Breakdown.Profile(segment), Breakdown.Event("platform")],
            Cohort: new Cohort("ind", new HasProperty("segment", PropertyComparison.In, new[] { "ind" })));

        var first = Build("segment");
        var second = Build("segment");

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, Build("plan"));
    }
}
