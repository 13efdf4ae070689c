using Sextant.Analysis;
using Sextant.Analysis.Engagement;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Tests.Support.SemanticsFixtures;

namespace Sextant.Tests.Analysis.Engagement;

/// <summary>Engagement over a date range, for a cohort, and broken down by two dimensions, each on a case of <see cref="EngagementFixtures"/> worked out by hand.</summary>
public sealed class EngagementScopeTests
{
    private static EngagementResult Run(SemanticsCase<EngagementQuery> fixture) => new InMemoryEngine(fixture.Load()).Run(fixture.Query);

    [Fact]
    public void Two_breakdowns_cross_their_values_and_merge_the_smallest_groups_into_other()
    {
        var result = Run(EngagementFixtures.SegmentByPlatformTopTwo);

        // ind / ios has 2 users; the three groups of 1 rank by label: ent / ios is kept, ent / web and ind / web (b, e) are Other.
        Assert.Equal("segment / event.platform", result.BreakdownBy);
        Assert.Equal([("ind / ios", 2L, 0L, 2L), ("ent / ios", 1L, 0L, 1L), ("Other", 2L, 1L, 2L)],
            result.Breakdown.Select(b => (b.Value, b.Users, b.Dau, b.Mau)));
        Assert.Equal([["ind", "ios"], ["ent", "ios"], ["Other"]], result.Breakdown.Select(b => b.Values.ToArray()));
        // Other's complete days: Jan 1 (b of b: 1) and Jan 2 (nobody of 1: 0); Jan 3 has not ended by the data end.
        Assert.Equal(0.5, result.Breakdown[2].Stickiness, 9);
        Assert.Equal(result.Mau[^1].Users, result.Breakdown.Sum(b => b.Mau));
        Assert.Equal([("ind / ios", 2L, 2L), ("ent / ios", 1L, 1L), ("Other", 2L, 2L)],
            result.FeatureAdoption.Single().ByGroup.Select(g => (g.Value, g.Users, g.Of)));
        Assert.Equal(["Other"], result.FeatureAdoption.Single().ByGroup[2].Values);
    }

    [Fact]
    public void A_cohort_filter_counts_only_its_members()
    {
        var result = Run(EngagementFixtures.IndividualsByPlatform);

        // c, d and e: c and d on Jan 2, e on Jan 3; a and b (ent) are not counted anywhere.
        Assert.Equal([("2026-01-01", 0L), ("2026-01-02", 2L), ("2026-01-03", 1L)], result.Dau.Select(d => (d.Date, d.Users)));
        Assert.Equal(3, result.Mau[^1].Users);
        Assert.Equal((3L, 3L), (result.FeatureAdoption.Single().Adopters, result.FeatureAdoption.Single().SignedUp));
        Assert.Equal([("ios", 2L), ("web", 1L)], result.Breakdown.Select(b => (b.Value, b.Users)));
        Assert.Equal(3, result.Concentration.ActiveUsers);
        Assert.Equal("individuals", result.Cohort);
    }

    [Fact]
    public void A_date_range_counts_only_the_events_in_it_and_ends_the_data_there()
    {
        var result = Run(EngagementFixtures.OneDayRange);

        // Only Jan 2 (c and d); it ends at the range's end, so it is complete and is the whole stickiness headline.
        Assert.Equal([("2026-01-02", 2L)], result.Dau.Select(d => (d.Date, d.Users)));
        Assert.Equal(2, result.Mau[^1].Users);
        Assert.Equal((1.0, 1), (result.Stickiness.Headline, result.Stickiness.Days));
        Assert.Equal("2026-01-02T23:59:59.999999Z", result.DataEnd);
        // Adoption counts use in the range among all 5 signed-up users.
        Assert.Equal((2L, 5L), (result.FeatureAdoption.Single().Adopters, result.FeatureAdoption.Single().SignedUp));
        // The week of Monday Dec 29 has not ended by Jan 2.
        Assert.Equal([("2025-12-29", 2L, false)], result.Weekly.Select(w => (w.Period, w.Users, w.Complete)));
    }

    [Fact]
    public void Queries_asking_the_same_are_equal()
    {
        EngagementQuery Build() => new(
            ExcludeEvents: new List<string> { "billing" }, ActivationEvents: ["create_page", "edit_page"], Features: new[] { "export" },
            Range: TimeRange.Between(1_000, 2_000), Breakdowns: [Breakdown.Profile("segment"), Breakdown.Event("platform")], BreakdownLimit: 3,
            Cohort: new Cohort("individuals", new HasProperty("segment", PropertyComparison.In, ["ind"])));

        var first = Build();
        var second = Build();

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, second with { Breakdowns = [Breakdown.Profile("segment")] });
        Assert.NotEqual(first, second with { ActivationEvents = ["create_page"] });
    }
}
