using System.Diagnostics;
using System.Globalization;
using System.Xml;

namespace Sextant.Reports.Charts;

/// <summary>
/// Turns SVG charts into PNG images by screenshotting them in headless Chromium,
/// which renders text and curves exactly as a browser shows the SVG.
/// </summary>
public static class PngExport
{
    /// <summary>Environment variable naming the Chromium executable to use.</summary>
    public const string ChromiumVariable = "SEXTANT_CHROMIUM";

    // Two cores are the norm where reports are built; more browsers at once only thrash.
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

        var pngs = new string[svgFiles.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism };
        try
        {
            Parallel.For(0, svgFiles.Count, options, i => pngs[i] = Screenshot(chromium, Path.GetFullPath(svgFiles[i])));
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault() is SextantException first)
        {
            throw first;
        }
        return pngs;
    }

    private static string Screenshot(string chromium, string svg)
    {
        var (width, height) = ReadSize(svg);
        var png = Path.ChangeExtension(svg, ".png");
        File.Delete(png);
        var profile = Directory.CreateTempSubdirectory("sextant-chromium-");
        try
        {
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + profile.FullName,
                FormattableString.Invariant($"--window-size={width},{height}"),
                "--screenshot=" + png,
                new Uri(svg).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }
            return Run(start, svg, png);
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A browser helper may still hold a file for a moment; a stray temp directory is harmless.
            }
        }
    }

    private static string Run(ProcessStartInfo start, string svg, string png)
    {
        using var process = Process.Start(start) ?? throw new SextantException($"Could not start Chromium ({start.FileName}) for {svg}.");
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(PerFileTimeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new SextantException($"Chromium took longer than {PerFileTimeout.TotalSeconds:0} s to export {svg}; stopped it.");
        }
        process.WaitForExit();
        if (process.ExitCode != 0 || !File.Exists(png) || new FileInfo(png).Length == 0)
        {
            throw new SextantException($"Chromium could not export {svg} (exit code {process.ExitCode}): {Tail(stderr.Result)}");
        }
        return png;
    }

    /// <summary>The last few lines of Chromium's error output, on one line.</summary>
    private static string Tail(string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var tail = string.Join(" | ", lines.TakeLast(4));
        return tail.Length == 0 ? "no error output" : tail.Length > 800 ? tail[^800..] : tail;
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
}
