using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Xml;

namespace Sextant.Export.Png;

/// <summary>
/// Turns SVG charts into PNG images by screenshotting them in headless Chromium,
/// which renders text and curves exactly as a browser shows the SVG. One browser serves a whole
/// call, driven over the DevTools protocol with two pages at work.
/// </summary>
public static class PngExport
{
    /// <summary>Environment variable naming the Chromium executable to use.</summary>
    public const string ChromiumVariable = "SEXTANT_CHROMIUM";

    // Two cores are the norm where reports are built; more pages at once only thrash.
    private const int Parallelism = 2;
    private static readonly TimeSpan PerFileTimeout = TimeSpan.FromSeconds(60);
    private static readonly string[] KnownPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    /// <summary>
    /// The Chromium executable: the file named by <c>SEXTANT_CHROMIUM</c> when that is set (null
    /// when it names no file: the setting is never silently replaced), else /usr/bin/chromium, else
    /// /usr/bin/chromium-browser; null when none is installed.
    /// </summary>
    public static string? FindChromium()
    {
        var configured = Environment.GetEnvironmentVariable(ChromiumVariable);
        if (!string.IsNullOrWhiteSpace(configured)) return File.Exists(configured) ? configured : null;
        return KnownPaths.FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// Writes X.png next to each X.svg, at the SVG's own width and height, two files at a time.
    /// Returns the PNG paths in the order of <paramref name="svgFiles"/>.
    /// </summary>
    /// <exception cref="SextantException">Chromium is not installed, an SVG has no size, or Chromium failed or timed out on a file.</exception>
    public static IReadOnlyList<string> Convert(IReadOnlyList<string> svgFiles) => Convert(svgFiles, FindChromium());

    /// <summary>As <see cref="Convert(IReadOnlyList{string})"/> with a given browser; null means none is installed.</summary>
    internal static IReadOnlyList<string> Convert(IReadOnlyList<string> svgFiles, string? chromium)
    {
        ArgumentNullException.ThrowIfNull(svgFiles);
        if (svgFiles.Count == 0) return [];
        if (chromium is null)
        {
            throw new SextantException("PNG export needs Chromium: install the Debian package chromium (apt-get install chromium) or set "
                + ChromiumVariable + "; the SVG files were written.");
        }

        // Sizes first: a missing or sizeless SVG fails before any browser starts.
        var charts = svgFiles.Select(file =>
        {
            var svg = Path.GetFullPath(file);
            var (width, height) = ReadSize(svg);
            return new Chart(svg, Path.ChangeExtension(svg, ".png"), width, height);
        }).ToArray();
        foreach (var chart in charts) File.Delete(chart.Png);

        // A thread-pool thread keeps the blocking wait clear of any caller's synchronization context.
        Task.Run(() => ExportAsync(chromium, charts)).GetAwaiter().GetResult();
        return charts.Select(c => c.Png).ToArray();
    }

    private static async Task ExportAsync(string chromium, Chart[] charts)
    {
        HeadlessChromium browser;
        try
        {
            browser = await HeadlessChromium.StartAsync(chromium, CancellationToken.None).ConfigureAwait(false);
        }
        catch (DevToolsException e)
        {
            var others = charts.Length == 1 ? "" : $" and {charts.Length - 1} other charts";
            throw new SextantException($"Could not start Chromium ({chromium}) to export {charts[0].Svg}{others}: {e.Message}.", e);
        }

        await using (browser.ConfigureAwait(false))
        {
            using var failed = new CancellationTokenSource();
            SextantException? firstError = null;
            var next = -1;

            async Task WorkAsync()
            {
                try
                {
                    var page = await OpenPageAsync(browser, charts[0], failed.Token).ConfigureAwait(false);
                    int index;
                    while ((index = Interlocked.Increment(ref next)) < charts.Length)
                    {
                        await ExportOneAsync(page, charts[index], failed.Token).ConfigureAwait(false);
                    }
                }
                catch (SextantException e)
                {
                    Interlocked.CompareExchange(ref firstError, e, null);
                    await failed.CancelAsync().ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (failed.IsCancellationRequested)
                {
                    // The other page failed first; its error is the one to report.
                }
            }

            await Task.WhenAll(Enumerable.Range(0, Math.Min(Parallelism, charts.Length)).Select(_ => WorkAsync())).ConfigureAwait(false);
            if (firstError is not null) ExceptionDispatchInfo.Throw(firstError);
        }
    }

    private static async Task<ChromiumPage> OpenPageAsync(HeadlessChromium browser, Chart first, CancellationToken failed)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(failed);
        timeout.CancelAfter(PerFileTimeout);
        try
        {
            return await browser.NewPageAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !failed.IsCancellationRequested)
        {
            throw new SextantException($"Chromium took longer than {PerFileTimeout.TotalSeconds:0} s to open a page for {first.Svg}; stopped it.");
        }
        catch (DevToolsException e)
        {
            throw new SextantException($"Chromium could not open a page to export {first.Svg}: {e.Message} ({browser.ErrorTail()}).", e);
        }
    }

    private static async Task ExportOneAsync(ChromiumPage page, Chart chart, CancellationToken failed)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(failed);
        timeout.CancelAfter(PerFileTimeout);
        byte[] png;
        try
        {
            png = await page.ScreenshotAsync(new Uri(chart.Svg), chart.Width, chart.Height, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !failed.IsCancellationRequested)
        {
            throw new SextantException($"Chromium took longer than {PerFileTimeout.TotalSeconds:0} s to export {chart.Svg}; stopped it.");
        }
        catch (DevToolsException e)
        {
            throw new SextantException($"Chromium could not export {chart.Svg}: {e.Message}.", e);
        }
        if (png.Length == 0) throw new SextantException($"Chromium could not export {chart.Svg}: the screenshot was empty.");
        OutputFile.WriteBytes(chart.Png, png);
    }

    /// <summary>Whole-pixel width and height from the root svg element.</summary>
    private static (int Width, int Height) ReadSize(string svg)
    {
        try
        {
            using var reader = XmlReader.Create(svg, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
            reader.MoveToContent();
            if (reader.LocalName == "svg"
                && double.TryParse(reader.GetAttribute("width"), NumberStyles.Float, CultureInfo.InvariantCulture, out var width)
                && double.TryParse(reader.GetAttribute("height"), NumberStyles.Float, CultureInfo.InvariantCulture, out var height)
                && width >= 1 && height >= 1)
            {
                return ((int)Math.Ceiling(width), (int)Math.Ceiling(height));
            }
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
        {
            throw new SextantException($"Cannot read {svg} as SVG: {e.Message}", e);
        }
        throw new SextantException($"{svg} has no numeric width and height on its svg element; PNG export needs both (in pixels).");
    }

    /// <summary>One SVG to export, its PNG beside it, and its size in whole pixels.</summary>
    private sealed record Chart(string Svg, string Png, int Width, int Height);
}
