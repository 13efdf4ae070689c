using MathNet.Numerics.Distributions;
using Sextant.Events;
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
    public static List<SegmentResult> Run(EventTable table, ExperimentQuery query, IReadOnlyList<MetricMeasurement> measured, List<string> variants, Exposure[] exposures)
    {
        var rows = new List<SegmentResult>();
        // Segment comparisons keep the absolute lift's interval and p-value: a segment's control mean can
        // be 0, where a relative lift is undefined, and heterogeneity compares absolute lifts anyway.
        query = query with { Relative = false };
        foreach (var attribute in query.Segments ?? [])
        {
            var groups = UserGroups.Of(table, attribute, 10);
            var groupOf = exposures.Select(e => groups.Of(e.User)).ToArray();
            foreach (var measurement in measured)
            {
                var first = rows.Count;
                var heterogeneity = new List<double>();
                // One pass gives every value's sums; everyone else's are the total minus them.
                var total = measurement.SumsByArm(exposures, variants.Count);
                var byGroup = measurement.SumsByGroup(exposures, variants.Count, groupOf, groups.Labels.Count);
                for (var g = 0; g < groups.Labels.Count; g++)
                {
                    var inGroup = MetricAnalysis.FromSums(measurement.Spec, variants, byGroup[g], measurement.Cuped, query, measurement.Proportion);
                    var others = total.Select((sums, arm) => sums.Without(byGroup[g][arm])).ToArray();
                    var rest = MetricAnalysis.FromSums(measurement.Spec, variants, others, measurement.Cuped, query, measurement.Proportion);
                    heterogeneity.Add(Heterogeneity(inGroup, rest));
                    rows.Add(new SegmentResult(attribute, groups.Labels[g], measurement.Spec.Text, inGroup.Comparisons, heterogeneity[^1], 1, false));
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
