using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Sextant.Storage.Sqlite;
using Sextant.Tests.Support;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Storage;

public sealed class StoreOpeningTests
{
    [Fact]
    public void Another_applications_sqlite_file_is_refused_for_writing_and_left_byte_for_byte_unchanged()
    {
        // Given an SQLite file of another application, with a table named like one of ours
        using var directory = new TempDirectory();
        var path = ForeignSqliteFile(directory);
        var before = File.ReadAllBytes(path);

        // When a writer opens it as a store
        var error = Assert.Throws<SextantException>(() => SqliteStore.Open(path, create: true));

        // Then it is refused by name, and not one byte changed
        Assert.Contains("other.db", error.Message, StringComparison.Ordinal);
        Assert.Contains("not a Sextant store", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Another_applications_sqlite_file_is_refused_for_reading_too()
    {
        using var directory = new TempDirectory();
        var path = ForeignSqliteFile(directory);
        var before = File.ReadAllBytes(path);

        var error = Assert.Throws<SextantException>(() => SqliteStore.OpenReadOnly(path));

        Assert.Contains("not a Sextant store", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_text_file_is_refused_for_writing_and_left_unchanged()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("notes.db", "not SQLite at all, but long enough to hold a whole SQLite header of one hundred bytes......");
        var before = File.ReadAllBytes(path);

        var error = Assert.Throws<SextantException>(() => SqliteStore.Open(path, create: true));

        Assert.Contains("notes.db", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_new_store_is_made_in_an_empty_file()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("empty.db", "");

        Assert.Equal(1, Write(path, Event("e1", "u1", "signup", "2024-01-01T10:00:00Z")));

        using var store = SqliteStore.OpenReadOnly(path);
        Assert.Equal(1, SqliteEventTableLoader.Load(store, TimeZoneInfo.Utc).EventCount);
    }

    [Fact]
    public void Reading_an_empty_file_is_refused_and_the_file_stays_empty()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("empty.db", "");

        var error = Assert.Throws<SextantException>(() => SqliteStore.OpenReadOnly(path));

        Assert.Contains("empty file", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo(path).Length);
    }

    [Fact]
    public void Reading_a_missing_store_creates_no_file()
    {
        using var directory = new TempDirectory();
        var path = directory.File("missing.db");

        var error = Assert.Throws<SextantException>(() => SqliteStore.OpenReadOnly(path));

        Assert.Contains("no store at", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(directory.Path));
    }

    [Fact]
    public void A_store_opened_for_reading_refuses_every_write()
    {
        // Given a store
        using var directory = new TempDirectory();
        var path = directory.File("s.db");
        Write(path, Event("e1", "u1", "signup", "2024-01-01T10:00:00Z"));

        // When it is opened for reading and something tries to write through it
        using var store = SqliteStore.OpenReadOnly(path);
        using var command = store.Connection.CreateCommand();
        command.CommandText = "INSERT INTO meta(key, value) VALUES ('x', 'y')";
        var error = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());

        // Then SQLite itself refuses: the connection is read-only
        Assert.True(store.IsReadOnly);
        Assert.Equal(8, error.SqliteErrorCode); // SQLITE_READONLY
    }

    [Fact]
    public void A_reader_does_not_wait_for_a_writer_holding_a_long_transaction()
    {
        // Given a store whose writer holds its write lock (as a long strict ingest does)
        using var directory = new TempDirectory();
        var path = directory.File("s.db");
        Write(path, Event("e1", "u1", "signup", "2024-01-01T10:00:00Z"), Event("e2", "u1", "create_page", "2024-01-01T10:05:00Z"));
        using var writer = SqliteStore.Open(path, create: false);
        using var transaction = writer.Connection.BeginTransaction();
        using (var command = writer.Connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO ingest_runs(file, kind, started_at, status) VALUES ('big.csv', 'events', 0, 'running')";
            command.ExecuteNonQuery();
        }

        // When a reader opens the store and loads it
        var watch = Stopwatch.StartNew();
        using var reader = SqliteStore.OpenReadOnly(path);
        var table = SqliteEventTableLoader.Load(reader, TimeZoneInfo.Utc);

        // Then it sees the committed events at once instead of waiting on the lock
        Assert.Equal(2, table.EventCount);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"the reader took {watch.Elapsed}");
    }

    [Fact]
    public void A_store_at_rest_is_one_file_that_needs_no_wal()
    {
        using var directory = new TempDirectory();
        var path = directory.File("s.db");

        Write(path, Event("e1", "u1", "signup", "2024-01-01T10:00:00Z"));

        // Bytes 18 and 19 of an SQLite header are 1 for a rollback journal, 2 for WAL.
        var header = File.ReadAllBytes(path).AsSpan(18, 2).ToArray();
        Assert.Equal(new byte[] { 1, 1 }, header);
        Assert.Equal(["s.db"], Directory.GetFiles(directory.Path).Select(file => Path.GetFileName(file)).ToArray());
    }

    private static string ForeignSqliteFile(TempDirectory directory)
    {
        var path = directory.File("other.db");
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                INSERT INTO meta VALUES ('schema_version', '1');
                CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);
                INSERT INTO notes(body) VALUES ('keep me');
                """;
            command.ExecuteNonQuery();
        }
        return path;
    }
}
