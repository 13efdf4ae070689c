using System.Diagnostics;
using Sextant.Analysis;
using Sextant.Analysis.Engagement;
using Sextant.Analysis.Experiments;
using Sextant.Analysis.Funnels;
using Sextant.Analysis.Retention;
using Sextant.Analysis.Syntax;
using Sextant.Configuration.Queries;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using Sextant.Ingest;
using Sextant.Storage.Sqlite;
using Sextant.Synthetic;

namespace Sextant.Bench.Scale;

/// <summary>Times the analyses after load: on the notion demo data and on the scale scenario.</summary>
internal static class AnalysisRun
{
    public static int Run(string[] args)
    {
        var directory = Path.Combine(Path.GetTempPath(), "sextant-analysis-" + Environment.ProcessId);
        Directory.CreateDirectory(directory);
        try
        {
            using (var store = SqliteStore.Open(Path.Combine(directory, "demo.db"), create: true))
            {
                ScenarioStoreWriter.Write(NotionGenerator.Generate(new NotionScenario()), store);
                var table = SqliteEventTableLoader.Load(store, TimeZoneInfo.Utc);
                for (var round = 1; round <= 3; round++)
                {
                    // The budget: every metric, the seven-stage lifecycle funnel and the monthly retention matrix.
                    var watch = Stopwatch.StartNew();
                    new InMemoryEngine(table).Run(EngagementQueries.FromConfig(Configuration.SextantConfig.Default));
                    var metrics = watch.Elapsed;
                    new InMemoryEngine(table).Run(new LifecycleFunnelQuery());
                    var lifecycle = watch.Elapsed - metrics;
                    new InMemoryEngine(table).Run(new RetentionQuery());
                    var retention = watch.Elapsed - metrics - lifecycle;
                    var together = watch.Elapsed;
                    new InMemoryEngine(table).Run(new FunnelQuery(
                        [.. new[] { "page_view", "signup", "create_page", "edit_page", "use_template|create_database", "share_page|comment|invite_member", "upgrade" }
                            .Select(FunnelStepText.Parse)], TimeSpan.FromDays(30), Breakdowns: [Breakdown.Profile("segment")]));
                    var funnel = watch.Elapsed - together;
                    var growthWatch = Stopwatch.StartNew();
                    var growthQuery = new Analysis.Growth.GrowthQuery(
                        new EngagementQuery(ActivationEvents: ValueList.From(Configuration.ActivationConfig.DefaultEvents), CollaborationEvents: ValueList.From(Configuration.NorthStarConfig.DefaultCollaborationEvents)),
                        new RetentionQuery(), new Analysis.Revenue.RevenueQuery(), ValueList.From(Analysis.Growth.GrowthLever.Defaults), 10_000_000, 0.1);
                    var growthMeasures = new Sextant.Engine.InMemory.InMemoryEngine(table).Measure(growthQuery);
                    var measured = growthWatch.Elapsed;
                    Analysis.Growth.GrowthShaper.Shape(growthQuery, growthMeasures);
                    Console.WriteLine($"demo #{round}: growth Monte Carlo, 5 levers × 10,000 draws + 12-month projection + tornado {(growthWatch.Elapsed - measured).TotalMilliseconds:F0} ms (baselines measured in {measured.TotalMilliseconds:F0} ms)");
                    Console.WriteLine($"demo #{round}: {table.EventCount:N0} events — all metrics {metrics.TotalMilliseconds:F0} ms, lifecycle funnel {lifecycle.TotalMilliseconds:F0} ms, " +
                        $"monthly retention {retention.TotalMilliseconds:F0} ms, together {together.TotalMilliseconds:F0} ms; 7-step event funnel by segment {funnel.TotalMilliseconds:F0} ms");
                }
            }
            if (args.Contains("--skip-scale")) return 0;
            var scale = Path.Combine(directory, "scale");
            ScaleGenerator.WriteFiles(new ScaleScenario(), scale);
            using (var store = SqliteStore.Open(Path.Combine(directory, "scale.db"), create: true))
            {
                new Ingestor(store, new IngestOptions(), TimeProvider.System).Ingest([Path.Combine(scale, "user_profiles.csv"), Path.Combine(scale, "user_events.csv")]);
                WriteAssignments(store);
                var load = Stopwatch.StartNew();
                var table = SqliteEventTableLoader.Load(store, TimeZoneInfo.Utc);
                Console.WriteLine($"scale: loaded {table.EventCount:N0} events of {table.UserCount:N0} users in {load.Elapsed.TotalSeconds:F2} s");
                for (var round = 1; round <= 2; round++)
                {
                    var watch = Stopwatch.StartNew();
                    new InMemoryEngine(table).Run(new EngagementQuery(ActivationEvents: ValueList.From(Configuration.ActivationConfig.DefaultEvents), CollaborationEvents: ValueList.From(Configuration.NorthStarConfig.DefaultCollaborationEvents)));
                    var metrics = watch.Elapsed;
                    new InMemoryEngine(table).Run(new FunnelQuery(
                        [.. new[] { "view_page", "create_page", "edit_page", "share_page", "invite_member" }.Select(FunnelStepText.Parse)], TimeSpan.FromDays(7), Breakdowns: [Breakdown.Profile("segment")]));
                    var funnel = watch.Elapsed - metrics;
                    new InMemoryEngine(table).Run(new RetentionQuery(CalendarPeriod.Day));
                    var retention = watch.Elapsed - metrics - funnel;
                    var before = watch.Elapsed;
                    var experiment = new InMemoryEngine(table).Run(new ExperimentQuery("five_arms",
                        new[] { "conversion:edit_page:within=7d", "count:create_page", "active_on_day:7" }.Select(MetricSpecText.Parse).ToList(),
                        Segments: [Breakdown.Profile("segment")], Cuped: true));
                    var experimentTime = watch.Elapsed - before;
                    Console.WriteLine($"scale #{round}: experiment, 5 arms × {experiment.Arms.Sum(a => a.Users):N0} users × 3 metrics with CUPED and segments {experimentTime.TotalSeconds:F2} s");
                    Console.WriteLine($"scale #{round}: all metrics (DAU/WAU/MAU, North Star, adoption, power users, lifecycle) {metrics.TotalSeconds:F2} s, 5-step funnel by segment {funnel.TotalSeconds:F2} s, daily retention {retention.TotalSeconds:F2} s");
                }
            }
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Assigns every user of the scale store to one of five variants at their first event (a seeded draw).</summary>
    private static void WriteAssignments(SqliteStore store)
    {
        var users = new List<(string Id, long First)>();
        using (var command = store.Connection.CreateCommand())
        {
            command.CommandText = "SELECT user_id, signup_at FROM users WHERE signup_at IS NOT NULL";
            using var reader = command.ExecuteReader();
            while (reader.Read()) users.Add((reader.GetString(0), reader.GetInt64(1)));
        }
        var random = new Random(5);
        string[] variants = ["control", "b", "c", "d", "e"];
        var writer = new SqliteProfileWriter(store.Connection, new StoreDictionaries(store.Connection));
        using var transaction = store.Connection.BeginTransaction();
        foreach (var (id, first) in users)
            writer.WriteAssignment(new Assignment("five_arms", id, variants[random.Next(5)], new Timestamp(first)), transaction);
        transaction.Commit();
    }
}
