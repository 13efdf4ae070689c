using System.Diagnostics;
using Microsoft.Playwright;

namespace Sextant.Tests.Support;

/// <summary>
/// One Playwright driver and one headless Debian chromium, shared by every test in the
/// <see cref="BrowserCollection"/>. Pages are opened from disk with the network blocked, the way a
/// user opens a self-contained dashboard offline.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's chromium; <c>tests/install-browser.sh</c> installs it. Playwright never downloads a browser here.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        // No name resolves, so even a connection the routing cannot see (a preconnect) goes nowhere;
        // a live page's own server is reached by its loopback address.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>How long starting the Playwright driver and launching chromium took.</summary>
    public TimeSpan LaunchTime { get; private set; }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Debian's chromium at {ChromiumPath}, which is missing. " +
                "Run tests/install-browser.sh as root (test.sh does), or `apt-get install chromium`.");
        }

        var clock = Stopwatch.StartNew();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });
        LaunchTime = clock.Elapsed;
    }

    /// <summary>
    /// Opens a local file in a fresh browser context and waits for its load event. Every request
    /// other than <c>file:</c>, <c>data:</c> and <c>blob:</c> is aborted and recorded, and console
    /// errors and uncaught exceptions are collected.
    /// </summary>
    public async Task<BrowserPage> OpenFileAsync(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"No file to open in the browser at {fullPath}.", fullPath);
        }

        return await OpenAsync(new Uri(fullPath).AbsoluteUri, null);
    }

    /// <summary>
    /// Opens a page of a server on loopback (<c>http://127.0.0.1:PORT/...</c>) and waits for its load
    /// event. Requests to that server go through; every other is aborted and recorded, as for files.
    /// </summary>
    public Task<BrowserPage> OpenUrlAsync(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsLoopback) throw new ArgumentException($"only a loopback server may be opened, not {url}", nameof(url));
        return OpenAsync(url.AbsoluteUri, url.GetLeftPart(UriPartial.Authority) + "/");
    }

    private async Task<BrowserPage> OpenAsync(string address, string? allowedOrigin)
    {
        var browser = _browser ?? throw new InvalidOperationException("The browser fixture is not initialised.");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            // A service worker could answer requests without the route below seeing them.
            ServiceWorkers = ServiceWorkerPolicy.Block,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(15_000);
        var result = new BrowserPage(context, allowedOrigin);
        try
        {
            await context.RouteAsync("**/*", result.HandleRouteAsync);
            await context.RouteWebSocketAsync("**/*", result.HandleWebSocket);
            var page = await context.NewPageAsync();
            result.Attach(page);
            await page.GotoAsync(address, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            return result;
        }
        catch
        {
            await result.DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>The tests that share one <see cref="BrowserFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
