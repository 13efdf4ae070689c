using System.Globalization;
using Sextant.Analysis.Experiments;
using Sextant.Reports;
using Sextant.Reports.Charts;
using Sextant.Reports.Dashboards;
using Sextant.Tests.Support;

namespace Sextant.Tests.Reports;

/// <summary>Every dashboard figure is a value of the result records, copied, not recomputed.</summary>
public sealed class DashboardContentTests(ReportInputsFixture fixture) : IClassFixture<ReportInputsFixture>
{
    private readonly ReportInputs _inputs = fixture.Inputs;
    private readonly IReadOnlyList<Dashboard> _dashboards = DashboardSet.Build(fixture.Inputs);

    private Dashboard Page(string slug) => _dashboards.Single(d => d.Slug == slug);

    private T Chart<T>(string slug, string id) where T : Chart => Assert.IsType<T>(Page(slug).Charts.Single(c => c.Id == id));

    [Fact]
    public void There_are_at_least_ten_dashboards_with_unique_names_and_unique_chart_ids()
    {
        Assert.True(_dashboards.Count >= 10, $"{_dashboards.Count} dashboards");
        Assert.Equal(_dashboards.Count, _dashboards.Select(d => d.Slug).Distinct().Count());
        Assert.Equal("executive", _dashboards[0].Slug);
        foreach (var dashboard in _dashboards)
        {
            Assert.NotEmpty(dashboard.Charts);
            Assert.Equal(dashboard.Charts.Count, dashboard.Charts.Select(c => c.Id).Distinct().Count());
            Assert.All(dashboard.Charts, c => Assert.Matches("^[a-z0-9_]+$", c.Id));
        }
    }

    [Fact]
    public void The_north_star_headline_and_trend_are_the_weekly_counts()
    {
        var star = _inputs.Metrics.NorthStar;
        var headline = Assert.IsType<Sextant.Analysis.Engagement.PeriodCount>(star.Headline);
        var tile = Page("north_star").Tiles[0];
        Assert.Equal(headline.Users.ToString("N0", CultureInfo.InvariantCulture), tile.Value);
        var gauge = Chart<GaugeChart>("north_star", "north_star_gauge");
        Assert.Equal(headline.Users, gauge.Value.Value);
        var trend = Chart<LineChart>("north_star", "north_star_weekly");
        Assert.Equal(star.Weeks.Select(w => w.Period), trend.Categories);
        Assert.Equal(star.Weeks.Select(w => (double?)w.Users), trend.Series[0].Points.Select(p => p.Value));
        Assert.Equal(star.Weeks.Select(w => !w.Complete), trend.Series[0].Points.Select(p => p.Incomplete));
    }

    [Fact]
    public void The_lifecycle_funnel_shows_each_stages_users_and_the_biggest_drop()
    {
        var lifecycle = _inputs.Lifecycle;
        var funnel = Chart<FunnelChart>("funnel", "lifecycle_funnel");
        Assert.Equal(7, funnel.Stages.Count);
        Assert.Equal(lifecycle.Steps.Select(s => s.Name), funnel.Stages);
        Assert.Equal(lifecycle.Steps.Select(s => (double?)s.Users), funnel.Users.Select(p => p.Value));
        var stage = Assert.IsType<int>(lifecycle.BiggestDropStage);
        Assert.Equal($"{lifecycle.Steps[stage - 1].Name} → {lifecycle.Steps[stage].Name}", Page("funnel").Tiles[0].Value);
        var drops = Chart<BarChart>("funnel", "lifecycle_dropoff").Series[0].Points;
        Assert.Equal(lifecycle.Steps.Skip(1).Select(s => (double?)(1 - s.ConversionFromPrevious)), drops.Select(p => p.Value));
        Assert.Equal(lifecycle.Breakdown.Select(b => b.Value), Chart<BarChart>("funnel", "lifecycle_by_segment").Series.Select(s => s.Name));
    }

    [Fact]
    public void The_retention_heatmap_holds_complete_cells_only()
    {
        var heatmap = Chart<HeatmapChart>("retention", "retention_heatmap");
        var cohorts = _inputs.Retention.Cohorts;
        Assert.Equal(cohorts.Count, heatmap.Rows.Count);
        for (var r = 0; r < cohorts.Count; r++)
            for (var p = 0; p < heatmap.Columns.Count; p++)
            {
                var expected = p < cohorts[r].Periods.Count && cohorts[r].Periods[p].Complete ? cohorts[r].Periods[p].Rate : (double?)null;
                Assert.Equal(expected, heatmap.Cells[r][p].Value);
            }
        var curve = Chart<LineChart>("retention", "retention_curve").Series[0];
        Assert.True(curve.Band);
        Assert.Equal(_inputs.Retention.Average.Select(a => (double?)a.CiLow), curve.Points.Select(p => p.Low));
    }

    [Fact]
    public void A_dont_ship_verdict_reads_dont_ship_on_the_dashboards()
    {
        // Given the first experiment's verdict turned into dont_ship
        var experiment = _inputs.Experiments[0];
        var inputs = _inputs with { Experiments = [experiment with { Verdict = experiment.Verdict with { Decision = ExperimentDecision.DontShip } }, .. _inputs.Experiments.Skip(1)] };

        var pages = DashboardSet.Build(inputs);

        // Then both the experiments and the executive tiles say "don't ship"
        Assert.Contains(pages.Single(p => p.Slug == "experiments").Tiles, t => t.Label == experiment.Experiment && t.Value == "don't ship");
        Assert.Contains(pages.Single(p => p.Slug == "executive").Tiles, t => t.Label == "Experiment " + experiment.Experiment && t.Value == "don't ship");
    }

    [Fact]
    public void Experiment_forest_plots_show_each_comparisons_relative_lift_and_interval()
    {
        foreach (var experiment in _inputs.Experiments)
        {
            var metric = experiment.Metrics[0];
            var forest = Assert.IsType<IntervalChart>(Page("experiments").Charts.Single(c => c.Title.StartsWith(experiment.Experiment + ": " + MetricLabels.Of(metric.Name), StringComparison.Ordinal)));
            Assert.Equal(metric.Comparisons.Select(c => c.Variant), forest.Rows.Select(r => r.Label));
            Assert.Equal(metric.Comparisons.Select(c => c.RelativeLift), forest.Rows.Select(r => r.Estimate));
            Assert.Equal(metric.Comparisons.Select(c => c.RelativeCiLow!.Value), forest.Rows.Select(r => r.Low));
            Assert.Equal(metric.Comparisons.Select(c => c.Significant), forest.Rows.Select(r => r.Highlight));
            Assert.Contains(Page("experiments").Tiles, t => t.Label == experiment.Experiment && t.Value == (experiment.Verdict.Decision == ExperimentDecision.DontShip ? "don't ship" : experiment.Verdict.Decision.Code().Replace('_', ' ')));
        }
    }

    [Fact]
    public void Growth_levers_are_ranked_with_their_p10_to_p90_ranges()
    {
        var growth = _inputs.Growth;
        var bars = Chart<BarChart>("growth", "levers");
        Assert.Equal(growth.Levers.OrderBy(l => l.Rank).Select(l => $"{l.Rank}. {l.Lever}"), bars.Categories);
        Assert.Equal(growth.Levers.OrderBy(l => l.Rank).Select(l => (l.P10, l.P50, l.P90)),
            bars.Series[0].Points.Select(p => (p.Low!.Value, p.Value!.Value, p.High!.Value)));
        Assert.Equal(12, Chart<LineChart>("growth", "projection").Categories.Count);
        var tornado = Chart<IntervalChart>("growth", "tornado");
        Assert.Equal(IntervalStyle.Tornado, tornado.Style);
        Assert.Equal(growth.SensitivityBase, tornado.Reference);
        Assert.Equal(growth.Sensitivity.Count, tornado.Rows.Count);
    }

    [Fact]
    public void Health_distribution_is_the_histogram()
    {
        var bars = Chart<BarChart>("health", "health_distribution");
        Assert.Equal(_inputs.Health.Histogram.Select(h => (double?)h), bars.Series[0].Points.Select(p => p.Value));
        Assert.Equal("90–100", bars.Categories[^1]);
    }

    [Fact]
    public void The_paths_sankey_links_nodes_that_exist_and_flows_are_edge_counts()
    {
        var sankey = Chart<SankeyChart>("paths", "paths_sankey");
        var keys = sankey.Nodes.Select(n => n.Key).ToHashSet();
        Assert.All(sankey.Links, l => Assert.Contains(l.Source, keys));
        Assert.All(sankey.Links, l => Assert.Contains(l.Target, keys));
        var edges = _inputs.Paths.Edges.ToDictionary(e => $"{e.Step}. {e.From}|{e.Step + 1}. {e.To}", e => (double)e.Count);
        Assert.All(sankey.Links, l => Assert.Equal(edges[l.Source + "|" + l.Target], l.Value));
        Assert.All(sankey.Nodes, n => Assert.True(n.Column >= 0));
    }

    [Fact]
    public void The_executive_dashboard_repeats_the_other_dashboards_headlines()
    {
        var executive = Page("executive");
        Assert.Contains(Page("north_star").Tiles[0], executive.Tiles);
        Assert.Contains(Page("funnel").Tiles[0], executive.Tiles);
        Assert.Contains(Page("growth").Tiles[0], executive.Tiles);
        Assert.Contains(executive.Charts, c => c.Id == "lifecycle_funnel");
        Assert.Contains(executive.Charts, c => c.Id == "levers");
        Assert.Contains(executive.Tiles, t => t.Label == "Activation" && t.Value == (_inputs.Metrics.Activation.Rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%");
    }

    [Fact]
    public void Incomplete_periods_are_marked_on_every_chart_that_shows_periods()
    {
        var weekly = Chart<BarChart>("engagement", "weekly_active");
        Assert.Equal(_inputs.Metrics.Weekly.Select(w => !w.Complete), weekly.Series[0].Points.Select(p => p.Incomplete));
        var revenue = Chart<BarChart>("revenue", "revenue_monthly");
        Assert.Equal(_inputs.Revenue.Months.Select(m => !m.Complete), revenue.Series[0].Points.Select(p => p.Incomplete));
    }

    [Fact]
    public void Every_tooltip_is_filled()
    {
        foreach (var chart in _dashboards.SelectMany(d => d.Charts))
        {
            var tips = chart switch
            {
                LineChart line => line.Series.SelectMany(s => s.Points).Select(p => p.Tip),
                BarChart bar => bar.Series.SelectMany(s => s.Points).Select(p => p.Tip),
                HeatmapChart heatmap => heatmap.Cells.SelectMany(r => r).Select(p => p.Tip),
                GaugeChart gauge => [gauge.Value.Tip],
                FunnelChart funnel => funnel.Users.Select(p => p.Tip),
                SankeyChart sankey => sankey.Links.Select(l => l.Tip),
                IntervalChart interval => interval.Rows.Select(r => r.Tip),
                _ => throw new InvalidOperationException(chart.GetType().Name),
            };
            Assert.All(tips, tip => Assert.False(string.IsNullOrWhiteSpace(tip), chart.Id));
        }
    }
}
