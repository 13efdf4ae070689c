using System.Globalization;
using Sextant.Reports;

namespace Sextant.Analysis.Experiments;

/// <summary>
/// The one-line decision, in this order: a sample-ratio mismatch makes every result untrustworthy
/// (inconclusive); a harmed guardrail means don't ship; a significant primary metric means ship
/// (better) or don't ship (worse); otherwise keep running while the relative interval still
/// allows an effect of the minimum size, else inconclusive (no effect of that size).
/// </summary>
/// <remarks>
/// The verdict carries the metric spec, variant and interval it rests on, so a renderer can word
/// it its own way; the reason names the metric in words, since it is shown to readers as it is.
/// </remarks>
internal static class ExperimentVerdict
{
    public static Verdict Decide(SampleRatio srm, MetricResult primary, IReadOnlyList<GuardrailResult> guardrails, double minimumEffect)
    {
        if (srm.Mismatch)
            return new Verdict(ExperimentDecision.Inconclusive, $"sample ratio mismatch (χ² = {Number(srm.Chi2)}, p = {srm.PValue:0.0e0}): the assignment is broken, so no result can be trusted");
        if (guardrails.FirstOrDefault(g => g.Harmed) is { } harmed)
            return new Verdict(ExperimentDecision.DontShip, $"guardrail {MetricLabels.Of(harmed.Metric)} is worse in {harmed.Variant}{(harmed.Segment is null ? "" : $" for {harmed.Segment}")}: {Percent(harmed.RelativeLift)} [{Percent(harmed.CiLow)}, {Percent(harmed.CiHigh)}], margin {Percent(-harmed.Margin)}",
                harmed.Metric, harmed.Variant, harmed.RelativeLift, harmed.CiLow, harmed.CiHigh);
        var metric = MetricLabels.Of(primary.Name);
        var best = primary.Comparisons.Where(c => c.Significant && c.AbsoluteLift > 0).OrderByDescending(c => c.AbsoluteLift).FirstOrDefault();
        if (best is not null)
            return On(primary, best, ExperimentDecision.Ship, $"{best.Variant} improves {metric} by {Percent(best.RelativeLift)} [{Percent(best.RelativeCiLow)}, {Percent(best.RelativeCiHigh)}], adjusted p = {Number(best.AdjustedPValue)}");
        if (primary.Comparisons.Any(c => c.Significant) && primary.Comparisons.All(c => c.AbsoluteLift <= 0 || !c.Significant))
        {
            var worst = primary.Comparisons.Where(c => c.Significant).MinBy(c => c.AbsoluteLift)!;
            return On(primary, worst, ExperimentDecision.DontShip, $"{worst.Variant} lowers {metric} by {Percent(worst.RelativeLift)} [{Percent(worst.RelativeCiLow)}, {Percent(worst.RelativeCiHigh)}], adjusted p = {Number(worst.AdjustedPValue)}");
        }
        var open = primary.Comparisons.FirstOrDefault(c => c.RelativeCiLow is not { } low || c.RelativeCiHigh is not { } high || low < -minimumEffect || high > minimumEffect);
        return open is not null
            ? On(primary, open, ExperimentDecision.KeepRunning, $"no significant difference on {metric} yet, and the interval for {open.Variant} [{Percent(open.RelativeCiLow)}, {Percent(open.RelativeCiHigh)}] still allows effects beyond ±{Plain(minimumEffect)}")
            : new Verdict(ExperimentDecision.Inconclusive, $"no significant difference on {metric}, and effects beyond ±{Plain(minimumEffect)} are ruled out", primary.Name);
    }

    private static Verdict On(MetricResult primary, Comparison comparison, ExperimentDecision decision, string reason) =>
        new(decision, reason, primary.Name, comparison.Variant, comparison.RelativeLift, comparison.RelativeCiLow, comparison.RelativeCiHigh);

    private static string Percent(double? value) => value is { } v ? NumberText.SignedPercent(v) : "n/a";

    private static string Plain(double value) => (value * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
