using System.Globalization;
using Sextant.Analysis;
using Sextant.Analysis.Experiments;
using Sextant.Analysis.Syntax;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using Sextant.Tests.Support.SemanticsFixtures;

namespace Sextant.Tests.Analysis.Experiments;

/// <summary>Experiment ranges, cohort filters and crossed breakdowns on the tiny stores of <see cref="ExperimentFixtures"/>, worked out by hand.</summary>
public sealed class ExperimentScopeTests
{
    private static long Micros(string iso) => Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture)).UnixMicroseconds;

    [Fact]
    public void A_range_analyses_users_first_exposed_in_it_and_sees_no_event_after_its_end()
    {
        // Given users exposed in January and in February, two of them to both variants, and an event after February,
        // when February is analysed
        var table = ExperimentFixtures.February.Load();
        var result = new InMemoryEngine(table).Run(ExperimentFixtures.February.Query);

        // Then only c2 and t2 are in the arms, m2 (not m1) is the excluded mixed user, t2's March event
        // is not seen (its count is 1, not 2), and the data end is the range's last instant.
        Assert.Equal([("control", 1L), ("treatment", 1L)], result.Arms.Select(a => (a.Variant, a.Users)));
        Assert.Equal(1, result.ExcludedMultipleExposure);
        Assert.Equal([1.0, 1.0], result.Metrics[0].Arms.Select(a => a.Mean));
        Assert.Equal("2026-02-28T23:59:59.999999Z", result.DataEnd);

        // And without a range, all four single-variant users count and both mixed users are excluded
        var all = new InMemoryEngine(table).Run(ExperimentFixtures.BothMonths.Query);
        Assert.Equal([("control", 2L), ("treatment", 2L)], all.Arms.Select(a => (a.Variant, a.Users)));
        Assert.Equal(2, all.ExcludedMultipleExposure);
    }

    private static ExperimentResult Run(SemanticsCase<ExperimentQuery> fixture) => new InMemoryEngine(fixture.Load()).Run(fixture.Query);

    [Fact]
    public void Two_breakdowns_cross_a_profile_attribute_with_an_event_property_and_merge_the_small_groups_into_other()
    {
        // When plan × device is asked for with a limit of 2 groups
        var result = Run(ExperimentFixtures.PlanByDeviceTopTwo);

        // Then free / ios (5 signed-up users) and free / web (the first of the one-user groups by label) keep
        // their rows and paid / android, paid / ios and paid / web are Other.
        Assert.Equal([("plan / event.device", "free / ios"), ("plan / event.device", "free / web"), ("plan / event.device", "Other")],
            result.Segments.Select(s => (s.Attribute, s.Value)));
        Assert.Equal([["free", "ios"], ["free", "web"], ["Other"]], result.Segments.Select(s => s.Values.ToArray()));
        // free / ios: treatment 4 − control 1; free / web has no treated user, so no comparison;
        // Other: treatment 6 − control (0 + 2) / 2.
        Assert.Equal(3.0, result.Segments[0].Comparisons.Single().AbsoluteLift, 12);
        Assert.Empty(result.Segments[1].Comparisons);
        Assert.Equal(5.0, result.Segments[2].Comparisons.Single().AbsoluteLift, 12);
    }

    [Fact]
    public void A_cohort_filter_analyses_only_its_members()
    {
        var everyone = Run(ExperimentFixtures.Everyone);
        var members = Run(ExperimentFixtures.PaidOnly);

        // Everyone: control u1 u3 u5 u7, treatment u2 u4 u6, u9 excluded. Paid: control u5 u7 (mean 1), treatment u6 (6), nobody excluded.
        Assert.Equal([("control", 4L), ("treatment", 3L)], everyone.Arms.Select(a => (a.Variant, a.Users)));
        Assert.Equal(1, everyone.ExcludedMultipleExposure);
        Assert.Equal([("control", 2L), ("treatment", 1L)], members.Arms.Select(a => (a.Variant, a.Users)));
        Assert.Equal(0, members.ExcludedMultipleExposure);
        Assert.Equal([1.0, 6.0], members.Metrics[0].Arms.Select(a => a.Mean));
    }

    [Fact]
    public void A_segment_can_be_an_event_property_or_a_cohort_and_each_segment_is_analysed_on_its_own()
    {
        var result = Run(ExperimentFixtures.DeviceAndPaidSegments);

        // Devices by signed-up users: ios 6, web 2, android 1; cohort: not in paid 6, in paid 3.
        Assert.Equal([("event.device", "ios"), ("event.device", "web"), ("event.device", "android"), ("cohort.paid", "not in paid"), ("cohort.paid", "in paid")],
            result.Segments.Select(s => (s.Attribute, s.Value)));
    }

    [Fact]
    public void Equal_queries_built_separately_are_equal_and_hash_alike()
    {
        static ExperimentQuery Build() => new("exp", [MetricSpecText.Parse("conversion:buy:within=7d"), MetricSpecText.Parse("count:x")],
            Split: new List<VariantShare> { new("control", 1), new("treatment", 2) },
            Guardrails: [new Guardrail(MetricSpecText.Parse("active_on_day:1"), 0.02)],
            Segments: [Breakdown.Profile("plan")], ExcludeEvents: new[] { "ping" },
            Range: TimeRange.Between(Micros("2026-02-01T00:00:00Z"), null),
            Cohort: new Cohort("paid", new HasProperty("plan", PropertyComparison.In, ["paid"])),
            Breakdowns: [Breakdown.Profile("plan"), Breakdown.Event("device")], BreakdownLimit: 3);

        var a = Build();
        var b = Build();

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { Segments = [Breakdown.Profile("country")] });
    }
}
