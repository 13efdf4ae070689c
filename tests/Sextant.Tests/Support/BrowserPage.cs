using Microsoft.Playwright;

namespace Sextant.Tests.Support;

/// <summary>
/// A page opened by <see cref="BrowserFixture.OpenFileAsync"/> in its own context, with what it
/// tried to fetch from the network and what went wrong in it. Disposing closes the context.
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private static readonly string[] AllowedSchemes = ["file:", "data:", "blob:"];

    private readonly IBrowserContext _context;
    private readonly string? _allowedOrigin;
    private readonly Lock _gate = new();
    private readonly List<string> _blockedRequests = [];
    private readonly List<string> _consoleErrors = [];
    private readonly List<string> _pageErrors = [];
    private IPage? _page;

    internal BrowserPage(IBrowserContext context, string? allowedOrigin = null)
    {
        _context = context;
        _allowedOrigin = allowedOrigin;
    }

    /// <summary>The Playwright page, for locators, the mouse, screenshots and script.</summary>
    public IPage Page => _page ?? throw new InvalidOperationException("The page is not open yet.");

    /// <summary>Every URL the page tried to load that is not a local file, data, blob or (for a served page) its server: each was aborted.</summary>
    public IReadOnlyList<string> BlockedRequests => Snapshot(_blockedRequests);

    /// <summary>
    /// Console messages of type error, as text. A blocked request also shows up here, as
    /// Chromium's "Failed to load resource" message.
    /// </summary>
    public IReadOnlyList<string> ConsoleErrors => Snapshot(_consoleErrors);

    /// <summary>Uncaught exceptions and unhandled promise rejections in the page.</summary>
    public IReadOnlyList<string> PageErrors => Snapshot(_pageErrors);

    /// <summary>Console errors followed by page errors: empty when the page ran cleanly.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_gate)
            {
                return [.. _consoleErrors, .. _pageErrors];
            }
        }
    }

    /// <summary>
    /// How many pixels of the canvases matching <paramref name="selector"/> are not fully
    /// transparent, read back with <c>getImageData</c>: 0 means nothing was drawn.
    /// </summary>
    public Task<int> CountPaintedCanvasPixelsAsync(string selector = "canvas") =>
        Page.EvaluateAsync<int>(
            """
            selector => {
              let painted = 0;
              for (const canvas of document.querySelectorAll(selector)) {
                const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                for (let i = 3; i < data.length; i += 4) {
                  if (data[i] !== 0) painted++;
                }
              }
              return painted;
            }
            """,
            selector);

    public async ValueTask DisposeAsync() => await _context.CloseAsync();

    internal void Attach(IPage page)
    {
        _page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Add(_consoleErrors, message.Text);
            }
        };
        page.PageError += (_, error) => Add(_pageErrors, error);
    }

    internal async Task HandleRouteAsync(IRoute route)
    {
        var url = route.Request.Url;
        if (AllowedSchemes.Any(scheme => url.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            || (_allowedOrigin is not null && url.StartsWith(_allowedOrigin, StringComparison.Ordinal)))
        {
            await route.ContinueAsync();
            return;
        }

        Add(_blockedRequests, url);
        await route.AbortAsync("blockedbyclient");
    }

    internal void HandleWebSocket(IWebSocketRoute route)
    {
        // Never calling ConnectToServer keeps the socket inside the browser; closing it tells the page.
        Add(_blockedRequests, route.Url);
        _ = route.CloseAsync(new WebSocketRouteCloseOptions { Code = 1008, Reason = "network blocked" });
    }

    private void Add(List<string> list, string value)
    {
        lock (_gate)
        {
            list.Add(value);
        }
    }

    private string[] Snapshot(List<string> list)
    {
        lock (_gate)
        {
            return [.. list];
        }
    }
}
