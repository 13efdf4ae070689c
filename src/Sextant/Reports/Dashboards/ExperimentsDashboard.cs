using Sextant.Analysis.Experiments;
using Sextant.Reports.Charts;

namespace Sextant.Reports.Dashboards;

/// <summary>Experiment results: lift intervals per metric, guardrails, sample-ratio check and verdict.</summary>
internal static class ExperimentsDashboard
{
    public const string Slug = "experiments";

    public static Dashboard Build(ReportInputs inputs)
    {
        var tiles = new List<Tile>();
        var charts = new List<Chart>();
        var notes = new List<string>();
        var ids = Identifiers(inputs.Experiments.Select(e => e.Experiment));
        foreach (var e in inputs.Experiments)
        {
            tiles.Add(new Tile(e.Experiment, Executive.Phrases.Decision(e.Verdict.Decision), e.Verdict.Reason));
            tiles.Add(new Tile($"{e.Experiment}: sample ratio", e.Srm.Mismatch ? "MISMATCH" : "OK",
                $"χ² = {Text.Number(Math.Round(e.Srm.Chi2, 2))}, p = {Text.Number(Math.Round(e.Srm.PValue, 4))}; " + string.Join(", ", e.Arms.Select(a => $"{a.Variant} {Text.Count(a.Users)}"))));
            var id = ids[e.Experiment];
            for (var m = 0; m < e.Metrics.Count; m++)
                charts.Add(Forest($"{id}_metric_{m}", $"{e.Experiment}: {MetricLabels.Of(e.Metrics[m].Name)}" + (m == 0 ? " (primary)" : ""), e.Metrics[m]));
            if (e.Guardrails.Count > 0)
                charts.Add(new IntervalChart($"{id}_guardrails", $"{e.Experiment}: guardrails ({string.Join(", ", e.Guardrails.Select(g => MetricLabels.Of(g.Metric)).Distinct())})", e.Guardrails.Where(g => g.RelativeLift is not null).Select(g => new IntervalRow(
                    $"{g.Segment ?? "all users"} · {g.Variant}", g.CiLow ?? 0, g.RelativeLift, g.CiHigh ?? 0,
                    $"{MetricLabels.Of(g.Metric)}, {g.Segment ?? "all users"}, {g.Variant}: {Text.SignedPercent(g.RelativeLift ?? 0)} [{Text.SignedPercent(g.CiLow ?? 0)}, {Text.SignedPercent(g.CiHigh ?? 0)}]; margin −{Text.Percent(g.Margin)}; " +
                    (g.Harmed ? "harmed" : g.NonInferior ? "non-inferior" : "inconclusive"), g.Harmed)).ToList(), ValueFormat.Percent, IntervalStyle.Forest)
                { Note = "Relative change against the control; a guardrail is harmed when its interval lies wholly below −margin." });
            notes.Add($"{e.Experiment}: {e.Verdict.Reason}.");
        }
        if (inputs.Experiments.Count == 0) tiles.Add(new Tile("Experiments", "none", "no experiment assignments in the data"));
        return new Dashboard(Slug, "Experiments", "Each experiment's effect on its metrics with intervals, its guardrails, the sample-ratio check and the verdict.", tiles, charts,
            [.. notes, "Intervals are 95% (adjusted for several variants by Holm); relative lifts are against the control."]);
    }

    private static IntervalChart Forest(string id, string title, MetricResult metric)
    {
        var rows = new List<IntervalRow>();
        for (var i = 0; i < metric.Comparisons.Count; i++)
        {
            var c = metric.Comparisons[i];
            var arm = metric.Arms[i + 1];
            if (c.RelativeLift is not { } lift || c.RelativeCiLow is not { } low || c.RelativeCiHigh is not { } high) continue;
            rows.Add(new IntervalRow(c.Variant, low, lift, high,
                $"{c.Variant} vs {metric.Arms[0].Variant}: {Text.SignedPercent(lift)} [{Text.SignedPercent(low)}, {Text.SignedPercent(high)}]; mean {Text.Number(Math.Round(arm.Mean, 4))} vs {Text.Number(Math.Round(metric.Arms[0].Mean, 4))}; " +
                $"p = {Text.Number(Math.Round(c.PValue, 4))} (adjusted {Text.Number(Math.Round(c.AdjustedPValue, 4))}); chance to win {Text.Percent(c.ChanceToWin)}",
                c.Significant));
        }
        return new IntervalChart(id, title, rows, ValueFormat.Percent, IntervalStyle.Forest)
        { Note = $"{metric.Test}" + (metric.CupedTheta is not null ? ", CUPED" : "") + (metric.Sequential ? ", always-valid intervals" : "") + ". Highlighted: significant after adjustment." };
    }

    /// <summary>
    /// A chart-id prefix per experiment name: the readable form (lower case, other characters as
    /// '_') when no other name shares it; names that differ only in case or punctuation would share
    /// it, so each of those carries a short hash of its exact name, the same whatever other
    /// experiments the report holds.
    /// </summary>
    internal static Dictionary<string, string> Identifiers(IEnumerable<string> names)
    {
        var groups = names.Distinct(StringComparer.Ordinal).GroupBy(Readable, StringComparer.Ordinal);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in groups)
            foreach (var name in group)
                ids[name] = group.Skip(1).Any() ? $"{group.Key}_{Hash(name)}" : group.Key;
        return ids;
    }

    private static string Readable(string name) => new([.. name.Select(ch => char.IsAsciiLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : '_')]);

    private static string Hash(string name) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)))[..8];
}
