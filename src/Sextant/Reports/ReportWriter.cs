using System.Diagnostics;
using Sextant.Reports.Charts;
using Sextant.Reports.Dashboards;
using Sextant.Reports.Executive;

namespace Sextant.Reports;

/// <summary>What <see cref="ReportWriter.Write"/> wrote and how long rendering took.</summary>
/// <param name="Directory">The output directory.</param>
/// <param name="Dashboards">HTML files, index first.</param>
/// <param name="Charts">SVG files, one per chart.</param>
/// <param name="ExecutiveReport">analytics_framework_report.txt, .md and .html.</param>
/// <param name="RenderSeconds">Seconds spent rendering and writing (the analyses ran before).</param>
public sealed record ReportFiles(string Directory, IReadOnlyList<string> Dashboards, IReadOnlyList<string> Charts, IReadOnlyList<string> ExecutiveReport, double RenderSeconds);

/// <summary>
/// Renders every output of a report from the analyses' results: the HTML dashboards under
/// <c>dashboards/</c>, every chart as SVG under <c>charts/</c>, and the executive report.
/// </summary>
public static class ReportWriter
{
    /// <summary>The folder of the HTML dashboards inside the output directory.</summary>
    public const string DashboardFolder = "dashboards";

    /// <summary>The folder of the SVG charts inside the output directory.</summary>
    public const string ChartFolder = "charts";

    /// <summary>Writes every output into <paramref name="directory"/>.</summary>
    public static ReportFiles Write(string directory, ReportInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var watch = Stopwatch.StartNew();
        var built = DashboardSet.Build(inputs);
        var dashboards = DashboardFiles.Write(Path.Combine(directory, DashboardFolder), built, inputs,
        [
            ("Executive report (HTML)", "../" + ExecutiveReportFiles.BaseName + ".html"),
            ("Executive report (Markdown)", "../" + ExecutiveReportFiles.BaseName + ".md"),
            ("Executive report (plain text)", "../" + ExecutiveReportFiles.BaseName + ".txt"),
            ("Every chart as SVG", "../" + ChartFolder + "/"),
        ]);
        var charts = WriteCharts(Path.Combine(directory, ChartFolder), built);
        var report = ExecutiveReportFiles.Write(directory, inputs);
        return new ReportFiles(directory, dashboards, charts, report, watch.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Every chart as <c>DASHBOARD-CHART.svg</c>. The executive dashboard only repeats charts of
    /// the others, so its charts are written once, under their own dashboard.
    /// </summary>
    private static IReadOnlyList<string> WriteCharts(string directory, IReadOnlyList<Dashboard> dashboards)
    {
        OutputFile.CreateDirectory(directory);
        var charts = dashboards.Where(d => d.Slug != ExecutiveDashboard.Slug)
            .SelectMany(d => d.Charts.Select(c => (Path: Path.Combine(directory, $"{d.Slug}-{c.Id}.svg"), Chart: c))).ToList();
        Parallel.ForEach(charts, c => OutputFile.WriteText(c.Path, SvgChart.Render(c.Chart)));
        return charts.Select(c => c.Path).ToList();
    }
}
