using Sextant.Reports.Charts;
using Sextant.Reports.Dashboards;
using Sextant.Tests.Support;

namespace Sextant.Tests.Reports;

public sealed class HeatmapLegendTests(ReportInputsFixture fixture) : IClassFixture<ReportInputsFixture>
{
    [Fact]
    public void The_retention_heatmaps_colour_legend_is_titled_in_svg_and_on_the_dashboard()
    {
        // Given the retention dashboard's heatmap
        var heatmap = Assert.IsType<HeatmapChart>(DashboardSet.Build(fixture.Inputs).Single(d => d.Slug == "retention").Charts.Single(c => c.Id == "retention_heatmap"));

        // Then both renderings name what the colours measure
        Assert.Equal("share of the cohort active", heatmap.LegendTitle);
        Assert.Contains(">share of the cohort active</text>", SvgChart.Render(heatmap), StringComparison.Ordinal);
        Assert.Equal("share of the cohort active", (string)EChartsOption.For(heatmap)["visualMap"]!["text"]![0]!);
    }

    [Fact]
    public void The_recent_vs_early_cohorts_tile_gives_the_difference_in_percentage_points()
    {
        var tile = DashboardSet.Build(fixture.Inputs).Single(d => d.Slug == "retention").Tiles.Single(t => t.Label == "Recent vs early cohorts");

        Assert.EndsWith(" pp", tile.Value, StringComparison.Ordinal);
    }
}
