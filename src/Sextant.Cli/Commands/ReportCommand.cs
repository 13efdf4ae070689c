using System.CommandLine;
using System.Diagnostics;
using Sextant.Cli.Output;
using Sextant.Export.Png;
using Sextant.Reports;
using Sextant.Serialization;
using Spectre.Console;

namespace Sextant.Cli.Commands;

/// <summary><c>sextant report</c>: run every analysis and write the dashboards, charts and executive report.</summary>
internal static class ReportCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var output = new Option<string>("--out") { Description = "Directory for the report (default: report)", DefaultValueFactory = _ => "report" };
        var png = PngOption();
        var command = new Command("report", "Write the HTML dashboards, SVG charts and the executive report") { output, png };
        command.SetAction(result =>
        {
            var console = Terminal.For(result);
            var project = globals.OpenProject(result);
            var watch = Stopwatch.StartNew();
            _ = project.Table;
            var loaded = watch.Elapsed.TotalSeconds;
            var inputs = project.Report();
            var analysed = watch.Elapsed.TotalSeconds - loaded;
            var files = ReportWriter.Write(Path.GetFullPath(result.GetValue(output)!), inputs);
            var pngs = result.GetValue(png) ? PngExport.Convert(files.Charts) : [];
            if (result.GetValue(globals.Json))
            {
                ResultJson.Write(Terminal.Out(result), new { files.Directory, files.Dashboards, files.Charts, Png = pngs, files.ExecutiveReport, LoadSeconds = loaded, AnalysisSeconds = analysed, files.RenderSeconds, inputs.Warnings });
                return Program.ExitOk;
            }
            foreach (var warning in inputs.Warnings) console.MarkupLine("[yellow]warning:[/] " + Markup.Escape(warning));
            Print(console, files, pngs, loaded, analysed);
            return Program.ExitOk;
        });
        return command;
    }

    /// <summary>--png: also write each chart as PNG through headless Chromium.</summary>
    internal static Option<bool> PngOption() => new("--png") { Description = "Also write every chart as PNG (needs Chromium: the Debian package chromium)" };

    internal static void Print(IAnsiConsole console, ReportFiles files, IReadOnlyList<string> pngs, double loadSeconds, double analysisSeconds)
    {
        console.MarkupLine(Markup.Escape($"Report written to {files.Directory} (store loaded in {loadSeconds:0.00} s, analyses {analysisSeconds:0.00} s, rendering {files.RenderSeconds:0.00} s)."));
        console.MarkupLine(Markup.Escape($"  {ReportWriter.DashboardFolder}/index.html   {files.Dashboards.Count - 1} dashboards, each one self-contained file that opens offline"));
        console.MarkupLine(Markup.Escape($"  {ReportWriter.ChartFolder}/   {files.Charts.Count} charts as SVG" + (pngs.Count > 0 ? $" and {pngs.Count} as PNG" : " (add --png for PNG files)")));
        console.MarkupLine(Markup.Escape($"  {string.Join(", ", files.ExecutiveReport.Select(Path.GetFileName))}   the executive report"));
    }
}
