using MathNet.Numerics.Distributions;
using Sextant.Stats;

namespace Sextant.Analysis.Experiments;

/// <summary>
/// Every metric and guardrail within each value of each segment attribute. Segment p-values are adjusted with
/// Benjamini–Hochberg over metrics × segment values × treatments, always on the absolute lift. Heterogeneity: the first
/// treatment's absolute lift among the value's users against the lift among everyone else,
/// z = (d₁ − d₂) / √(se₁² + se₂²), Holm-adjusted over the attribute's values.
/// </summary>
internal static class SegmentAnalysis
{
    public static List<SegmentResult> Run(ExperimentQuery query, ExperimentMeasures measures)
    {
        var rows = new List<SegmentResult>();
        var variants = measures.Variants;
        var specs = query.MeasuredMetrics;
        // Segment comparisons keep the absolute lift's interval and p-value: a segment's control mean can
        // be 0, where a relative lift is undefined, and heterogeneity compares absolute lifts anyway.
        query = query with { Relative = false };
        foreach (var segment in measures.Segments)
        {
            var attribute = Breakdowns.Label(segment.Breakdowns.Select(b => b.ToString()).ToList());
            var groups = Groups(segment, query.BreakdownLimit);
            for (var m = 0; m < specs.Count; m++)
            {
                var spec = specs[m];
                var cuped = ExperimentShaper.Cuped(query, spec);
                var proportion = measures.Metrics[m].ZeroOne;
                var first = rows.Count;
                var heterogeneity = new List<double>();
                // Everyone else's sums are the total minus the group's.
                var total = measures.Metrics[m].Arms.Select(ArmSums.From).ToArray();
                foreach (var (values, members) in groups)
                {
                    var byArm = Enumerable.Range(0, variants.Count).Select(_ => new ArmSums()).ToArray();
                    foreach (var member in members)
                        for (var arm = 0; arm < byArm.Length; arm++) byArm[arm].Add(ArmSums.From(member.Metrics[m][arm]));
                    var inGroup = MetricAnalysis.FromSums(spec, variants, byArm, cuped, query, proportion);
                    var others = total.Select((sums, arm) => sums.Without(byArm[arm])).ToArray();
                    var rest = MetricAnalysis.FromSums(spec, variants, others, cuped, query, proportion);
                    heterogeneity.Add(Heterogeneity(inGroup, rest));
                    rows.Add(new SegmentResult(attribute, Breakdowns.Label(values), spec.Text, inGroup.Comparisons, heterogeneity[^1], 1, false) { Values = [.. values] });
                }
                var adjusted = MultipleTesting.Holm(heterogeneity);
                for (var g = 0; g < adjusted.Length; g++)
                    rows[first + g] = rows[first + g] with { HeterogeneityAdjustedPValue = adjusted[g], Heterogeneous = adjusted[g] < query.Alpha };
            }
        }
        // Benjamini–Hochberg over every segment comparison, so that many segments do not make noise look like findings.
        var all = rows.SelectMany(r => r.Comparisons).Select(c => c.PValue).ToList();
        var bh = MultipleTesting.BenjaminiHochberg(all);
        var next = 0;
        for (var r = 0; r < rows.Count; r++)
            rows[r] = rows[r] with
            {
                Comparisons = rows[r].Comparisons.Select(c =>
                {
                    var adjusted = bh[next++];
                    return c with { AdjustedPValue = adjusted, Significant = query.Sequential ? c.Significant : adjusted < query.Alpha };
                }).ToList(),
            };
        return rows;
    }

    /// <summary>
    /// The rows of one segment set: the <paramref name="limit"/> groups with the most signed-up users
    /// (ties by label), largest first, then Other merging the rest.
    /// </summary>
    private static List<(ValueList<string> Values, List<SegmentGroupMeasures> Members)> Groups(SegmentMeasures segment, int limit)
    {
        var keys = segment.Groups.Select(g => g.Values).ToList();
        var (kept, other) = TopGroups.Split(keys, i => segment.Groups[i].Users, limit);
        var rows = kept.Select(i => (keys[i], new List<SegmentGroupMeasures> { segment.Groups[i] })).ToList();
        if (other.Count > 0) rows.Add(([Breakdowns.OtherValues], other.Select(i => segment.Groups[i]).ToList()));
        return rows;
    }

    private static double Heterogeneity(MetricResult inGroup, MetricResult rest)
    {
        if (inGroup.Comparisons.Count == 0) return 1;
        var variant = inGroup.Comparisons[0].Variant;
        var other = rest.Comparisons.FirstOrDefault(c => c.Variant == variant);
        if (other is null) return 1;
        static double VarianceOfLift(MetricResult m, string variant)
        {
            var control = m.Arms[0];
            var treatment = m.Arms.Single(a => a.Variant == variant);
            return control.Variance / control.N + treatment.Variance / treatment.N;
        }
        var se = Math.Sqrt(VarianceOfLift(inGroup, variant) + VarianceOfLift(rest, variant));
        if (!(se > 0)) return 1;
        var z = (inGroup.Comparisons[0].AbsoluteLift - other.AbsoluteLift) / se;
        return 2 * (1 - Normal.CDF(0, 1, Math.Abs(z)));
    }
}
