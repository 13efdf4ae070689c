using Sextant.Reports.Charts;

namespace Sextant.Reports.Dashboards;

/// <summary>Cohort retention heatmap and the average retention curve.</summary>
internal static class RetentionDashboard
{
    public const string Slug = "retention";

    public static Dashboard Build(ReportInputs inputs)
    {
        var r = inputs.Retention;
        var unit = r.Period.ToString().ToLowerInvariant();
        var periods = r.Cohorts.Count == 0 ? 0 : r.Cohorts.Max(c => c.Periods.Count);
        var columns = Enumerable.Range(0, periods).Select(p => $"{unit} {p}").ToList();
        var cells = r.Cohorts.Select(c => (IReadOnlyList<ChartPoint>)Enumerable.Range(0, periods).Select(p =>
        {
            if (p >= c.Periods.Count || !c.Periods[p].Complete) return new ChartPoint(null, $"{c.Cohort}, {unit} {p}: not yet observable");
            var cell = c.Periods[p];
            return new ChartPoint(cell.Rate, $"{c.Cohort} ({Text.Count(c.Size)} users), {unit} {p}: {Text.Percent(cell.Rate)} {Text.PercentInterval(cell.CiLow, cell.CiHigh)}, {Text.Count(cell.Users)} retained");
        }).ToList()).ToList();
        var average = r.Average;
        var tiles = new List<Tile>();
        foreach (var k in new[] { 1, 3, 6 })
            if (average.FirstOrDefault(a => a.Period == k) is { Eligible: > 0 } rate)
                tiles.Add(new Tile($"{unit} {k} retention", Text.Percent(rate.Rate), $"{Text.PercentInterval(rate.CiLow, rate.CiHigh)}, {Text.Count(rate.Eligible)} users in complete cohorts"));
        if (r.EarlyVsLate is { } trend)
            tiles.Add(new Tile("Recent vs early cohorts", Text.SignedPoints(trend.Difference), $"{unit} {trend.Early.Period}: {Text.Percent(trend.Late.Rate)} vs {Text.Percent(trend.Early.Rate)}, p = {Text.Number(Math.Round(trend.PValue, 4))}"));
        var charts = new List<Chart>
        {
            new HeatmapChart("retention_heatmap", $"Cohort retention by {unit} since sign-up", r.Cohorts.Select(c => $"{c.Cohort} ({Text.Count(c.Size)})").ToList(), columns, cells, ValueFormat.Percent)
            { Note = "Blank cells are periods a cohort has not completed yet; they are not zeros.", LegendTitle = "share of the cohort active" },
            new LineChart("retention_curve", "Average retention curve (complete cohorts, weighted by size)", average.Select(a => $"{unit} {a.Period}").ToList(),
                [new ChartSeries("retained", average.Select(a => new ChartPoint(a.Eligible > 0 ? a.Rate : null,
                    $"{unit} {a.Period}: {Text.Percent(a.Rate)} {Text.PercentInterval(a.CiLow, a.CiHigh)} of {Text.Count(a.Eligible)} users", a.CiLow, a.CiHigh)).ToList(), Band: true)],
                ValueFormat.Percent) { Note = "Shaded: 95% Wilson interval." },
        };
        return new Dashboard(Slug, "Retention", "Which share of each sign-up cohort is still active in later periods, and whether newer cohorts keep better.", tiles, charts,
            [$"Retention counts a user in {unit} k when active in that {unit} itself ({r.Mode}).", $"Data end: {Text.Instant(r.DataEnd)}."]);
    }
}
