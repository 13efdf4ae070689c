using Microsoft.Data.Sqlite;

namespace Sextant.Storage.Sqlite;

/// <summary>
/// The SQLite store's check of itself: SQLite's own quick check of the file, the chunk layout,
/// every chunk column against its checksum, and every event id against its stored hash.
/// </summary>
internal static class SqliteIntegrity
{
    /// <returns><c>store_integrity</c>, then <c>chunk_checksums</c>.</returns>
    public static IReadOnlyList<IntegrityFinding> Verify(SqliteStore store)
    {
        var chunks = StoreChunks.List(store.Connection);
        var rowCount = chunks.Count == 0 ? 0L : chunks[^1].FirstRow + (long)chunks[^1].Rows;
        var checksums = ChunkChecksums(store.Connection, chunks);
        var integrity = checksums.Status == IntegrityStatus.Fail ? FileIntegrity(store) : Integrity(store, chunks, rowCount);
        return [integrity, checksums, Snapshot.TableSnapshot.Inspect(store, store.Path)];
    }

    /// <summary>
    /// Hashes every chunk column and compares it with the checksum written beside it; lists the
    /// damaged chunks by number. Columns written before checksums (schema version 1) are counted
    /// as not verified.
    /// </summary>
    private static IntegrityFinding ChunkChecksums(SqliteConnection connection, List<ChunkInfo> chunks)
    {
        var rowsOfChunk = chunks.ToDictionary(c => c.Chunk, c => c.Rows);
        var damaged = new SortedDictionary<long, List<string>>();
        long verified = 0, unverified = 0;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT chunk, col, data, {(StoreChunks.HasChecksums(connection) ? "checksum" : "NULL")} FROM chunk_columns ORDER BY chunk, col";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (reader.IsDBNull(3))
                {
                    unverified++;
                    continue;
                }
                verified++;
                if (StoreChunks.Checksum((byte[])reader.GetValue(2)) == reader.GetInt64(3)) continue;
                var chunk = reader.GetInt64(0);
                if (!damaged.TryGetValue(chunk, out var names)) damaged[chunk] = names = [];
                names.Add(StoreChunks.ColumnName((ChunkColumn)reader.GetInt32(1)));
            }
        }
        if (damaged.Count > 0)
        {
            var events = damaged.Keys.Sum(chunk => (long)rowsOfChunk.GetValueOrDefault(chunk));
            var list = string.Join("; ", damaged.Select(pair => $"chunk {pair.Key} ({string.Join(", ", pair.Value)})"));
            return new IntegrityFinding("chunk_checksums", IntegrityStatus.Fail, events,
                $"{damaged.Count} damaged chunk{(damaged.Count == 1 ? "" : "s")} holding {events} events: {list} do not match their checksums; analyses refuse this store — restore it from a backup or ingest the source files into a new store");
        }
        if (unverified > 0)
            return new IntegrityFinding("chunk_checksums", IntegrityStatus.Warn, 0,
                $"{unverified} chunk columns were written by an earlier Sextant without a checksum and are not verified; {verified} columns match their checksums");
        return new IntegrityFinding("chunk_checksums", IntegrityStatus.Pass, 0, $"every chunk column ({verified}) matches its checksum");
    }

    private static IntegrityFinding FileIntegrity(SqliteStore store)
    {
        var result = QuickCheck(store);
        return result == "ok"
            ? new IntegrityFinding("store_integrity", IntegrityStatus.Pass, 0, "SQLite finds the file intact")
            : new IntegrityFinding("store_integrity", IntegrityStatus.Fail, 1, $"SQLite reports the file damaged: {result}");
    }

    private static string? QuickCheck(SqliteStore store)
    {
        using var quick = store.Connection.CreateCommand();
        quick.CommandText = "PRAGMA quick_check";
        return quick.ExecuteScalar() as string;
    }

    private static IntegrityFinding Integrity(SqliteStore store, List<ChunkInfo> chunks, long rowCount)
    {
        var result = QuickCheck(store);
        if (result != "ok")
            return new IntegrityFinding("store_integrity", IntegrityStatus.Fail, 1, $"SQLite reports the file damaged: {result}");
        var columns = store.ScalarLong("SELECT COUNT(*) FROM chunk_columns");
        var expectedColumns = chunks.Count * (long)(Enum.GetValues<ChunkColumn>().Length);
        if (columns != expectedColumns)
            return new IntegrityFinding("store_integrity", IntegrityStatus.Fail, Math.Abs(expectedColumns - columns), $"{chunks.Count} chunks should have {expectedColumns} column blobs, found {columns}");
        var blobs = StoreChunks.ReadColumns(store.Connection, chunks, ChunkColumn.EventId, ChunkColumn.IdHash);
        long mismatched = 0;
        var undecodable = new List<long>();
        for (var i = 0; i < chunks.Count; i++)
        {
            string?[] ids;
            long[] hashes;
            try
            {
                ids = EventChunkDecoder.DecodeStrings(blobs[i][0], chunks[i].Rows);
                hashes = EventChunkDecoder.DecodeHashes(blobs[i][1], chunks[i].Rows);
            }
            catch (Exception exception) when (exception is InvalidDataException or IndexOutOfRangeException or ArgumentException)
            {
                undecodable.Add(chunks[i].Chunk);
                continue;
            }
            for (var row = 0; row < ids.Length; row++) if (ids[row] is null || StableHash.Of(ids[row]!) != hashes[row]) mismatched++;
        }
        if (undecodable.Count > 0)
            return new IntegrityFinding("store_integrity", IntegrityStatus.Fail, undecodable.Sum(chunk => (long)chunks.First(c => c.Chunk == chunk).Rows),
                $"chunk{(undecodable.Count == 1 ? "" : "s")} {string.Join(", ", undecodable)} cannot be decoded (event_id or id_hash column): the store is damaged");
        if (mismatched > 0)
            return new IntegrityFinding("store_integrity", IntegrityStatus.Fail, mismatched, $"{mismatched} stored events have an id hash that does not match their id");
        return new IntegrityFinding("store_integrity", IntegrityStatus.Pass, 0, $"file intact; {chunks.Count} chunks, {rowCount} events, every id hash matches its id");
    }
}
