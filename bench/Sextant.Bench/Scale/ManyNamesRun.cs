using System.Diagnostics;
using System.Globalization;
using System.Text;
using Sextant.Analysis.Paths;
using Sextant.Application;
using Sextant.Configuration;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using Sextant.Ingest;
using Sextant.Reports;
using Sextant.Storage.Sqlite;

namespace Sextant.Bench.Scale;

/// <summary>
/// Paths and the report on a store where every event has its own name (default 100,000 events
/// of 50 users): measures that memory follows the events, not the square of the names.
/// </summary>
internal static class ManyNamesRun
{
    public static int Run(string[] args)
    {
        var events = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : 100_000;
        const int Users = 50;
        var directory = Path.Combine(Path.GetTempPath(), "sextant-many-names-" + Environment.ProcessId);
        Directory.CreateDirectory(directory);
        try
        {
            var csv = Path.Combine(directory, "events.csv");
            using (var writer = new StreamWriter(csv, false, new UTF8Encoding(false)))
            {
                writer.Write("event_id,user_id,event,timestamp\n");
                var start = new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc);
                for (var i = 0; i < events; i++)
                    writer.Write(string.Create(CultureInfo.InvariantCulture, $"e{i},u{i % Users},ev_{i},{start.AddMinutes(i / Users):yyyy-MM-ddTHH:mm:ssZ}\n"));
            }
            using var store = SqliteStore.Open(Path.Combine(directory, "many.db"), create: true);
            new Ingestor(store, new IngestOptions { Kind = RecordKind.Events }, TimeProvider.System).Ingest([csv]);
            var table = SqliteEventTableLoader.Load(store, TimeZoneInfo.Utc);

            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var paths = new InMemoryEngine(table).Run(new PathQuery());
            Console.WriteLine($"many names: paths on {table.EventCount:N0} events of {Users} users ({paths.UniquePaths:N0} unique paths) in {watch.Elapsed.TotalSeconds:F2} s, " +
                $"{(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6:F0} MB allocated; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");

            allocated = GC.GetTotalAllocatedBytes(precise: true);
            watch.Restart();
            var inputs = ReportAnalyses.Run(table, new SextantConfig());
            var files = ReportWriter.Write(Path.Combine(directory, "report"), inputs);
            var bytes = Directory.EnumerateFiles(Path.Combine(directory, "report"), "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            Console.WriteLine($"many names: report ({files.Charts.Count} charts, {bytes / 1e6:F1} MB written) in {watch.Elapsed.TotalSeconds:F2} s, " +
                $"{(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6:F0} MB allocated; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
