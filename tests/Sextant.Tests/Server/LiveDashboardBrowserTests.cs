using System.Text.Json;
using Microsoft.Playwright;
using Sextant.Analysis;
using Sextant.Application;
using Sextant.Configuration.Queries;
using Sextant.Tests.Support;

namespace Sextant.Tests.Server;

/// <summary>
/// The live dashboards of a real <c>sextant serve</c> on loopback, driven in Debian's chromium:
/// changing a control redraws the charts with the server's numbers, the address holds the view,
/// and every page loads without errors.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveDashboardBrowserTests(BrowserFixture browser, LiveServerFixture server) : IClassFixture<LiveServerFixture>
{
    /// <summary>Each series of a chart as drawn: type, name and the values ECharts holds (null for a gap).</summary>
    private const string ChartValues =
        """
        id => JSON.stringify(echarts.getInstanceByDom(document.getElementById('chart-' + id)).getOption().series.map(s => ({
          type: s.type, name: s.name,
          values: (s.data || []).map(d => d === null || d === undefined ? null : (typeof d === 'object' && !Array.isArray(d) ? (d.value === undefined ? null : d.value) : d))
        })))
        """;

    [Fact]
    public async Task Changing_the_funnel_window_redraws_the_funnel_with_the_apis_numbers_and_the_address_keeps_the_view()
    {
        // Given the funnel dashboard, drawn for the default view,
        await using var page = await browser.OpenUrlAsync(new Uri(server.BaseAddress, "dashboards/funnel"));
        await WaitForRedraws(page.Page, 1);

        // when the steps and the window are changed and applied,
        await page.Page.FillAsync("input[name=steps]", "signup,create_page,edit_page");
        await page.Page.FillAsync("input[name=window]", "3d");
        await page.Page.PressAsync("input[name=window]", "Enter");
        await WaitForRedraws(page.Page, 2);

        // then the product funnel shows the API's users at each step for the same query,
        var expected = await ApiFunnelUsers("steps=signup,create_page,edit_page&window=3d&breakdown=segment");
        Assert.Equal(3, expected.Count);
        Assert.True(expected[0] > expected[2], "the funnel narrows");
        Assert.Equal(expected, await FunnelUsers(page.Page));
        // the address holds the view, with no key in it,
        var address = new Uri(page.Page.Url);
        Assert.Equal("/dashboards/funnel", address.AbsolutePath);
        Assert.Contains("window=3d", address.Query, StringComparison.Ordinal);
        Assert.Contains("steps=signup%2Ccreate_page%2Cedit_page", address.Query, StringComparison.Ordinal);
        // and reloading it shows the same numbers.
        await page.Page.ReloadAsync();
        await WaitForRedraws(page.Page, 1);
        Assert.Equal("3d", await page.Page.InputValueAsync("input[name=window]"));
        Assert.Equal(expected, await FunnelUsers(page.Page));
        // A wider window converts at least as many users at the last step.
        await page.Page.FillAsync("input[name=window]", "30d");
        await page.Page.PressAsync("input[name=window]", "Enter");
        await WaitForRedraws(page.Page, 2);
        var wider = await FunnelUsers(page.Page);
        Assert.Equal(await ApiFunnelUsers("steps=signup,create_page,edit_page&window=30d&breakdown=segment"), wider);
        Assert.True(wider[2] >= expected[2]);
        Assert.Empty(page.BlockedRequests);
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Changing_the_retention_period_redraws_the_curve_with_the_librarys_weekly_retention()
    {
        await using var page = await browser.OpenUrlAsync(new Uri(server.BaseAddress, "dashboards/retention"));
        await WaitForRedraws(page.Page, 1);

        await page.Page.SelectOptionAsync("select[name=period]", "week");
        await WaitForRedraws(page.Page, 2);

        // The curve equals weekly retention computed by the library on the same store.
        var project = Project.Open(server.StorePath);
        var weekly = project.Run(RetentionQueries.FromConfig(project.Config) with { Period = CalendarPeriod.Week });
        var expected = weekly.Average.Select(a => a.Eligible > 0 ? (double?)a.Rate : null).ToList();
        Assert.True(expected.Count > 8, "weeks, not months");
        var drawn = await Series(page.Page, "retention_curve");
        var curve = drawn.Single(s => s.Type == "line" && s.Name == "retained").Values;
        Assert.Equal(expected.Count, curve.Count);
        for (var i = 0; i < expected.Count; i++)
            Assert.Equal(expected[i] is { } rate ? Math.Round(rate, 9) : (double?)null, curve[i] is { } value ? Math.Round(value, 9) : (double?)null);
        Assert.Contains("period=week", new Uri(page.Page.Url).Query, StringComparison.Ordinal);
        // Going back restores the monthly view from the address.
        await page.Page.GoBackAsync();
        await WaitForRedraws(page.Page, 3);
        Assert.Equal("month", await page.Page.InputValueAsync("select[name=period]"));
        Assert.True((await Series(page.Page, "retention_curve")).Single(s => s.Name == "retained").Values.Count < expected.Count);
        Assert.Empty(page.Errors);
    }

    [Theory]
    [MemberData(nameof(Reports.DashboardBrowserTests.Slugs), MemberType = typeof(Reports.DashboardBrowserTests))]
    public async Task Every_live_dashboard_loads_and_draws_without_errors(string slug)
    {
        await using var page = await browser.OpenUrlAsync(new Uri(server.BaseAddress, "dashboards/" + slug));
        await WaitForRedraws(page.Page, 1);

        var ids = await page.Page.EvalOnSelectorAllAsync<string[]>(".chart", "els => els.map(e => e.getAttribute('data-chart-id'))");
        Assert.NotEmpty(ids);
        foreach (var id in ids)
            Assert.True(await page.CountPaintedCanvasPixelsAsync($"#chart-{id} canvas") > 500, $"{slug}: chart {id} drew nothing");
        Assert.Equal("", await page.Page.InnerTextAsync("#error"));
        Assert.Empty(page.BlockedRequests);
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task A_bad_control_value_shows_the_servers_message_and_keeps_the_charts()
    {
        await using var page = await browser.OpenUrlAsync(new Uri(server.BaseAddress, "dashboards/funnel"));
        await WaitForRedraws(page.Page, 1);
        var before = await FunnelUsers(page.Page);

        await page.Page.FillAsync("input[name=steps]", "signup,create_pag");
        await page.Page.PressAsync("input[name=steps]", "Enter");
        await page.Page.WaitForFunctionAsync("() => document.getElementById('error').textContent.length > 0");

        Assert.Contains("steps: unknown event 'create_pag'", await page.Page.InnerTextAsync("#error"), StringComparison.Ordinal);
        Assert.Equal(before, await FunnelUsers(page.Page));
    }

    private static Task WaitForRedraws(IPage page, int count) =>
        page.WaitForFunctionAsync($"() => window.sextantLive && window.sextantLive.redraws >= {count} && !window.sextantLive.busy");

    private static async Task<List<(string Type, string? Name, List<double?> Values)>> Series(IPage page, string chart)
    {
        var json = await page.EvaluateAsync<string>(ChartValues, chart);
        return [.. JsonDocument.Parse(json).RootElement.EnumerateArray().Select(s => (s.GetProperty("type").GetString()!,
            s.TryGetProperty("name", out var name) ? name.GetString() : null,
            s.GetProperty("values").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Number ? v.GetDouble() : (double?)null).ToList()))];
    }

    private static async Task<List<long>> FunnelUsers(IPage page) =>
        [.. (await Series(page, "product_funnel")).Single(s => s.Type == "funnel").Values.Select(v => (long)v!.Value)];

    private async Task<List<long>> ApiFunnelUsers(string query)
    {
        using var client = server.Client();
        var body = await client.GetStringAsync("api/v1/funnel?" + query);
        return [.. JsonDocument.Parse(body).RootElement.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("users").GetInt64())];
    }
}
