using System.Diagnostics;
using Sextant.Analysis.Paths;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Ingest;
using Sextant.Storage.Sqlite;
using Sextant.Synthetic;

namespace Sextant.Bench.Scale;

/// <summary>Times paths after load on the scale scenario (1,000,000 users, one month): 30-minute sessions, no start event.</summary>
internal static class PathsRun
{
    public static int Run(string[] args)
    {
        var rounds = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 3;
        var directory = Path.Combine(Path.GetTempPath(), "sextant-paths-" + Environment.ProcessId);
        Directory.CreateDirectory(directory);
        try
        {
            var scale = Path.Combine(directory, "scale");
            var generate = Stopwatch.StartNew();
            ScaleGenerator.WriteFiles(new ScaleScenario(), scale);
            Console.WriteLine($"paths: generated the scale scenario in {generate.Elapsed.TotalSeconds:F1} s");
            using var store = SqliteStore.Open(Path.Combine(directory, "scale.db"), create: true);
            new Ingestor(store, new IngestOptions(), TimeProvider.System).Ingest([Path.Combine(scale, "user_profiles.csv"), Path.Combine(scale, "user_events.csv")]);
            var load = Stopwatch.StartNew();
            var table = SqliteEventTableLoader.Load(store, TimeZoneInfo.Utc);
            Console.WriteLine($"paths: loaded {table.EventCount:N0} events of {table.UserCount:N0} entities in {load.Elapsed.TotalSeconds:F2} s; {Environment.ProcessorCount} cores");
            foreach (var maxSteps in new[] { 5, 8 })
            {
                for (var round = 1; round <= rounds; round++)
                {
                    var watch = Stopwatch.StartNew();
                    var result = new InMemoryEngine(table).Run(new PathQuery { MaxSteps = maxSteps, Converted = "invite_member" });
                    var seconds = watch.Elapsed.TotalSeconds;
                    Console.WriteLine($"paths #{round} (max {maxSteps} steps): {result.Sequences:N0} sequences, {result.UniquePaths:N0} unique paths, " +
                        $"top {result.Paths.Count} + {result.Edges.Count:N0} edges + {result.Dropoff.Count:N0} drop-off nodes + conversion + feature network in {seconds:F2} s " +
                        $"({table.EventCount / seconds / 1e6:F1} M events/s); top path {string.Join(" → ", result.Paths[0].Steps)} {result.Paths[0].Share:P1}");
                }
            }
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
