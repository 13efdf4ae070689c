using System.Diagnostics;
using Sextant.Reports.Dashboards;
using Sextant.Reports.Executive;

namespace Sextant.Reports;

/// <summary>What <see cref="ReportWriter.Write"/> wrote and how long rendering took.</summary>
/// <param name="Directory">The output directory.</param>
/// <param name="Dashboards">HTML files, index first.</param>
/// <param name="ExecutiveReport">analytics_framework_report.txt, .md and .html.</param>
/// <param name="RenderSeconds">Seconds spent rendering and writing (the analyses ran before).</param>
public sealed record ReportFiles(string Directory, IReadOnlyList<string> Dashboards, IReadOnlyList<string> ExecutiveReport, double RenderSeconds);

/// <summary>
/// Renders every output of a report from the analyses' results: the HTML dashboards under
/// <c>dashboards/</c> and the executive report beside them.
/// </summary>
public static class ReportWriter
{
    /// <summary>The folder of the HTML dashboards inside the output directory.</summary>
    public const string DashboardFolder = "dashboards";

    /// <summary>Writes every output into <paramref name="directory"/>.</summary>
    public static ReportFiles Write(string directory, ReportInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var watch = Stopwatch.StartNew();
        var dashboards = DashboardFiles.Write(Path.Combine(directory, DashboardFolder), inputs);
        var report = ExecutiveReportFiles.Write(directory, inputs);
        return new ReportFiles(directory, dashboards, report, watch.Elapsed.TotalSeconds);
    }
}
