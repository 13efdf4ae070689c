using Sextant.Reports.Charts;

namespace Sextant.Reports.Dashboards;

/// <summary>DAU, WAU, MAU and stickiness over time, and by segment.</summary>
internal static class EngagementDashboard
{
    public const string Slug = "engagement";

    public static Dashboard Build(ReportInputs inputs)
    {
        var m = inputs.Metrics;
        var days = m.Dau.Select(d => d.Date).ToList();
        ChartSeries Daily(string name, IReadOnlyList<Analysis.Engagement.DailyCount> counts) =>
            new(name, counts.Select(c => new ChartPoint(c.Users, $"{name} {c.Date}: {Text.Count(c.Users)} users")).ToList());
        var tiles = new List<Tile>();
        if (m.Dau.Count == 0) tiles.Add(new Tile("Active users", "—", "no active events in the data"));
        else
        {
            tiles.Add(new("DAU", Text.Count(m.Dau[^1].Users), m.Dau[^1].Date));
            tiles.Add(new("WAU", Text.Count(m.Wau[^1].Users), "7 days to " + m.Wau[^1].Date));
            tiles.Add(new("MAU", Text.Count(m.Mau[^1].Users), "30 days to " + m.Mau[^1].Date));
            tiles.Add(new("Stickiness (DAU/MAU)", Text.Percent(m.Stickiness.Headline), $"mean of the last {m.Stickiness.Days} complete days"));
        }
        var charts = new List<Chart>
        {
            new LineChart("active_users", "Daily, weekly and monthly active users", days, [Daily("DAU", m.Dau), Daily("WAU", m.Wau), Daily("MAU", m.Mau)], ValueFormat.Count),
            new LineChart("stickiness", "Stickiness: DAU / MAU", m.Stickiness.Daily.Select(d => d.Date).ToList(),
                [new ChartSeries("DAU/MAU", m.Stickiness.Daily.Select(d => new ChartPoint(d.Value, $"{d.Date}: {Text.Percent(d.Value)}")).ToList())], ValueFormat.Percent),
            new BarChart("weekly_active", "Active users per calendar week", m.Weekly.Select(w => w.Period).ToList(),
                [new ChartSeries("active users", m.Weekly.Select(w => new ChartPoint(w.Users, $"{w.Period}: {Text.Count(w.Users)} users" + (w.Complete ? "" : " (incomplete week)"), Incomplete: !w.Complete)).ToList())],
                ValueFormat.Count) { Note = "An incomplete last week is drawn faded." },
        };
        if (m.Breakdown.Count > 0)
            charts.Add(new BarChart("stickiness_by_segment", $"Stickiness by {m.BreakdownBy}", m.Breakdown.Select(b => b.Value).ToList(),
                [new ChartSeries("DAU/MAU", m.Breakdown.Select(b => new ChartPoint(b.Stickiness, $"{b.Value}: {Text.Percent(b.Stickiness)} (MAU {Text.Count(b.Mau)}, DAU {Text.Count(b.Dau)})")).ToList())],
                ValueFormat.Percent, Horizontal: true));
        charts.AddRange(MartPanels.CohortEngagement(inputs.Marts));
        return new Dashboard(Slug, "Engagement", "How many users are active each day, week and month, and how often monthly users come back.", tiles, charts,
            [ActiveUsers.Definition(m.ExcludedEvents), "A user counts once per window.", $"Data end: {Text.Instant(m.DataEnd)}."]);
    }
}
