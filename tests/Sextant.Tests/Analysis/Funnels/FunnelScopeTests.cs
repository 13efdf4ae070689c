using System.Text.Json;
using Sextant.Analysis;
using Sextant.Analysis.Funnels;
using Sextant.Analysis.Syntax;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Tests.Support.SemanticsFixtures;

namespace Sextant.Tests.Analysis.Funnels;

/// <summary>The step funnel's range, cohort filter and breakdowns, on the hand-made users of <see cref="FunnelFixtures"/>.</summary>
public sealed class FunnelScopeTests
{
    private static long[] Users(IReadOnlyList<FunnelStepResult> steps) => steps.Select(s => s.Users).ToArray();

    [Fact]
    public void Attempts_open_on_step_one_inside_the_range_and_later_steps_may_fall_after_its_end()
    {
        var engine = new InMemoryEngine(FunnelFixtures.RangeAll.Load());

        var all = engine.Run(FunnelFixtures.RangeAll.Query);
        var ranged = engine.Run(FunnelFixtures.Ranged.Query);

        Assert.Equal([5L, 3], Users(all.Steps)); // a, b, c, d and e start; a, b and d convert
        Assert.Equal([3L, 1], Users(ranged.Steps)); // b, c and e start; b converts
        Assert.Equal(71 * 3600.0, ranged.Steps[1].MedianSecondsFromPrevious);
    }

    /// <summary>Runs a case of six users by plan × platform (<see cref="FunnelFixtures.PlanByPlatform"/>).</summary>
    private static FunnelResult Run(SemanticsCase<FunnelQuery> fixture) => new InMemoryEngine(fixture.Load()).Run(fixture.Query);

    [Fact]
    public void Two_breakdowns_form_the_cross_product_of_a_profile_attribute_and_an_event_property()
    {
        var result = Run(FunnelFixtures.PlanByPlatform);

        // Largest first (free / ios has 2 step-1 users), then ties by label: "(" sorts before letters.
        Assert.Equal(["free / ios", "(none) / android", "free / (none)", "paid / ios", "paid / web"], result.Breakdown.Select(b => b.Value));
        Assert.Equal(["(none)", "android"], result.Breakdown[1].Values);
        Assert.Equal([2L, 1], Users(result.Breakdown[0].Steps));
        Assert.Equal([1L, 1], Users(result.Breakdown[2].Steps));
        Assert.Equal([1L, 0], Users(result.Breakdown[4].Steps));
        Assert.Equal([6L, 3], Users(result.Steps));
    }

    [Fact]
    public void Groups_beyond_the_limit_are_merged_into_other()
    {
        var result = Run(FunnelFixtures.PlanByPlatformTopTwo);

        // Kept: free / ios (2) and (none) / android (1, first of the ties by label); Other holds
        // free / (none), paid / ios and paid / web: 3 step-1 users, 2 converted.
        Assert.Equal(["Other", "free / ios", "(none) / android"], result.Breakdown.Select(b => b.Value));
        var other = result.Breakdown[0];
        Assert.Equal(["Other"], other.Values);
        Assert.Equal([3L, 2], Users(other.Steps));
        Assert.Equal(2 / 3.0, other.OverallConversion, 12);
        // free / ios converts 1 of 2; everyone else 2 of 4: the same rate.
        Assert.Equal(1.0, result.Breakdown[1].RatioToRest!.Value, 12);
        Assert.Equal(["free", "ios"], result.Breakdown[1].Values);
        // The group's values are written to JSON beside its label.
        var json = JsonSerializer.Serialize(result.Breakdown[1], new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });
        Assert.Contains("\"value\":\"free / ios\"", json, StringComparison.Ordinal);
        Assert.Contains("\"values\":[\"free\",\"ios\"]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cohort_filter_counts_its_members_only()
    {
        var result = Run(FunnelFixtures.PaidByPlatform);

        // Only u4 (ios, converts) and u5 (web, does not) are on the paid plan.
        Assert.Equal([2L, 1], Users(result.Steps));
        Assert.Equal(["ios", "web"], result.Breakdown.Select(b => b.Value));
        Assert.Equal([1L, 1], Users(result.Breakdown[0].Steps));
    }

    [Fact]
    public void Queries_asking_the_same_are_equal()
    {
        static FunnelQuery Build(string exclude) => new(
            FunnelStepText.ParseList("signup,edit_page|create_page[platform=ios;plan!=free],upgrade"), TimeSpan.FromDays(7), FunnelOrder.Strict,
            new[] { exclude }, TimeRange.Between(1_000, 2_000), new Cohort("paid", new HasProperty("plan", PropertyComparison.In, new List<string> { "paid" })),
            [Breakdown.Profile("plan"), Breakdown.Event("platform")], 5);

        var first = Build("refund");
        var second = Build("refund");

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, Build("churn"));
        Assert.NotEqual(first, first with { Breakdowns = [Breakdown.Profile("plan")] });
    }
}
