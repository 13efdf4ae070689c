using System.Diagnostics;
using Microsoft.Playwright;
using Sextant.Tests.Support;
using Xunit.Abstractions;

namespace Sextant.Tests.Reports;

/// <summary>The real-browser fixture sees what the dashboard tests will rely on it to see.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BrowserFixtureTests(BrowserFixture browser, ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task A_canvas_drawn_by_script_has_painted_pixels()
    {
        var path = _directory.Write("canvas.html", """
            <!doctype html>
            <html><body>
            <canvas id="chart" width="200" height="100"></canvas>
            <script>
              const context = document.getElementById('chart').getContext('2d');
              context.fillStyle = '#5470c6';
              context.fillRect(20, 20, 60, 60);
            </script>
            </body></html>
            """);

        await using var page = await browser.OpenFileAsync(path);

        Assert.Equal(60 * 60, await page.CountPaintedCanvasPixelsAsync("#chart"));
        Assert.Empty(page.BlockedRequests);
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task A_blank_canvas_has_no_painted_pixels()
    {
        var path = _directory.Write("blank.html", """
            <!doctype html>
            <html><body><canvas width="200" height="100"></canvas></body></html>
            """);

        await using var page = await browser.OpenFileAsync(path);

        Assert.Equal(0, await page.CountPaintedCanvasPixelsAsync());
    }

    [Fact]
    public async Task A_script_from_the_network_is_blocked_and_recorded()
    {
        var path = _directory.Write("remote.html", """
            <!doctype html>
            <html><body>
            <script src="http://example.com/x.js" onerror="document.body.dataset.script = 'failed'"></script>
            <script>
              fetch('https://example.com/data.json').then(
                () => document.body.dataset.fetch = 'loaded',
                () => document.body.dataset.fetch = 'failed');
            </script>
            </body></html>
            """);

        await using var page = await browser.OpenFileAsync(path);
        await page.Page.Locator("body[data-fetch]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

        Assert.Equal("failed", await page.Page.Locator("body").GetAttributeAsync("data-script"));
        Assert.Equal("failed", await page.Page.Locator("body").GetAttributeAsync("data-fetch"));
        Assert.Equal(["http://example.com/x.js", "https://example.com/data.json"], page.BlockedRequests.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_web_socket_to_the_network_is_blocked_and_recorded()
    {
        var path = _directory.Write("socket.html", """
            <!doctype html>
            <html><body>
            <script>
              const socket = new WebSocket('ws://example.com/live');
              socket.onopen = () => document.body.dataset.socket = 'open';
              socket.onclose = () => document.body.dataset.socket = 'closed';
            </script>
            </body></html>
            """);

        await using var page = await browser.OpenFileAsync(path);
        await page.Page.Locator("body[data-socket]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

        Assert.Equal(["ws://example.com/live"], page.BlockedRequests);
    }

    [Fact]
    public async Task A_local_image_and_a_data_url_load_without_being_blocked()
    {
        // A 1x1 opaque PNG.
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        _directory.WriteBytes("dot.png", png);
        var path = _directory.Write("local.html", $$"""
            <!doctype html>
            <html><body>
            <img id="file" src="dot.png">
            <img id="data" src="data:image/png;base64,{{Convert.ToBase64String(png)}}">
            </body></html>
            """);

        await using var page = await browser.OpenFileAsync(path);

        Assert.Equal(1, await page.Page.EvalOnSelectorAsync<int>("#file", "image => image.naturalWidth"));
        Assert.Equal(1, await page.Page.EvalOnSelectorAsync<int>("#data", "image => image.naturalWidth"));
        Assert.Empty(page.BlockedRequests);
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task A_console_error_and_an_uncaught_exception_are_reported()
    {
        var path = _directory.Write("errors.html", """
            <!doctype html>
            <html><body>
            <script>console.error('chart data missing');</script>
            <script>throw new Error('series is undefined');</script>
            </body></html>
            """);

        await using var page = await browser.OpenFileAsync(path);

        Assert.Equal(["chart data missing"], page.ConsoleErrors);
        var error = Assert.Single(page.PageErrors);
        Assert.Contains("series is undefined", error, StringComparison.Ordinal);
        Assert.Equal(2, page.Errors.Count);
    }

    [Fact]
    public async Task A_real_mouse_hover_over_a_bar_shows_its_tooltip()
    {
        var path = _directory.Write("tooltip.html", """
            <!doctype html>
            <html><body style="margin:0">
            <div id="bar" data-label="Activated: 42%" style="position:absolute;left:100px;top:100px;width:80px;height:200px;background:#91cc75"></div>
            <div id="tooltip" style="position:absolute;display:none"></div>
            <script>
              const bar = document.getElementById('bar');
              const tooltip = document.getElementById('tooltip');
              bar.addEventListener('mousemove', event => {
                tooltip.textContent = bar.dataset.label;
                tooltip.style.left = (event.clientX + 10) + 'px';
                tooltip.style.top = (event.clientY + 10) + 'px';
                tooltip.style.display = 'block';
              });
              bar.addEventListener('mouseleave', () => tooltip.style.display = 'none');
            </script>
            </body></html>
            """);

        await using var page = await browser.OpenFileAsync(path);
        var tooltip = page.Page.Locator("#tooltip");
        Assert.False(await tooltip.IsVisibleAsync());

        await page.Page.Mouse.MoveAsync(140, 200);
        await tooltip.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.Equal("Activated: 42%", await tooltip.TextContentAsync());

        await page.Page.Mouse.MoveAsync(400, 500);
        await tooltip.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden });
    }

    [Fact]
    public async Task Twelve_pages_open_one_after_another_on_the_shared_browser()
    {
        var path = _directory.Write("page.html", """
            <!doctype html>
            <html><body><p id="ready">ready</p></body></html>
            """);
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 12; i++)
        {
            await using var page = await browser.OpenFileAsync(path);
            Assert.Equal("ready", await page.Page.Locator("#ready").TextContentAsync());
        }

        output.WriteLine(
            $"browser launch: {browser.LaunchTime.TotalMilliseconds:F0} ms; " +
            $"12 pages opened and closed: {clock.Elapsed.TotalMilliseconds:F0} ms ({clock.Elapsed.TotalMilliseconds / 12:F0} ms a page)");
    }

    public void Dispose() => _directory.Dispose();
}
