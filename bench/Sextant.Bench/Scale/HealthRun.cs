using System.Diagnostics;
using Sextant.Analysis.Health;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Ingest;
using Sextant.Storage.Sqlite;
using Sextant.Synthetic;

namespace Sextant.Bench.Scale;

/// <summary>Times user health scoring on the 1M-user scale scenario, after ingest and load.</summary>
internal static class HealthRun
{
    public static int Run(string[] args)
    {
        var users = args.Length >= 2 && args[0] == "--users" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
        var directory = Path.Combine(Path.GetTempPath(), "sextant-health-" + Environment.ProcessId);
        Directory.CreateDirectory(directory);
        try
        {
            var scale = Path.Combine(directory, "scale");
            ScaleGenerator.WriteFiles(new ScaleScenario { Users = users }, scale);
            using var store = SqliteStore.Open(Path.Combine(directory, "scale.db"), create: true);
            new Ingestor(store, new IngestOptions(), TimeProvider.System).Ingest([Path.Combine(scale, "user_profiles.csv"), Path.Combine(scale, "user_events.csv")]);
            var load = Stopwatch.StartNew();
            var table = SqliteEventTableLoader.Load(store, TimeZoneInfo.Utc);
            Console.WriteLine($"scale: loaded {table.EventCount:N0} events of {table.SignedUpUserCount:N0} signed-up users in {load.Elapsed.TotalSeconds:F2} s");
            for (var round = 1; round <= 3; round++)
            {
                var watch = Stopwatch.StartNew();
                var result = new InMemoryEngine(table).Run(new HealthQuery(CollaborationEvents: Analysis.ValueList.From(Configuration.NorthStarConfig.DefaultCollaborationEvents)));
                var health = watch.Elapsed;
                var csv = HealthCsv.Write(result);
                var written = watch.Elapsed - health;
                Console.WriteLine($"scale #{round}: health of {result.Users.Count:N0} users ({result.AtRisk:N0} at risk, {result.ExpansionReady:N0} expansion-ready, mean {result.MeanScore:F1}) " +
                    $"{health.TotalSeconds:F2} s ({table.EventCount / health.TotalSeconds / 1e6:F0} M rows/s); user_health.csv {csv.Length / 1e6:F0} MB in {written.TotalSeconds:F2} s; " +
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
