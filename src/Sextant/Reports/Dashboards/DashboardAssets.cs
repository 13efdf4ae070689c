
namespace Sextant.Reports.Dashboards;

/// <summary>What a page inlines besides its own content: the style, the chart library and the page script.</summary>
/// <param name="Style">The page style.</param>
/// <param name="Library">The chart library's source.</param>
/// <param name="Script">The page script that draws the charts.</param>
internal sealed record PageAssets(string Style, string Library, string Script)
{
    /// <summary>The real files, for pages that open on their own.</summary>
    public static PageAssets Inline => new(DashboardAssets.Style, DashboardAssets.EChartsScript, DashboardAssets.Script);

    /// <summary>
    /// Markers in place of the shared files, for comparing a page with a stored snapshot: the files
    /// are the same on every page and are checked in as they are.
    /// </summary>
    public static PageAssets Placeholders { get; } = new("/* dashboard.css */", "/* Apache ECharts */", "/* dashboard.js */");
}

/// <summary>The script and style every dashboard inlines, read once from the assembly's resources.</summary>
internal static class DashboardAssets
{
    private static readonly Lazy<string> ECharts = new(() => Read("Sextant.Reports.echarts.min.js"));
    private static readonly Lazy<string> PageScript = new(() => Read("Sextant.Reports.Dashboards.dashboard.js"));
    private static readonly Lazy<string> PageStyle = new(() => Read("Sextant.Reports.Dashboards.dashboard.css"));

    /// <summary>Apache ECharts, minified, as installed from the npm registry by the build.</summary>
    public static string EChartsScript => ECharts.Value;

    /// <summary>The page script that draws the charts.</summary>
    public static string Script => PageScript.Value;

    /// <summary>The page style.</summary>
    public static string Style => PageStyle.Value;

    internal static string Read(string name)
    {
        using var stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"resource {name} is missing from {typeof(DashboardAssets).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
