using Sextant.Reports.Charts;

namespace Sextant.Reports.Dashboards;

/// <summary>User health: the score distribution and at-risk / expansion-ready users by segment.</summary>
internal static class HealthDashboard
{
    public const string Slug = "health";

    /// <summary>The label of the at-risk tile, which the executive dashboard repeats.</summary>
    public const string AtRiskLabel = "At risk";

    public static Dashboard Build(ReportInputs inputs)
    {
        var h = inputs.Health;
        var users = h.Users.Count;
        var tiles = new List<Tile>
        {
            new("Users scored", Text.Count(users), h.Population),
            new("Mean health score", Text.Number(Math.Round(h.MeanScore, 1)), "0–100"),
            new(AtRiskLabel, Text.Count(h.AtRisk), users == 0 ? null : Text.Percent((double)h.AtRisk / users) + " of scored users"),
            new("Expansion-ready", Text.Count(h.ExpansionReady), users == 0 ? null : Text.Percent((double)h.ExpansionReady / users) + " of scored users"),
        };
        var bands = h.Histogram.Select((count, i) => (Label: i == h.Histogram.Count - 1 ? $"{i * 10}–100" : $"{i * 10}–{i * 10 + 9}", Count: count)).ToList();
        var charts = new List<Chart>
        {
            new BarChart("health_distribution", "Health score distribution", bands.Select(b => b.Label).ToList(),
                [new ChartSeries("users", bands.Select(b => new ChartPoint(b.Count, $"score {b.Label}: {Text.Count(b.Count)} users" + (users == 0 ? "" : $" ({Text.Percent((double)b.Count / users)})"))).ToList())],
                ValueFormat.Count),
            new BarChart("health_by_segment", "At-risk and expansion-ready users by segment", h.Segments.Select(s => s.Segment).ToList(),
                [new ChartSeries("at risk", h.Segments.Select(s => new ChartPoint(s.AtRisk, $"{s.Segment}: {Text.Count(s.AtRisk)} of {Text.Count(s.Users)} at risk ({Text.Percent(s.Users == 0 ? 0 : (double)s.AtRisk / s.Users)}); mean score {Text.Number(Math.Round(s.MeanScore, 1))}")).ToList()),
                 new ChartSeries("expansion-ready", h.Segments.Select(s => new ChartPoint(s.ExpansionReady, $"{s.Segment}: {Text.Count(s.ExpansionReady)} of {Text.Count(s.Users)} expansion-ready")).ToList())],
                ValueFormat.Count),
        };
        charts.AddRange(MartPanels.UpsellByPlan(inputs.Marts));
        return new Dashboard(Slug, "User health", "How healthy recently active users are, who is at risk of leaving and who is ready to expand.", tiles, charts,
            [$"Scores at {h.DataEndDay} from recency, frequency, breadth, collaboration, trend and tenure; weights under health: in sextant.yaml."]);
    }
}
