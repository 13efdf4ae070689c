namespace Sextant.Reports.Dashboards;

/// <summary>Writes every dashboard and the index page as self-contained HTML files.</summary>
public static class DashboardFiles
{
    /// <summary>The index page's file name.</summary>
    public const string IndexFile = "index.html";

    /// <summary>Writes the dashboards of <paramref name="inputs"/> into <paramref name="directory"/>; returns the paths, index first.</summary>
    public static IReadOnlyList<string> Write(string directory, ReportInputs inputs) => Write(directory, DashboardSet.Build(inputs), inputs, []);

    /// <summary>Writes already built <paramref name="dashboards"/>; returns the paths, index first.</summary>
    /// <param name="directory">Where to write.</param>
    /// <param name="dashboards">The dashboards.</param>
    /// <param name="inputs">The results they were built from (for the footer).</param>
    /// <param name="otherFiles">Other files of the report the index links: link text and a path relative to <paramref name="directory"/>.</param>
    public static IReadOnlyList<string> Write(string directory, IReadOnlyList<Dashboard> dashboards, ReportInputs inputs, IReadOnlyList<(string Text, string Href)> otherFiles)
    {
        ArgumentNullException.ThrowIfNull(dashboards);
        ArgumentNullException.ThrowIfNull(inputs);
        OutputFile.CreateDirectory(directory);
        var footer = Footer(inputs);
        var assets = PageAssets.Inline;
        var paths = new string[dashboards.Count + 1];
        paths[0] = Path.Combine(directory, IndexFile);
        OutputFile.WriteText(paths[0], DashboardPage.RenderIndex(dashboards, $"{inputs.Product}: dashboards", footer, otherFiles, inputs.Warnings));
        Parallel.For(0, dashboards.Count, i =>
        {
            paths[i + 1] = Path.Combine(directory, dashboards[i].Slug + ".html");
            OutputFile.WriteText(paths[i + 1], DashboardPage.Render(dashboards[i], dashboards, footer, assets));
        });
        return paths;
    }

    /// <summary>The page of one dashboard with the shared style, chart library and page script left out, for comparing with a stored snapshot.</summary>
    public static string RenderWithoutSharedFiles(Dashboard dashboard, IReadOnlyList<Dashboard> all, ReportInputs inputs) =>
        DashboardPage.Render(dashboard, all, Footer(inputs), PageAssets.Placeholders);

    private static string Footer(ReportInputs inputs) =>
        $"{inputs.Product} · data end {Text.Instant(inputs.Metrics.DataEnd)} · rendered by Sextant from the analyses' result records; no figure is computed in the page.";
}
