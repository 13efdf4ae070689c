using Sextant.Analysis.Experiments;

namespace Sextant.Tests.Analysis.Experiments;

/// <summary>The verdict's reason as readers see it: metrics in words, signed percents without "-0.0%".</summary>
public sealed class ExperimentVerdictTests
{
    private static readonly SampleRatio Balanced = new(0.1, 0.75, false, [0.5, 0.5]);

    private static MetricResult Primary(string spec, double low, double high) =>
        new(spec, MetricKind.Conversion, "fisher_exact", false, null, false, [],
            [new Comparison("treatment", 0.001, 0.01, -0.002, 0.004, low, high, 0.4, 0.4, 0.6, 0.001, false)]);

    [Fact]
    public void A_keep_running_reason_names_the_metric_in_words_and_the_verdict_carries_the_spec_variant_and_interval()
    {
        // Given a primary metric written as a spec with no significant difference
        var primary = Primary("conversion:edit_page:within=7d", -0.05, 0.08);

        // When the verdict is decided
        var verdict = ExperimentVerdict.Decide(Balanced, primary, [], 0.02);

        // Then the reason reads in words and the structured fields hold the spec and the interval
        Assert.Equal("keep_running", verdict.Decision.Code());
        Assert.StartsWith("no significant difference on did edit_page within 7 days yet", verdict.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("conversion:", verdict.Reason, StringComparison.Ordinal);
        Assert.Equal("conversion:edit_page:within=7d", verdict.Metric);
        Assert.Equal("treatment", verdict.Variant);
        Assert.Equal(-0.05, verdict.CiLow);
        Assert.Equal(0.08, verdict.CiHigh);
    }

    [Fact]
    public void A_bound_that_rounds_to_zero_prints_as_zero_without_a_minus_sign()
    {
        // Given an interval whose lower bound is a tiny negative number
        var primary = Primary("count:comment", -0.00001, 0.08);

        // When the verdict is decided
        var verdict = ExperimentVerdict.Decide(Balanced, primary, [], 0.02);

        // Then the bound prints "0.0%", not "-0.0%"
        Assert.Contains("[0.0%, +8.0%]", verdict.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("-0.0%", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_harmed_guardrail_is_named_in_words()
    {
        // Given a guardrail on active days 30–59 that is harmed
        var guardrail = new GuardrailResult("active_on_day:30:span=30", 0.02, "treatment", -0.1, -0.15, -0.05, true, false);

        // When the verdict is decided
        var verdict = ExperimentVerdict.Decide(Balanced, Primary("count:comment", -0.05, 0.08), [guardrail], 0.02);

        // Then the reason says which guardrail in words
        Assert.StartsWith("guardrail active on days 30–59 is worse in treatment: -10.0% [-15.0%, -5.0%], margin -2.0%", verdict.Reason, StringComparison.Ordinal);
        Assert.Equal("active_on_day:30:span=30", verdict.Metric);
    }
}
