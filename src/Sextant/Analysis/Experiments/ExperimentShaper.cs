using Sextant.Events;
using Sextant.Stats;

namespace Sextant.Analysis.Experiments;

/// <summary>
/// Turns an experiment's per-arm sums into its result (SEMANTICS.md, Experiments): the
/// sample-ratio check, every treatment compared with the control on each metric, segments,
/// guardrails and a verdict. Every metric is taken as higher-is-better.
/// </summary>
public static class ExperimentShaper
{
    /// <summary>The result of <paramref name="query"/> from its measures.</summary>
    /// <exception cref="SextantException">The split leaves a variant without a positive share, or the analysis options conflict.</exception>
    public static ExperimentResult Shape(ExperimentQuery query, ExperimentMeasures measures)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(measures);
        var variants = measures.Variants;
        var counts = measures.ArmUsers.ToArray();
        var srm = SampleRatioOf(query, variants, counts);
        var specs = query.MeasuredMetrics;
        var metrics = specs.Select((spec, m) => MetricAnalysis.FromSums(spec, variants,
            measures.Metrics[m].Arms.Select(ArmSums.From).ToArray(), Cuped(query, spec), query, measures.Metrics[m].ZeroOne)).ToList();
        var segments = SegmentAnalysis.Run(query, measures);
        var guardrails = query.Guardrails.SelectMany(g => GuardrailCheck(g, metrics.Single(m => m.Name == g.Metric.Text), segments)).ToList();
        var primary = metrics.First(m => m.Name == query.Metrics[0].Text);
        var arms = variants.Select((v, i) => new ArmCount(v, counts[i])).ToList();
        return new ExperimentResult(query.Name, query.Control, measures.DataEnd is { } end ? new Timestamp(end).ToString() : null, query.Alpha, srm, arms,
            measures.ExcludedMultipleExposure, metrics.Where(m => query.Metrics.Any(q => q.Text == m.Name)).ToList(), guardrails, segments,
            ExperimentVerdict.Decide(srm, primary, guardrails, query.MinimumEffect));
    }

    /// <summary>CUPED applies to every metric but ratios, whose second column is the denominator.</summary>
    internal static bool Cuped(ExperimentQuery query, MetricSpec spec) => query.Cuped && spec.Kind != MetricKind.Ratio;

    private static SampleRatio SampleRatioOf(ExperimentQuery query, IReadOnlyList<string> variants, long[] counts)
    {
        var shares = variants.Select(v => query.Split.Count == 0 ? 1.0 : query.Split.FirstOrDefault(s => s.Variant == v)?.Share ?? 0).ToList();
        if (shares.Any(s => s <= 0))
            throw new SextantException($"the split must give every variant a positive share (variants: {string.Join(", ", variants)})");
        var test = SampleRatioMismatch.Test(counts, shares);
        var total = shares.Sum();
        return new SampleRatio(test.ChiSquare, test.PValue, test.Mismatch, shares.Select(s => s / total).ToList());
    }

    /// <summary>A guardrail over all users and within every segment value: harm hidden in one platform still stops a launch.</summary>
    private static IEnumerable<GuardrailResult> GuardrailCheck(Guardrail guardrail, MetricResult metric, IReadOnlyList<SegmentResult> segments)
    {
        GuardrailResult Check(Comparison c, bool significantlyWorse, string? segment) =>
            new(metric.Name, guardrail.Margin, c.Variant, c.RelativeLift, c.RelativeCiLow, c.RelativeCiHigh,
                Harmed: significantlyWorse && c.RelativeLift < -guardrail.Margin, NonInferior: c.RelativeCiLow > -guardrail.Margin, segment);
        foreach (var c in metric.Comparisons) yield return Check(c, c.RelativeCiHigh < 0, null);
        foreach (var segment in segments.Where(s => s.Metric == metric.Name))
            foreach (var c in segment.Comparisons)
                yield return Check(c, c.Significant && c.AbsoluteLift < 0, $"{segment.Attribute}={segment.Value}");
    }
}
