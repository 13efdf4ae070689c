using System.Diagnostics;
using Sextant.Reports;
using Sextant.Storage.Sqlite;
using Sextant.Synthetic;

namespace Sextant.Bench.Scale;

/// <summary>
/// Times <c>sextant report</c>'s rendering on the demo scenario (50,000 users) after the
/// analyses, and the demo pipeline's phases before it.
/// </summary>
internal static class ReportRun
{
    public static int Run(string[] args)
    {
        var rounds = args.Length >= 2 && args[0] == "--rounds" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
        var directory = Path.Combine(Path.GetTempPath(), "sextant-report-" + Environment.ProcessId);
        Directory.CreateDirectory(directory);
        try
        {
            var watch = Stopwatch.StartNew();
            var data = NotionGenerator.Generate(new NotionScenario());
            var generated = watch.Elapsed.TotalSeconds;
            using var store = SqliteStore.Open(Path.Combine(directory, "demo.db"), create: true);
            ScenarioStoreWriter.Write(data, store);
            var stored = watch.Elapsed.TotalSeconds - generated;
            var table = SqliteEventTableLoader.Load(store, TimeZoneInfo.Utc);
            var loaded = watch.Elapsed.TotalSeconds - generated - stored;
            var inputs = ScenarioAnalyses.Run(table, data.Truth);
            var analysed = watch.Elapsed.TotalSeconds - generated - stored - loaded;
            Console.WriteLine($"demo data: {table.EventCount:N0} events of {table.SignedUpUserCount:N0} users; generated {generated:F2} s, stored {stored:F2} s, " +
                $"loaded {loaded:F2} s, analyses {analysed:F2} s");
            for (var round = 1; round <= rounds; round++)
            {
                var output = Path.Combine(directory, "report-" + round);
                var files = ReportWriter.Write(output, inputs);
                var bytes = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
                Console.WriteLine($"report #{round}: {files.Dashboards.Count} HTML files, {files.Charts.Count} SVG charts, {files.ExecutiveReport.Count} report files, {bytes / 1e6:F1} MB in all, rendered and written in {files.RenderSeconds:F3} s; " +
                    $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e9:F2} GB");
            }
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
