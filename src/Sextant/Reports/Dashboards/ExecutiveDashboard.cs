using Sextant.Reports.Charts;

namespace Sextant.Reports.Dashboards;

/// <summary>The executive dashboard: the headline of every other dashboard on one page.</summary>
internal static class ExecutiveDashboard
{
    public const string Slug = "executive";

    /// <summary>Builds the page from the other dashboards, so each headline and chart is the same one shown there.</summary>
    public static Dashboard Build(ReportInputs inputs, IReadOnlyList<Dashboard> others)
    {
        Dashboard Page(string slug) => others.First(d => d.Slug == slug);
        Tile? First(string slug) => Page(slug).Tiles.FirstOrDefault();
        var m = inputs.Metrics;
        var tiles = new List<Tile>();
        if (First(NorthStarDashboard.Slug) is { } star) tiles.Add(star);
        // Without activation.events nothing was measured: no 0% tile (the index lists the note).
        if (m.Activation.Events.Count > 0)
            tiles.Add(new Tile("Activation", Text.Percent(m.Activation.Rate), $"{Text.PercentInterval(m.Activation.CiLow, m.Activation.CiHigh)} within {m.Activation.WindowDays} days of sign-up"));
        tiles.AddRange(Page(EngagementDashboard.Slug).Tiles.Where(t => t.Label.StartsWith("MAU", StringComparison.Ordinal) || t.Label.StartsWith("Stickiness", StringComparison.Ordinal)));
        if (First(RetentionDashboard.Slug) is { } retention) tiles.Add(retention);
        if (First(FunnelDashboard.Slug) is { } drop) tiles.Add(drop);
        if (First(RevenueDashboard.Slug) is { } revenue) tiles.Add(revenue);
        foreach (var e in inputs.Experiments) tiles.Add(new Tile("Experiment " + e.Experiment, Executive.Phrases.Decision(e.Verdict.Decision), e.Verdict.Reason));
        if (First(GrowthDashboard.Slug) is { } lever) tiles.Add(lever);
        if (Page(HealthDashboard.Slug).Tiles.FirstOrDefault(t => t.Label == HealthDashboard.AtRiskLabel) is { } risk) tiles.Add(risk);

        var charts = new List<Chart>();
        void Take(string slug, string id)
        {
            if (Page(slug).Charts.FirstOrDefault(c => c.Id == id) is { } chart) charts.Add(chart);
        }
        Take(NorthStarDashboard.Slug, "north_star_weekly");
        Take(FunnelDashboard.Slug, "lifecycle_funnel");
        Take(RetentionDashboard.Slug, "retention_curve");
        Take(EngagementDashboard.Slug, "active_users");
        foreach (var chart in Page(ExperimentsDashboard.Slug).Charts.Where(c => c.Id.EndsWith("_metric_0", StringComparison.Ordinal))) charts.Add(chart);
        Take(GrowthDashboard.Slug, "levers");
        return new Dashboard(Slug, "Executive summary", $"{inputs.Product}: how we are doing, where users drop, who stays, what works and what it is worth.", tiles, charts,
            [ActiveUsers.Definition(inputs.Metrics.ExcludedEvents), "Every figure links back to its own dashboard; money figures scaled to business size are extrapolated, and segment or feature comparisons are associations."]);
    }
}
