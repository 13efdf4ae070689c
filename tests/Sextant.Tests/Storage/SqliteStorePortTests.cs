using Sextant.Events;
using Sextant.Storage;
using Sextant.Storage.Sqlite;
using Sextant.Tests.Support;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Storage;

/// <summary>The SQLite store seen only through its read port.</summary>
public sealed class SqliteStorePortTests
{
    // a1 browses, then signs up as u1 five minutes later; a2 only browses.
    private const string Events = """
        {"event_id":"e1","anonymous_id":"a1","event":"visit","timestamp":"2024-01-01T00:00:00Z"}
        {"event_id":"e2","user_id":"u1","anonymous_id":"a1","event":"signup","timestamp":"2024-01-01T00:05:00Z"}
        {"event_id":"e3","anonymous_id":"a2","event":"visit","timestamp":"2024-01-01T00:06:00Z"}
        """ + "\n";

    private static readonly long Midnight = Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)).UnixMicroseconds;

    [Fact]
    public void Given_an_ingested_store_when_its_event_columns_are_read_then_they_hold_the_codes_in_store_order()
    {
        using var fixture = new StoreFixture();
        fixture.Ingest("events.jsonl", Events);
        using var store = SqliteStore.OpenReadOnly(fixture.StorePath);
        IEventStore port = store;

        var columns = port.ReadEventColumns();

        Assert.Equal([0, 1, 0], columns.UserCodes);
        Assert.Equal([1, 1, 2], columns.AnonymousCodes);
        Assert.Equal(["u1"], columns.UserIds.Values);
        Assert.Equal(["visit", "signup"], columns.EventNames.Values);
        Assert.Equal((Midnight, Midnight + 6 * Timestamp.MicrosPerMinute), (columns.MinTimestamp, columns.MaxTimestamp));
    }

    [Fact]
    public void Given_an_event_carrying_both_ids_when_links_are_read_then_it_is_the_one_link()
    {
        using var fixture = new StoreFixture();
        fixture.Ingest("events.jsonl", Events);
        using var store = SqliteStore.OpenReadOnly(fixture.StorePath);

        var link = Assert.Single(((IIdentityMap)store).ReadLinks());

        Assert.Equal(new IdentityLink("a1", "u1", new Timestamp(Midnight + 5 * Timestamp.MicrosPerMinute)), link);
    }

    [Fact]
    public void Given_an_ingested_store_when_the_log_facts_and_integrity_are_read_then_they_describe_the_one_run()
    {
        using var fixture = new StoreFixture();
        fixture.Ingest("events.jsonl", Events);
        using var store = SqliteStore.OpenReadOnly(fixture.StorePath);
        IEventStore port = store;

        var run = Assert.Single(port.ReadIngestRuns());
        Assert.Equal((RecordKind.Events, IngestRunStatus.Done), (run.Kind, run.Status));
        Assert.Equal(new IngestRunCounts(3, 3, 0, 0, 0), run.Counts);
        Assert.NotNull(run.FinishedAt);
        var facts = port.ReadFacts();
        Assert.Equal((0L, 0L, 0L, 1L), (facts.Users, facts.Subscriptions, facts.Assignments, facts.IngestRuns));
        Assert.Equal(new FileInfo(fixture.StorePath).Length, facts.SizeBytes);
        Assert.Equal([("store_integrity", IntegrityStatus.Pass), ("chunk_checksums", IntegrityStatus.Pass), ("table_snapshot", IntegrityStatus.Pass)],
            port.VerifyIntegrity().Select(finding => (finding.Name, finding.Status)));
    }

    [Fact]
    public void Given_a_table_built_from_the_store_when_a_property_is_read_then_the_column_source_outlives_the_store_object()
    {
        using var fixture = new StoreFixture();
        fixture.Ingest("events.jsonl", Events);
        EventTable table;
        using (var store = SqliteStore.OpenReadOnly(fixture.StorePath)) table = EventTableBuilder.Build(store, TimeZoneInfo.Utc);

        var ids = table.Property("event_id");

        // Rows are grouped by entity: u1 (e1, e2), then the visitor a2 (e3).
        Assert.Equal(["e1", "e2", "e3"], Enumerable.Range(0, table.EventCount).Select(row => ids[row]));
    }

    [Fact]
    public void Given_an_id_stored_twice_past_deduplication_when_repeats_are_counted_then_the_second_copy_counts()
    {
        using var directory = new TempDirectory();
        var path = directory.File("s.db");
        // The second writer hashes ids differently, so its index misses the stored e1 and stores it again.
        WriteWith(path, _ => 1, Event("e1", "u1", "a", "2024-01-01T10:00:00Z"));
        WriteWith(path, id => id == "e1" ? 2 : 3, Event("e1", "u1", "a", "2024-01-01T10:00:00Z"), Event("e2", "u1", "a", "2024-01-01T11:00:00Z"));
        using var store = SqliteStore.OpenReadOnly(path);
        IEventStore port = store;

        Assert.Equal(3, port.ReadEventColumns().RowCount);
        Assert.Equal(1, port.CountRepeatedEventIds());
    }

    private static void WriteWith(string path, Func<string, long> hash, params EventRecord[] events)
    {
        using var store = SqliteStore.Open(path, create: true);
        var dictionaries = new StoreDictionaries(store.Connection);
        var writer = new SqliteEventWriter(store.Connection, dictionaries, hash);
        using var transaction = store.Connection.BeginTransaction();
        writer.WriteBatch(events, run: 0, transaction);
        dictionaries.Flush(transaction);
        transaction.Commit();
    }
}
