using System.Globalization;
using System.Text.Json;
using Sextant.Analysis;
using Sextant.Analysis.Funnels;
using Sextant.Analysis.Syntax;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Analysis.Funnels;

/// <summary>The step funnel's range, cohort filter and breakdowns, on hand-made users.</summary>
public sealed class FunnelScopeTests
{
    private static readonly Cohort Paid = new("paid", new HasProperty("plan", PropertyComparison.In, ["paid"]));

    private static long Micros(string iso) => Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture)).UnixMicroseconds;

    private static FunnelQuery Query(TimeSpan window) => new(FunnelStepText.ParseList("x,y"), window);

    private static long[] Users(IReadOnlyList<FunnelStepResult> steps) => steps.Select(s => s.Users).ToArray();

    [Fact]
    public void Attempts_open_on_step_one_inside_the_range_and_later_steps_may_fall_after_its_end()
    {
        var table = Load(null,
            // a: step 1 an hour before the range opens, step 2 inside it: no attempt.
            At("a", "x", "2024-01-01T23:00:00Z"), At("a", "y", "2024-01-02T01:00:00Z"),
            // b: step 1 inside, step 2 nine hours after the range's end but within the 3-day window.
            At("b", "x", "2024-01-02T10:00:00Z"), At("b", "y", "2024-01-05T09:00:00Z"),
            At("c", "x", "2024-01-04T12:00:00Z"),
            // d: step 1 exactly at the (excluded) end of the range.
            At("d", "x", "2024-01-05T00:00:00Z"), At("d", "y", "2024-01-05T01:00:00Z"),
            // e: a step 2 before the range does not complete the attempt opened inside it.
            At("e", "y", "2024-01-01T09:00:00Z"), At("e", "x", "2024-01-03T10:00:00Z"));
        var engine = new InMemoryEngine(table);
        var range = TimeRange.Between(Micros("2024-01-02T00:00:00Z"), Micros("2024-01-05T00:00:00Z"));

        var all = engine.Run(Query(TimeSpan.FromDays(3)));
        var ranged = engine.Run(Query(TimeSpan.FromDays(3)) with { Range = range });

        Assert.Equal([5L, 3], Users(all.Steps)); // a, b, c, d and e start; a, b and d convert
        Assert.Equal([3L, 1], Users(ranged.Steps)); // b, c and e start; b converts
        Assert.Equal(71 * 3600.0, ranged.Steps[1].MedianSecondsFromPrevious);
    }

    /// <summary>
    /// Six users by plan (profile) × platform (event property, on the step-1 event of the counted attempt):
    /// free / ios: u1 converts, u2 does not; free / (none): u3 converts (its step-1 event carries no
    /// platform, only its step 2 does); paid / ios: u4 converts; paid / web: u5 does not; (none) / android: u6 does not.
    /// </summary>
    private static EventTable PlansAndPlatforms() => Load(null,
        [User("u1", plan: "free"), User("u2", plan: "free"), User("u3", plan: "free"), User("u4", plan: "paid"), User("u5", plan: "paid"), User("u6")],
        [],
        Event("1", "u1", "x", "2024-01-01T10:00:00Z", platform: "ios"), Event("2", "u1", "y", "2024-01-01T11:00:00Z", platform: "ios"),
        Event("3", "u2", "x", "2024-01-01T10:00:00Z", platform: "ios"),
        Event("4", "u3", "x", "2024-01-01T10:00:00Z"), Event("5", "u3", "y", "2024-01-01T11:00:00Z", platform: "web"),
        Event("6", "u4", "x", "2024-01-01T10:00:00Z", platform: "ios"), Event("7", "u4", "y", "2024-01-01T12:00:00Z", platform: "ios"),
        Event("8", "u5", "x", "2024-01-01T10:00:00Z", platform: "web"),
        Event("9", "u6", "x", "2024-01-01T10:00:00Z", platform: "android"));

    [Fact]
    public void Two_breakdowns_form_the_cross_product_of_a_profile_attribute_and_an_event_property()
    {
        var query = Query(TimeSpan.FromDays(1)) with { Breakdowns = [Breakdown.Profile("plan"), Breakdown.Event("platform")] };

        var result = new InMemoryEngine(PlansAndPlatforms()).Run(query);

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
        var query = Query(TimeSpan.FromDays(1)) with { Breakdowns = [Breakdown.Profile("plan"), Breakdown.Event("platform")], BreakdownLimit = 2 };

        var result = new InMemoryEngine(PlansAndPlatforms()).Run(query);

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
        var query = Query(TimeSpan.FromDays(1)) with { Cohort = Paid, Breakdowns = [Breakdown.Event("platform")] };

        var result = new InMemoryEngine(PlansAndPlatforms()).Run(query);

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
