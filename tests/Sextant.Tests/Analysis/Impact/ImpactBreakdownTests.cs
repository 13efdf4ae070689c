using Sextant.Analysis;
using Sextant.Analysis.Impact;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using Sextant.Serialization;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Analysis.Impact;

/// <summary>Feature impact within breakdown groups, worked out by hand.</summary>
public sealed class ImpactBreakdownTests
{
    /// <summary>
    /// Everyone signs up on January 1 with a device on the sign-up event; adopters use x the next
    /// day, retained users come back on day 40. Segment A on mobile: 3 adopters (2 retained) and 3
    /// non-adopters (1 retained). A on desktop: 1 adopter (retained), 1 non-adopter (not). B on
    /// mobile: 2 adopters (both retained), 2 non-adopters (neither). B on desktop: 1 adopter and 1
    /// non-adopter, both retained.
    /// </summary>
    private static EventTable Sample()
    {
        var users = new List<UserProfile>();
        var events = new List<EventRecord>();
        var n = 0;
        void Add(string segment, string device, bool adopter, bool retained)
        {
            var id = $"u{n++}";
            users.Add(User(id, "2026-01-01T09:00:00Z", segment));
            events.Add(Event("s" + id, id, "signup", "2026-01-01T09:00:00Z", properties: $$"""{"device":"{{device}}"}"""));
            events.Add(At(id, adopter ? "x" : "view", "2026-01-02T09:00:00Z"));
            if (retained) events.Add(At(id, "view", "2026-02-10T09:00:00Z"));
        }
        Add("A", "mobile", true, true); Add("A", "mobile", true, true); Add("A", "mobile", true, false);
        Add("A", "mobile", false, true); Add("A", "mobile", false, false); Add("A", "mobile", false, false);
        Add("A", "desktop", true, true); Add("A", "desktop", false, false);
        Add("B", "mobile", true, true); Add("B", "mobile", true, true); Add("B", "mobile", false, false); Add("B", "mobile", false, false);
        Add("B", "desktop", true, true); Add("B", "desktop", false, true);
        events.Add(At("u0", "view", "2026-06-01T00:00:00Z"));
        return Load(null, users, [], [.. events]);
    }

    private static ImpactQuery Query(int limit) =>
        new("x", ImpactOutcome.Retention, Strata: 1) { Breakdowns = [Breakdown.Profile("segment"), Breakdown.Event("device")], BreakdownLimit = limit };

    private static List<(string Value, string Values, long Eligible, long Adopters, long NonAdopters, double? Naive, double? Adjusted, string? Reason)> Rows(ImpactResult result) =>
        result.Groups!.Select(g => (g.Value, string.Join("|", g.Values), g.Eligible, g.Adopters, g.NonAdopters,
            g.Naive is { } naive ? Math.Round(naive.Difference, 9) : (double?)null, g.Adjusted is { } adjusted ? Math.Round(adjusted.Difference, 9) : (double?)null, g.Reason)).ToList();

    [Fact]
    public void Two_breakdowns_compare_each_group_on_its_own_users_and_merge_the_smallest_into_other()
    {
        var engine = new InMemoryEngine(Sample());

        var all = engine.Run(Query(10));
        var top2 = engine.Run(Query(2));

        // A / mobile: 2/3 − 1/3; B / mobile: 1 − 0; the desktop groups have one adopter each (ties by label).
        Assert.Equal(
        [
            ("A / mobile", "A|mobile", 6L, 3L, 3L, 0.333333333, 0.333333333, null),
            ("B / mobile", "B|mobile", 4L, 2L, 2L, 1.0, 1.0, null),
            ("A / desktop", "A|desktop", 2L, 1L, 1L, null, null, "fewer than 2 adopters (1)"),
            ("B / desktop", "B|desktop", 2L, 1L, 1L, null, null, "fewer than 2 adopters (1)"),
        ], Rows(all));
        // Other pools both desktop groups: adopters 2 of 2 retained, non-adopters 1 of 2: 1 − 0.5.
        Assert.Equal(
        [
            ("A / mobile", "A|mobile", 6L, 3L, 3L, 0.333333333, 0.333333333, null),
            ("B / mobile", "B|mobile", 4L, 2L, 2L, 1.0, 1.0, null),
            ("Other", "Other", 4L, 2L, 2L, 0.5, 0.5, null),
        ], Rows(top2));
        var other = top2.Groups![2];
        Assert.Equal((1.0, 0.5), (other.AdopterMean, other.NonAdopterMean));
        // Pooled non-adopters {0, 1}: sample variance 0.5, so the naive standard error is √(0/2 + 0.5/2).
        Assert.Equal(0.5, other.Naive!.StandardError, 9);
    }

    [Fact]
    public void The_overall_comparison_is_the_same_with_or_without_breakdowns()
    {
        var engine = new InMemoryEngine(Sample());

        var plain = engine.Run(new ImpactQuery("x", ImpactOutcome.Retention, Strata: 1));
        var grouped = engine.Run(Query(2));

        Assert.Null(plain.Groups);
        Assert.Equal(ResultJson.Serialize(plain), ResultJson.Serialize(grouped with { Groups = null }));
        // 14 eligible, 7 adopters of whom 6 retained, 7 non-adopters of whom 2 retained.
        Assert.Equal((14L, 7L), (plain.Eligible, plain.Adopters));
        Assert.Equal(6.0 / 7 - 2.0 / 7, plain.Naive.Difference, 9);
    }

    [Fact]
    public void A_cohort_filter_leaves_only_its_members_in_the_groups()
    {
        var segmentB = new Cohort("b", new HasProperty("segment", PropertyComparison.In, ["B"]));

        var result = new InMemoryEngine(Sample()).Run(new ImpactQuery("x", ImpactOutcome.Retention, Strata: 1, Cohort: segmentB) { Breakdowns = [Breakdown.Event("device")] });

        Assert.Equal(
        [
            ("mobile", "mobile", 4L, 2L, 2L, 1.0, 1.0, null),
            ("desktop", "desktop", 2L, 1L, 1L, null, null, "fewer than 2 adopters (1)"),
        ], Rows(result));
    }

    [Fact]
    public void A_cohort_breakdown_splits_members_from_the_rest()
    {
        var segmentB = new Cohort("b", new HasProperty("segment", PropertyComparison.In, ["B"]));

        var result = new InMemoryEngine(Sample()).Run(new ImpactQuery("x", ImpactOutcome.Retention, Strata: 1) { Breakdowns = [Breakdown.InCohort(segmentB)] });

        // Not in b (segment A): adopters 3 of 4 retained, non-adopters 1 of 4. In b: 3 of 3 and 1 of 3.
        Assert.Equal(
        [
            ("not in b", "not in b", 8L, 4L, 4L, 0.5, 0.5, null),
            ("in b", "in b", 6L, 3L, 3L, 0.666666667, 0.666666667, null),
        ], Rows(result));
    }

    [Fact]
    public void Equal_queries_with_breakdowns_built_separately_are_equal_and_hash_alike()
    {
        Assert.Equal(Query(2), Query(2));
        Assert.Equal(Query(2).GetHashCode(), Query(2).GetHashCode());
        Assert.NotEqual(Query(2), Query(3));
    }
}
