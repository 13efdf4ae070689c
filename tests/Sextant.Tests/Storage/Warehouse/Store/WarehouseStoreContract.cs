using Sextant.Analysis.Engagement;
using Sextant.Analysis.Experiments;
using Sextant.Analysis.Funnels;
using Sextant.Analysis.Retention;
using Sextant.Analysis.Syntax;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using Sextant.Ingest;
using Sextant.Serialization;
using Sextant.Storage;
using Sextant.Storage.Sqlite;
using Sextant.Storage.Warehouse;
using Sextant.Storage.Warehouse.Store;
using Sextant.Synthetic;
using Sextant.Tests.Support;

namespace Sextant.Tests.Storage.Warehouse.Store;

/// <summary>
/// What every warehouse store must do, run against each database: the same files ingested into it
/// and into the embedded store give tables of the same meaning and the same analysis results, and
/// the ingest guarantees (dedup, row accounting, quarantine, a failed batch) hold.
/// </summary>
public abstract class WarehouseStoreContract : IDisposable
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "samples");

    protected TempDirectory Directory { get; } = new();

    /// <summary>A connection to an empty database, kept by the test class.</summary>
    protected abstract IWarehouse Connect();

    /// <summary>Opens the store (creating its tables) over a fresh empty database.</summary>
    protected virtual WarehouseStore OpenStore(IWarehouse warehouse) => WarehouseStore.Open(warehouse, create: true);

    public virtual void Dispose()
    {
        Directory.Dispose();
        GC.SuppressFinalize(this);
    }

    private string SqlitePath => Directory.File("embedded.db");

    private IngestResult Ingest(IStoreWriter store, int batchSize = 65_536, params string[] files) =>
        new Ingestor(store, new IngestOptions { BatchSize = batchSize, QuarantinePath = Directory.File("quarantine.jsonl") }, FixedClock.At2026).Ingest(files);

    private static string Sample(string name) => Path.GetFullPath(Path.Combine(Samples, name));

    private EventTable EmbeddedTable(Action<SqliteStore> write)
    {
        using (var store = SqliteStore.Open(SqlitePath, create: true)) write(store);
        using var reader = SqliteStore.OpenReadOnly(SqlitePath);
        return EventTableBuilder.Build(reader, TimeZoneInfo.Utc);
    }

    [Fact]
    public void The_samples_give_the_same_table_and_results_as_the_embedded_store()
    {
        using var warehouse = Connect();
        using var store = OpenStore(warehouse);
        var files = new[] { Sample("users.csv"), Sample("events.csv") };

        var ingested = Ingest(store, files: files);
        var expected = EmbeddedTable(embedded => Ingest(embedded, files: files));
        var actual = EventTableBuilder.Build(store, TimeZoneInfo.Utc);

        Assert.Equal(16, ingested.Inserted - 3);
        TableComparison.AssertSameMeaning(expected, actual, "plan", "path");
        AssertSameResults(expected, actual, null);
        AssertIntegrityHolds(store);
    }

    [Fact]
    public void A_generated_scenario_gives_the_same_table_and_results_as_the_embedded_store()
    {
        using var warehouse = Connect();
        using var store = OpenStore(warehouse);
        var data = NotionGenerator.Generate(new NotionScenario { Users = 300, Seed = 11 });

        var stored = ScenarioStoreWriter.Write(data, store);
        var expected = EmbeddedTable(embedded => ScenarioStoreWriter.Write(data, embedded));
        var actual = EventTableBuilder.Build(store, TimeZoneInfo.Utc);

        Assert.Equal(data.Events.Count, stored);
        TableComparison.AssertSameMeaning(expected, actual, "template");
        AssertSameResults(expected, actual, "onboarding_checklist");
        Assert.Equal(ReadIdentity(store.Warehouse), IdentityResolution.UsersOf(((IIdentityMap)store).ReadLinks()).OrderBy(p => p.Key, StringComparer.Ordinal).ToList());
        Assert.NotEmpty(ReadIdentity(store.Warehouse));
        AssertIntegrityHolds(store);
    }

    [Fact]
    public void Ingesting_a_file_again_adds_no_event_and_every_row_is_accounted_for()
    {
        using var warehouse = Connect();
        using var store = OpenStore(warehouse);
        var events = Sample("events.csv");

        var first = Ingest(store, files: events);
        var again = Ingest(store, files: events);

        Assert.Equal(16, first.Inserted);
        Assert.Equal((0L, 16L), (again.Inserted, again.Duplicates));
        Assert.Equal(16, store.CountEvents());
        foreach (var outcome in new[] { first, again })
            Assert.Equal(outcome.Read, outcome.Inserted + outcome.Updated + outcome.Duplicates + outcome.Quarantined);
        var runs = store.ReadIngestRuns();
        Assert.Equal([IngestRunStatus.Done, IngestRunStatus.Done], runs.Select(run => run.Status));
        Assert.Equal(new IngestRunCounts(16, 0, 0, 16, 0), runs[1].Counts);
        AssertIntegrityHolds(store);
    }

    [Fact]
    public void Profiles_merge_subscriptions_keep_their_latest_state_and_assignments_their_earliest_exposure_as_in_the_embedded_store()
    {
        using var warehouse = Connect();
        using var store = OpenStore(warehouse);
        string[] files =
        [
            Directory.Write("users1.csv", "user_id,signup_at,segment,plan,traits\nu1,2025-03-01T00:00:00Z,team,free,\"{\"\"size\"\":3}\"\nu2,2025-03-02T00:00:00Z,solo,free,\n"),
            // u1: a new plan, no segment (kept) and no traits (kept); u2 exactly as stored.
            Directory.Write("users2.csv", "user_id,signup_at,segment,plan,traits\nu1,,,plus,\nu2,2025-03-02T00:00:00Z,solo,free,\n"),
            Directory.Write("subscriptions.csv", "subscription_id,user_id,plan,status,start_at,end_at,mrr,currency\ns1,u1,plus,trial,2025-03-03T00:00:00Z,,0,USD\ns1,u1,plus,active,2025-03-03T00:00:00Z,,10.50,USD\ns2,u2,plus,active,2025-03-04T00:00:00Z,,8,EUR\ns2,u2,plus,active,2025-03-04T00:00:00Z,,8,EUR\n"),
            Directory.Write("assignments.csv", "experiment,user_id,variant,assigned_at\nx,u1,a,2025-03-05T00:00:00Z\nx,u1,a,2025-03-04T00:00:00Z\nx,u2,b,2025-03-05T00:00:00Z\nx,u2,b,2025-03-06T00:00:00Z\n"),
            Directory.Write("events.csv", "event_id,user_id,event,timestamp\ne1,u1,signup,2025-03-01T00:00:00Z\ne2,u2,signup,2025-03-02T00:00:00Z\n"),
        ];

        var ingested = Ingest(store, files: files);
        IngestResult? embeddedIngest = null;
        var expected = EmbeddedTable(embedded => embeddedIngest = Ingest(embedded, files: files));

        Assert.Equal(embeddedIngest!.Files.Select(f => (f.Inserted, f.Updated, f.Duplicates)), ingested.Files.Select(f => (f.Inserted, f.Updated, f.Duplicates)));
        var u1 = Assert.Single(store.ReadProfiles(), user => user.UserId == "u1");
        Assert.Equal(("team", "plus", "{\"size\":3}"), (u1.Segment, u1.Plan, u1.TraitsJson));
        Assert.Equal(["active", "active"], store.ReadSubscriptions().Select(s => s.Status));
        Assert.Equal(10.50m, store.ReadSubscriptions().First().Mrr);
        Assert.Equal(["2025-03-04", "2025-03-05"], store.ReadAssignments().Select(a => a.AssignedAt.ToDateTimeOffset().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        TableComparison.AssertSameMeaning(expected, EventTableBuilder.Build(store, TimeZoneInfo.Utc));
        Assert.Equal((2L, 2L, 2L), (store.ReadFacts().Users, store.ReadFacts().Subscriptions, store.ReadFacts().Assignments));
    }

    [Fact]
    public void Bad_rows_go_to_quarantine_and_are_counted()
    {
        using var warehouse = Connect();
        using var store = OpenStore(warehouse);
        var file = Directory.Write("bad.csv", """
            event_id,user_id,event,timestamp
            b1,u1,signup,2025-03-03T09:00:00Z
            b2,u1,,2025-03-03T09:01:00Z
            b3,u1,edit_page,not a time
            b4,u1,edit_page,2025-03-03T09:02:00Z
            """ + "\n");

        var outcome = Ingest(store, files: file);

        Assert.Equal((4L, 2L, 2L), (outcome.Read, outcome.Inserted, outcome.Quarantined));
        Assert.Equal(2, File.ReadAllLines(Directory.File("quarantine.jsonl")).Length);
        Assert.Equal(new IngestRunCounts(4, 2, 0, 0, 2), Assert.Single(store.ReadIngestRuns()).Counts);
        Assert.Equal(2, store.CountEvents());
    }

    [Fact]
    public void A_batch_that_fails_half_way_leaves_the_store_consistent_and_a_re_run_completes_it()
    {
        using var warehouse = Connect();
        using (OpenStore(warehouse))
        {
            // Schema only: the failing connection below writes into it.
        }
        var events = ManyEvents(5_000);
        // The ingestor commits a batch every 2,048 rows (a parsed part): insert 1 records the run,
        // 2 the first batch's progress, 3 the second's, so the second batch fails after its events.
        using (var failing = WarehouseStore.Open(new FailingWarehouse(warehouse, "sextant_ingest_runs", failingInsert: 3), create: false))
            Assert.Throws<SextantException>(() => Ingest(failing, batchSize: 2_048, events));

        using var store = WarehouseStore.Open(warehouse, create: false);
        var stopped = Assert.Single(store.ReadIngestRuns());
        Assert.Equal((IngestRunStatus.Running, 2_048L), (stopped.Status, stopped.Counts.Inserted));
        var kept = store.CountEvents();
        // With transactions the failed batch left nothing; ClickHouse keeps its events, unrecorded.
        Assert.Equal(warehouse.Dialect == SqlDialect.ClickHouse ? 4_096 : 2_048, kept);
        Assert.NotEqual(IntegrityStatus.Fail, store.VerifyIntegrity()[0].Status);

        var rerun = Ingest(store, batchSize: 2_048, events);

        Assert.Equal((5_000 - kept, kept), (rerun.Inserted, rerun.Duplicates));
        Assert.Equal(5_000, store.CountEvents());
        Assert.Equal(0, store.CountRepeatedEventIds());
        Assert.Equal([IngestRunStatus.Superseded, IngestRunStatus.Done], store.ReadIngestRuns().Select(run => run.Status));
        var expected = EmbeddedTable(embedded => Ingest(embedded, files: events));
        TableComparison.AssertSameMeaning(expected, EventTableBuilder.Build(store, TimeZoneInfo.Utc), "n");
        Assert.NotEqual(IntegrityStatus.Fail, store.VerifyIntegrity()[0].Status);
    }

    /// <summary>A CSV of <paramref name="count"/> events of 40 users, some first seen anonymously.</summary>
    private string ManyEvents(int count)
    {
        var lines = new List<string> { "event_id,user_id,anonymous_id,event,timestamp,properties" };
        var start = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            var user = i % 40;
            var known = i >= 200 || user % 2 == 0;
            var time = start.AddMinutes(i * 7).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
            lines.Add($"m{i},{(known ? "u" + user : "")},a{user},{(i % 3 == 0 ? "edit_page" : "page_view")},{time},\"{{\"\"n\"\":{i % 5}}}\"");
        }
        return Directory.Write("many.csv", string.Join("\n", lines) + "\n");
    }

    [Fact]
    public void A_database_without_a_store_is_not_opened_for_reading()
    {
        using var warehouse = Connect();

        var refused = Assert.Throws<SextantException>(() => WarehouseStore.Open(warehouse, create: false));

        Assert.Contains("no Sextant store", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_of_another_schema_version_is_refused_in_one_line()
    {
        using var warehouse = Connect();
        using (OpenStore(warehouse))
        {
        }
        if (warehouse.Dialect == SqlDialect.ClickHouse)
        {
            // ClickHouse updates nothing in place: the table is made again with the other version.
            warehouse.Execute("DROP TABLE sextant_meta");
            warehouse.Execute("CREATE TABLE sextant_meta (key String, value String) ENGINE = MergeTree ORDER BY key");
            warehouse.Execute("INSERT INTO sextant_meta (key, value) VALUES ('schema_version', '99')");
        }
        else
        {
            warehouse.Execute("UPDATE sextant_meta SET value = '99' WHERE key = 'schema_version'");
        }

        var refused = Assert.Throws<SextantException>(() => WarehouseStore.Open(warehouse, create: false));

        Assert.Contains("schema version 99", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
    }

    private static void AssertIntegrityHolds(WarehouseStore store)
    {
        var finding = Assert.Single(store.VerifyIntegrity());
        Assert.Equal(("store_integrity", IntegrityStatus.Pass), (finding.Name, finding.Status));
        Assert.Equal(0, store.CountRepeatedEventIds());
    }

    private static List<KeyValuePair<string, string>> ReadIdentity(IWarehouse warehouse)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        warehouse.Read("SELECT anonymous_id, user_id FROM sextant_identity", row => pairs.Add(new(row.GetString(0), row.GetString(1))));
        return [.. pairs.OrderBy(p => p.Key, StringComparer.Ordinal)];
    }

    private static void AssertSameResults(EventTable expected, EventTable actual, string? experiment)
    {
        var funnel = new FunnelQuery([FunnelStepText.Parse("signup"), FunnelStepText.Parse("create_page"), FunnelStepText.Parse("edit_page")], TimeSpan.FromDays(7));
        Assert.Equal(ResultJson.Serialize(new InMemoryEngine(expected).Run(funnel)), ResultJson.Serialize(new InMemoryEngine(actual).Run(funnel)));
        Assert.Equal(ResultJson.Serialize(new InMemoryEngine(expected).Run(new RetentionQuery())), ResultJson.Serialize(new InMemoryEngine(actual).Run(new RetentionQuery())));
        Assert.Equal(ResultJson.Serialize(new InMemoryEngine(expected).Run(new EngagementQuery())), ResultJson.Serialize(new InMemoryEngine(actual).Run(new EngagementQuery())));
        if (experiment is null) return;
        var query = new ExperimentQuery(experiment, [MetricSpecText.Parse("conversion:edit_page:within=7d")]);
        Assert.Equal(ResultJson.Serialize(new InMemoryEngine(expected).Run(query)), ResultJson.Serialize(new InMemoryEngine(actual).Run(query)));
    }
}
