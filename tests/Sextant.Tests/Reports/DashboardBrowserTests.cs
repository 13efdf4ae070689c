using System.Text.RegularExpressions;
using Sextant.Application;
using Sextant.Configuration;
using Sextant.Reports.Dashboards;
using Sextant.Tests.Support;

namespace Sextant.Tests.Reports;

/// <summary>The dashboards written once from the report fixture's results, for the browser tests.</summary>
public sealed class WrittenDashboardsFixture : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ReportInputsFixture _inputs = new();

    public WrittenDashboardsFixture() => Files = DashboardFiles.Write(_directory.File("dashboards"), _inputs.Inputs);

    /// <summary>The written files, index first.</summary>
    public IReadOnlyList<string> Files { get; }

    public string PathOf(string slug) => Files.Single(f => Path.GetFileNameWithoutExtension(f) == slug);

    public void Dispose()
    {
        _inputs.Dispose();
        _directory.Dispose();
    }
}

/// <summary>
/// Every dashboard opened from disk in Debian's chromium with the network blocked: each chart
/// draws, nothing is fetched, nothing is logged as an error, and tooltips show values.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class DashboardBrowserTests(BrowserFixture browser, WrittenDashboardsFixture dashboards) : IClassFixture<WrittenDashboardsFixture>
{
    public static TheoryData<string> Slugs() =>
        new("executive", "north_star", "engagement", "funnel", "retention", "feature_adoption", "power_users", "paths", "experiments", "growth", "revenue", "health");

    [Theory]
    [MemberData(nameof(Slugs))]
    public async Task Every_chart_draws_offline_without_errors_and_shows_a_tooltip_with_a_value(string slug)
    {
        await using var page = await browser.OpenFileAsync(dashboards.PathOf(slug));
        await page.Page.WaitForFunctionAsync("() => window.sextantReady === true");

        var ids = await page.Page.EvalOnSelectorAllAsync<string[]>(".chart", "els => els.map(e => e.getAttribute('data-chart-id'))");
        Assert.NotEmpty(ids);
        foreach (var id in ids)
        {
            Assert.True(await page.CountPaintedCanvasPixelsAsync($"#chart-{id} canvas") > 500, $"{slug}: chart {id} drew nothing");
            Assert.True(await page.Page.EvaluateAsync<bool>(ShowFirstTip, id), $"{slug}: chart {id} has no item with a tooltip");
            var tooltip = page.Page.Locator($"#chart-{id} .sextant-tooltip");
            await tooltip.WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Visible });
            var text = await tooltip.InnerTextAsync();
            Assert.Matches(Digit(), text);
        }
        Assert.Empty(page.BlockedRequests);
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Hovering_a_bar_with_the_mouse_shows_its_exact_value()
    {
        await using var page = await browser.OpenFileAsync(dashboards.PathOf("health"));
        await page.Page.WaitForFunctionAsync("() => window.sextantReady === true");
        // The middle of the fourth bar of the score distribution, in page pixels.
        var point = await page.Page.EvaluateAsync<double[]>("""
            () => {
              const chart = window.sextantCharts['health_distribution'];
              const value = chart.getOption().series[0].data[3].value;
              const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [3, value / 2]);
              const box = document.getElementById('chart-health_distribution').getBoundingClientRect();
              return [box.left + x, box.top + y];
            }
            """);
        await page.Page.Mouse.MoveAsync((float)point[0], (float)point[1]);

        var tooltip = page.Page.Locator("#chart-health_distribution .sextant-tooltip");
        await tooltip.WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Visible });
        Assert.StartsWith("score 30–39: ", await tooltip.InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_index_links_every_dashboard_and_each_link_opens_a_written_file()
    {
        await using var page = await browser.OpenFileAsync(dashboards.Files[0]);
        var links = await page.Page.EvalOnSelectorAllAsync<string[]>("ul.index a", "els => els.map(e => e.getAttribute('href'))");

        Assert.Equal(dashboards.Files.Skip(1).Select(Path.GetFileName).Order(), links.Order());
        Assert.All(links, link => Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(dashboards.Files[0])!, link)), link));
        Assert.Empty(page.Errors);
    }

    public static TheoryData<string> NearlyEmptyStores() => new("one event", "profiles only");

    [Theory]
    [MemberData(nameof(NearlyEmptyStores))]
    public async Task Dashboards_of_a_nearly_empty_store_open_without_errors(string store)
    {
        using var directory = new TempDirectory();
        var table = store == "one event"
            ? EventBuilder.Load(null, EventBuilder.At("u1", "signup", "2026-01-01T09:00:00Z"))
            : EventBuilder.Load(null, [EventBuilder.User("u1", "2026-01-01T09:00:00Z", "individual"), EventBuilder.User("u2", "2026-01-02T09:00:00Z", "enterprise")], []);
        var files = DashboardFiles.Write(directory.File("dashboards"), ReportAnalyses.Run(table, SextantConfig.Default));

        foreach (var file in files)
        {
            await using var page = await browser.OpenFileAsync(file);
            if (file != files[0]) await page.Page.WaitForFunctionAsync("() => window.sextantReady === true");
            Assert.Empty(page.BlockedRequests);
            Assert.True(page.Errors.Count == 0, $"{Path.GetFileName(file)}: {string.Join("; ", page.Errors)}");
        }
    }

    /// <summary>Asks a chart to show the tooltip of its first item that has one (a Sankey's first flow).</summary>
    private const string ShowFirstTip = """
        id => {
          const chart = window.sextantCharts[id];
          const series = chart.getOption().series;
          for (let s = 0; s < series.length; s++) {
            const sankey = series[s].type === 'sankey';
            const data = sankey ? series[s].links : series[s].data;
            for (let i = 0; i < (data || []).length; i++) {
              const item = data[i];
              if (item && item.tip !== undefined && item.value !== null && item.value !== undefined) {
                chart.dispatchAction(sankey ? { type: 'showTip', seriesIndex: s, dataIndex: i, dataType: 'edge' } : { type: 'showTip', seriesIndex: s, dataIndex: i });
                return true;
              }
            }
          }
          return false;
        }
        """;

    [GeneratedRegex(@"\d")]
    private static partial Regex Digit();
}
