using Sextant.Storage;
using Sextant.Storage.Sqlite;
using Sextant.Tests.Support;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Storage;

public sealed class SqliteEventWriterTests
{
    [Fact]
    public void Writing_the_same_events_again_inserts_nothing()
    {
        using var directory = new TempDirectory();
        var store = directory.File("s.db");
        var events = new[] { Event("e1", "u1", "signup", "2024-01-01T10:00:00Z"), Event("e2", "u1", "create_page", "2024-01-01T10:05:00Z") };

        Assert.Equal(2, Write(store, events));
        Assert.Equal(0, Write(store, events));
        Assert.Equal(2, SqliteEventTableLoader.Load(SqliteStore.Open(store, false), TimeZoneInfo.Utc).EventCount);
    }

    [Fact]
    public void An_id_repeated_inside_one_batch_is_stored_once()
    {
        using var directory = new TempDirectory();
        var store = directory.File("s.db");

        var inserted = Write(store, Event("e1", "u1", "a", "2024-01-01T10:00:00Z"), Event("e1", "u1", "a", "2024-01-01T10:00:00Z"), Event("e2", "u2", "a", "2024-01-01T10:00:00Z"));

        Assert.Equal(2, inserted);
    }

    [Fact]
    public void A_different_id_whose_hash_is_taken_is_kept_not_dropped()
    {
        using var directory = new TempDirectory();
        var path = directory.File("s.db");
        // Every id hashes alike, so each new id collides with the first one stored.
        static long Colliding(string id) => 42;

        Assert.Equal(1, WriteWith(path, Colliding, Event("e1", "u1", "a", "2024-01-01T10:00:00Z")));
        Assert.Equal(2, WriteWith(path, Colliding, Event("e2", "u1", "b", "2024-01-01T11:00:00Z"), Event("e3", "u1", "c", "2024-01-01T12:00:00Z")));
        Assert.Equal(0, WriteWith(path, Colliding, Event("e1", "u1", "a", "2024-01-01T10:00:00Z"), Event("e3", "u1", "c", "2024-01-01T12:00:00Z")));

        using var store = SqliteStore.Open(path, create: false);
        Assert.Equal(2, store.ScalarLong("SELECT COUNT(*) FROM event_key_collisions"));
        Assert.Equal(3, SqliteEventTableLoader.Load(store, TimeZoneInfo.Utc).EventCount);
    }

    private static int WriteWith(string path, Func<string, long> hash, params Sextant.Events.EventRecord[] events)
    {
        using var store = SqliteStore.Open(path, create: true);
        var dictionaries = new StoreDictionaries(store.Connection);
        var writer = new SqliteEventWriter(store.Connection, dictionaries, hash);
        using var transaction = store.Connection.BeginTransaction();
        var inserted = writer.WriteBatch(events, run: 0, transaction);
        dictionaries.Flush(transaction);
        transaction.Commit();
        return inserted;
    }

    [Fact]
    public void Stable_hash_is_fixed_across_versions()
    {
        // The hash keys stored rows: changing it would break deduplication of existing stores.
        Assert.Equal(StableHash.Of("event-1"), StableHash.Of("event-1"));
        Assert.Equal(-5_064_161_036_806_374_958L, StableHash.Of("event-1"));
    }

    [Fact]
    public void Opening_a_file_that_is_not_a_store_is_a_clear_error()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("not-a-store.db", "hello, I am text and not SQLite at all, padded to be long enough to look like a header");

        var error = Assert.Throws<SextantException>(() => SqliteStore.Open(path, create: false));

        Assert.Contains("not-a-store.db", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Opening_a_missing_store_for_reading_says_to_ingest_first()
    {
        using var directory = new TempDirectory();

        var error = Assert.Throws<SextantException>(() => SqliteStore.Open(directory.File("missing.db"), create: false));

        Assert.Contains("ingest", error.Message, StringComparison.Ordinal);
    }
}
