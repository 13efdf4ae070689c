using Microsoft.Data.Sqlite;
using Sextant.Analysis.Checks;
using Sextant.Storage;
using Sextant.Storage.Sqlite;
using Sextant.Tests.Support;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Storage;

public sealed class StoreChecksumTests
{
    private static readonly CheckQuery NoAcceptedValues = new(new Dictionary<string, IReadOnlyList<string>>(), new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Every_chunk_column_is_written_with_the_checksum_of_its_blob()
    {
        using var directory = new TempDirectory();
        var path = ThreeChunkStore(directory);

        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT data, checksum FROM chunk_columns";
        using var reader = command.ExecuteReader();
        var columns = 0;
        while (reader.Read())
        {
            columns++;
            Assert.False(reader.IsDBNull(1));
            Assert.Equal(StoreChunks.Checksum((byte[])reader.GetValue(0)), reader.GetInt64(1));
        }
        Assert.Equal(3 * 12, columns);
    }

    [Fact]
    public void Loading_a_store_whose_chunk_column_was_altered_is_refused_naming_the_chunk_and_check()
    {
        // Given a store whose chunk 2 timestamps were replaced by chunk 3's: still decodable, but wrong
        using var directory = new TempDirectory();
        var path = ThreeChunkStore(directory);
        CopyBlob(path, fromChunk: 3, toChunk: 2, ChunkColumn.Timestamp);

        // When an analysis loads it
        using var store = SqliteStore.OpenReadOnly(path);
        var error = Assert.Throws<SextantException>(() => SqliteEventTableLoader.Load(store, TimeZoneInfo.Utc));

        // Then it refuses instead of computing on shifted timestamps
        Assert.Contains("chunk 2 column timestamp", error.Message, StringComparison.Ordinal);
        Assert.Contains("sextant check", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_reports_the_damaged_chunk_by_number_and_fails()
    {
        using var directory = new TempDirectory();
        var path = ThreeChunkStore(directory);
        CopyBlob(path, fromChunk: 3, toChunk: 2, ChunkColumn.Timestamp);

        using var store = SqliteStore.OpenReadOnly(path);
        var report = CheckRunner.Run(store, NoAcceptedValues);

        var checksums = Assert.Single(report.Checks, c => c.Name == "chunk_checksums");
        Assert.Equal(CheckStatus.Fail, checksums.Status);
        Assert.Equal(2, checksums.FailingRows); // the two events of chunk 2
        Assert.Contains("chunk 2 (timestamp)", checksums.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("chunk 1", checksums.Message, StringComparison.Ordinal);
        Assert.True(report.AnyFailed);
    }

    [Fact]
    public void Check_passes_the_checksums_of_an_intact_store()
    {
        using var directory = new TempDirectory();
        var path = ThreeChunkStore(directory);

        using var store = SqliteStore.OpenReadOnly(path);
        var checksums = Assert.Single(CheckRunner.Run(store, NoAcceptedValues).Checks, c => c.Name == "chunk_checksums");

        Assert.Equal(CheckStatus.Pass, checksums.Status);
        Assert.Contains("(36)", checksums.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_written_by_the_previous_version_opens_and_check_says_its_columns_are_not_verified()
    {
        // Given a store written by the previous version (schema 1: no checksums), ingested from samples/
        using var directory = new TempDirectory();
        var path = PreviousVersionStore(directory);

        // When it is read and checked
        using var store = SqliteStore.OpenReadOnly(path);
        var table = SqliteEventTableLoader.Load(store, TimeZoneInfo.Utc);
        var report = CheckRunner.Run(store, NoAcceptedValues, table);

        // Then its 16 events load, and check warns that its 12 columns are not verified
        Assert.Equal(16, table.EventCount);
        var checksums = Assert.Single(report.Checks, c => c.Name == "chunk_checksums");
        Assert.Equal(CheckStatus.Warn, checksums.Status);
        Assert.StartsWith("12 chunk columns", checksums.Message, StringComparison.Ordinal);
        Assert.Contains("not verified", checksums.Message, StringComparison.Ordinal);
        Assert.False(report.AnyFailed);
    }

    [Fact]
    public void A_writer_migrates_a_previous_version_store_and_checksums_the_chunks_it_adds()
    {
        using var directory = new TempDirectory();
        var path = PreviousVersionStore(directory);

        Assert.Equal(1, Write(path, Event("new-1", "u9", "signup", "2025-03-11T10:00:00Z")));

        using var store = SqliteStore.OpenReadOnly(path);
        Assert.Equal(17, SqliteEventTableLoader.Load(store, TimeZoneInfo.Utc).EventCount);
        Assert.Equal(2, store.ScalarLong("SELECT value FROM meta WHERE key = 'schema_version'"));
        Assert.Equal(12, store.ScalarLong("SELECT COUNT(*) FROM chunk_columns WHERE checksum IS NULL"));
        Assert.Equal(12, store.ScalarLong("SELECT COUNT(*) FROM chunk_columns WHERE checksum IS NOT NULL"));
        var checksums = Assert.Single(CheckRunner.Run(store, NoAcceptedValues).Checks, c => c.Name == "chunk_checksums");
        Assert.Equal(CheckStatus.Warn, checksums.Status);
    }

    [Fact]
    public void An_undecodable_column_written_before_checksums_is_reported_as_damage_not_a_crash()
    {
        // Given a previous-version store whose user column is no longer a column blob at all
        using var directory = new TempDirectory();
        var path = PreviousVersionStore(directory);
        SetBlob(path, ChunkColumn.UserCode, [7]);

        // When it is loaded, then the error is a store error that points at check
        using var store = SqliteStore.OpenReadOnly(path);
        var error = Assert.Throws<SextantException>(() => SqliteEventTableLoader.Load(store, TimeZoneInfo.Utc));
        Assert.Contains("chunk 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("sextant check", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_code_beyond_its_dictionary_in_a_column_written_before_checksums_is_refused_as_damage()
    {
        // Given a previous-version store whose 16 user codes all became 127 (it has 3 users): decodable, but wrong
        using var directory = new TempDirectory();
        var path = PreviousVersionStore(directory);
        SetBlob(path, ChunkColumn.UserCode, [0, .. Enumerable.Repeat((byte)127, 16)]);

        using var store = SqliteStore.OpenReadOnly(path);
        var error = Assert.Throws<SextantException>(() => SqliteEventTableLoader.Load(store, TimeZoneInfo.Utc));

        Assert.Contains("code 127 beyond its dictionary", error.Message, StringComparison.Ordinal);
        Assert.Contains("sextant check", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_read_on_demand_with_codes_beyond_its_dictionary_is_refused_as_damage()
    {
        // Given a previous-version store whose platform codes all became 127 (it has one platform)
        using var directory = new TempDirectory();
        var path = PreviousVersionStore(directory);
        SetBlob(path, ChunkColumn.PlatformCode, [0, .. Enumerable.Repeat((byte)127, 16)]);
        using var store = SqliteStore.OpenReadOnly(path);
        var table = SqliteEventTableLoader.Load(store, TimeZoneInfo.Utc);

        // When an analysis reads the platform column, then it is refused as damage
        var error = Assert.Throws<SextantException>(() => table.Property("platform"));
        Assert.Contains("chunk 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_names_an_undecodable_chunk_written_before_checksums_instead_of_crashing()
    {
        using var directory = new TempDirectory();
        var path = PreviousVersionStore(directory);
        SetBlob(path, ChunkColumn.EventId, [7]);

        using var store = SqliteStore.OpenReadOnly(path);
        var report = CheckRunner.Run(store, NoAcceptedValues);

        var integrity = Assert.Single(report.Checks, c => c.Name == "store_integrity");
        Assert.Equal(CheckStatus.Fail, integrity.Status);
        Assert.StartsWith("chunk 1 cannot be decoded", integrity.Message, StringComparison.Ordinal);
        Assert.Equal(16, integrity.FailingRows);
        Assert.True(report.AnyFailed);
    }

    private static void SetBlob(string path, ChunkColumn column, byte[] data)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE chunk_columns SET data = $data WHERE chunk = 1 AND col = $col";
        command.Parameters.AddWithValue("$data", data);
        command.Parameters.AddWithValue("$col", (int)column);
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    /// <summary>Three chunks of two events each (every write is one chunk).</summary>
    internal static string ThreeChunkStore(TempDirectory directory)
    {
        var path = directory.File("s.db");
        Write(path, Event("e1", "u1", "signup", "2024-01-01T10:00:00Z"), Event("e2", "u1", "create_page", "2024-01-02T10:00:00Z"));
        Write(path, Event("e3", "u2", "signup", "2024-01-03T10:00:00Z"), Event("e4", "u2", "create_page", "2024-01-04T10:00:00Z"));
        Write(path, Event("e5", "u3", "signup", "2024-02-05T10:00:00Z"), Event("e6", "u3", "create_page", "2024-02-06T10:00:00Z"));
        return path;
    }

    /// <summary>Puts one chunk's blob in another chunk's place, keeping the checksum that was there.</summary>
    internal static void CopyBlob(string path, long fromChunk, long toChunk, ChunkColumn column)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE chunk_columns SET data = (SELECT data FROM chunk_columns WHERE chunk = $from AND col = $col) WHERE chunk = $to AND col = $col";
        command.Parameters.AddWithValue("$from", fromChunk);
        command.Parameters.AddWithValue("$to", toChunk);
        command.Parameters.AddWithValue("$col", (int)column);
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    private static string PreviousVersionStore(TempDirectory directory)
    {
        var path = directory.File("v1.db");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", "store-v1.db"), path);
        return path;
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
