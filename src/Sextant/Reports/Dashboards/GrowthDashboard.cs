using Sextant.Reports.Charts;

namespace Sextant.Reports.Dashboards;

/// <summary>Growth levers ranked with P10–P90 ranges, the 12-month projection and the tornado.</summary>
internal static class GrowthDashboard
{
    public const string Slug = "growth";

    public static Dashboard Build(ReportInputs inputs)
    {
        var g = inputs.Growth;
        var levers = g.Levers.OrderBy(l => l.Rank).ToList();
        var tiles = new List<Tile>
        {
            new("Top levers together, 12 months", Text.Money(g.CompoundAdditionalP50), $"P10 {Text.Money(g.CompoundAdditionalP10)} – P90 {Text.Money(g.CompoundAdditionalP90)}; " + (g.Baseline.Extrapolated ? "modelled, extrapolated" : "modelled on the sample's revenue")),
            g.Baseline.Extrapolated
                ? new("Annual revenue baseline", Text.Money(g.Baseline.AnnualRevenue), $"sample {Text.Money(g.Baseline.SampleAnnualRevenue)} × {Text.Number(Math.Round(g.Baseline.ScaleFactor, 2))} (business.mau / sample MAU)")
                : new("Annual revenue baseline", Text.Money(g.Baseline.SampleAnnualRevenue), "measured in the sample; business.mau is not set, so nothing is extrapolated"),
        };
        if (levers.Count > 0)
            tiles.Insert(0, new Tile("Best lever", levers[0].Lever, $"first year P50 {Text.Money(levers[0].P50)} [P10 {Text.Money(levers[0].P10)}, P90 {Text.Money(levers[0].P90)}]; modelled"));
        var charts = new List<Chart>
        {
            new BarChart("levers", "Levers ranked: first-year additional revenue (P50, whiskers P10–P90)", levers.Select(l => $"{l.Rank}. {l.Lever}").ToList(),
                [new ChartSeries("P50", levers.Select(l => new ChartPoint(l.P50,
                    $"{l.Lever} (moves {l.Rate}, baseline {Text.Number(Math.Round(l.Baseline, 4))}, reaches {Text.Percent(l.AudienceShare)} of users): P10 {Text.Money(l.P10)}, P50 {Text.Money(l.P50)}, P90 {Text.Money(l.P90)}; " +
                    $"uplift {Text.Percent(l.UpliftLow)}/{Text.Percent(l.UpliftLikely)}/{Text.Percent(l.UpliftHigh)}, confidence {Text.Percent(l.Confidence)}, effort {Text.Number(l.EffortMonths)} person-months",
                    l.P10, l.P90)).ToList(), Band: true)],
                ValueFormat.Money, Horizontal: true) { Note = "Ranked by expected impact × confidence / effort. P10 can be zero: a lever may not work at all." },
            new LineChart("projection", $"12-month revenue with {string.Join(", ", g.TopLevers)} (P10–P90 band)", g.Projection.Select(p => $"month {p.Month}").ToList(),
                [new ChartSeries("with the levers (P50)", g.Projection.Select(p => new ChartPoint(p.P50,
                    $"month {p.Month}: P50 {Text.Money(p.P50)} [P10 {Text.Money(p.P10)}, P90 {Text.Money(p.P90)}]; cumulative additional P50 {Text.Money(p.CumulativeAdditionalP50)}", p.P10, p.P90)).ToList(), Band: true),
                 new ChartSeries("baseline", g.Projection.Select(p => new ChartPoint(p.Baseline, $"month {p.Month}: baseline {Text.Money(p.Baseline)}")).ToList())],
                ValueFormat.Money) { Note = (g.Baseline.Extrapolated ? "Extrapolated" : "On the sample's revenue") + ": the levers act multiplicatively on monthly revenue." },
        };
        if (g.Sensitivity.Count > 0)
            charts.Add(new IntervalChart("tornado", "What moves the 12-month result most (tornado)", g.Sensitivity.Select(s => new IntervalRow($"{s.Lever}: {s.Parameter}",
                Math.Min(s.ImpactAtLow, s.ImpactAtHigh), null, Math.Max(s.ImpactAtLow, s.ImpactAtHigh),
                $"{s.Lever} {s.Parameter} from {Text.Number(Math.Round(s.LowValue, 3))} to {Text.Number(Math.Round(s.HighValue, 3))}: {Text.Money(s.ImpactAtLow)} to {Text.Money(s.ImpactAtHigh)} (swing {Text.Money(s.Swing)})")).ToList(),
                ValueFormat.Money, IntervalStyle.Tornado, g.SensitivityBase)
            { Note = $"Centre line: {Text.Money(g.SensitivityBase)} with every input at its likely value." });
        return new Dashboard(Slug, "Growth levers", "Which levers are worth pulling, what they could add over a year, and which assumptions matter most.", tiles, charts,
            [g.Label + ".", $"{Text.Count(g.Draws)} Monte Carlo draws, seed {g.Seed}."]);
    }
}
