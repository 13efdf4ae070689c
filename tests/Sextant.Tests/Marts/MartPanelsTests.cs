using Sextant.Application;
using Sextant.Events;
using Sextant.Reports.Charts;
using Sextant.Reports.Dashboards;
using Sextant.Reports.Tables;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Marts;

/// <summary>The marts in a report: their tables in <c>sextant export</c> and their panels on three dashboards.</summary>
public sealed class MartPanelsTests
{
    /// <summary>The data of <see cref="MartsData"/> with a's live subscription on a plan whose name is markup.</summary>
    private static EventTable Table() => Load(null, MartsData.Users(),
        [new Subscription("s1", "a", "<b>Starter</b>", "active", Support.SubscriptionBuilder.Instant("2024-01-10T09:00:00Z"), null, 10, "USD")], MartsData.Events());

    [Fact]
    public void Export_lists_the_four_mart_tables_with_the_marts_rows()
    {
        var inputs = ReportAnalyses.Run(Table(), MartsData.Config);

        var tables = ExportTables.Results(inputs).ToDictionary(t => t.Name);

        Assert.Equal(3, tables["cohort_funnel"].Rows.Count);
        Assert.Equal(6, tables["cohort_engagement"].Rows.Count);
        Assert.Equal(9, tables["cohort_feature_adoption"].Rows.Count);
        Assert.Equal(inputs.Marts!.Health.Users, tables["user_health_mart"].Rows.Count);
        Assert.Contains(tables["user_health_mart"].Rows, row => (string?)row[0] == "a" && (string?)row[4] == "<b>Starter</b>" && (string?)row[5] == "subscriptions");
    }

    [Fact]
    public void The_funnel_engagement_and_health_dashboards_carry_the_mart_panels_with_partial_cells_marked()
    {
        var dashboards = DashboardSet.Build(ReportAnalyses.Run(Table(), MartsData.Config));
        Chart Panel(string slug, string id) => dashboards.Single(d => d.Slug == slug).Charts.Single(c => c.Id == id);

        var funnel = Assert.IsType<HeatmapChart>(Panel("funnel", "cohort_funnel"));
        Assert.Equal(["2024-01 (2)", "2024-02 (1)", "2024-03 (1)"], funnel.Rows);
        Assert.Equal([false, false, true], funnel.Cells.Select(row => row[0].Incomplete));
        Assert.Equal(0.5, funnel.Cells[0][1].Value);
        var retained = Assert.IsType<HeatmapChart>(Panel("engagement", "cohort_retained_share"));
        Assert.Equal(0.5, retained.Cells[0][2].Value);
        Assert.True(retained.Cells[0][2].Incomplete);
        Assert.Null(retained.Cells[2][1].Value);
        Assert.IsType<HeatmapChart>(Panel("engagement", "cohort_dau_mau"));
        var upsell = Assert.IsType<BarChart>(Panel("health", "upsell_by_plan"));
        Assert.Contains("<b>Starter</b>", upsell.Categories);
    }

    [Fact]
    public void A_plan_name_with_markup_is_escaped_on_the_health_page()
    {
        var dashboards = DashboardSet.Build(ReportAnalyses.Run(Table(), MartsData.Config));
        var health = dashboards.Single(d => d.Slug == "health");

        var html = DashboardPage.Render(health, dashboards, "footer", PageAssets.Placeholders);

        Assert.DoesNotContain("<b>Starter", html, StringComparison.Ordinal);
        // The name is on the page, in the charts' JSON, with its markup characters escaped.
        Assert.Contains("\\u003Cb\\u003EStarter", html, StringComparison.OrdinalIgnoreCase);
    }
}
