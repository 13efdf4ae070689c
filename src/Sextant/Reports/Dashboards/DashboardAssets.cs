
namespace Sextant.Reports.Dashboards;

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

    private static string Read(string name)
    {
        using var stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"resource {name} is missing from {typeof(DashboardAssets).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
