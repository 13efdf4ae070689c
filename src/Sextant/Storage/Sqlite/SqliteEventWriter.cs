using System.Globalization;
using Microsoft.Data.Sqlite;
using Sextant.Events;

namespace Sextant.Storage.Sqlite;

/// <summary>
/// Writes batches of events as chunks, skipping events whose id is already stored. Every chunk
/// keeps a 64-bit hash of each id; an in-memory <see cref="EventKeyIndex"/> built from those
/// columns finds stored ids without random writes to a B-tree (whose pages a large store would
/// rewrite on every batch). A hash hit is confirmed against the stored ids themselves, and an id
/// whose hash was taken by another id is kept in a side table, so a collision never drops an event.
/// </summary>
internal sealed class SqliteEventWriter
{
    private readonly SqliteConnection _connection;
    private readonly StoreDictionaries _dictionaries;
    private readonly Func<string, long> _hash;
    private readonly EventChunkEncoder _encoder = new();
    // Hash → row of the open chunk. Rows, not id strings: the ids are already encoded, and holding
    // a chunk's worth of strings would carry millions of them past young-generation collections.
    private readonly Dictionary<long, int> _batchIds = [];
    private readonly Dictionary<long, HashSet<string>> _storedIdsByChunk = [];
    private EventKeyIndex? _index;
    private long _indexedThroughChunk;
    private long _chunk;
    private long _run;

    /// <param name="connection">The store connection.</param>
    /// <param name="dictionaries">The store's dictionaries.</param>
    /// <param name="hash">The id hash; tests pass a colliding one, everything else uses <see cref="StableHash"/>.</param>
    public SqliteEventWriter(SqliteConnection connection, StoreDictionaries dictionaries, Func<string, long>? hash = null)
    {
        _connection = connection;
        _dictionaries = dictionaries;
        _hash = hash ?? StableHash.Of;
    }

    /// <summary>Most rows one chunk holds; a larger transaction writes several chunks.</summary>
    public const int MaxChunkRows = 65_536;

    /// <summary>Writes the new events of a batch as chunks inside <paramref name="transaction"/>.</summary>
    /// <returns>How many events were new; the rest were already stored (duplicates).</returns>
    public int WriteBatch(IReadOnlyList<EventRecord> events, long run, SqliteTransaction transaction)
    {
        var inserted = Add(events, run, transaction);
        Finish(transaction);
        return inserted;
    }

    /// <summary>
    /// Deduplicates and encodes events into the open chunk, writing it whenever it is full.
    /// Events are durable once <see cref="Finish"/> has run and the transaction commits.
    /// </summary>
    /// <returns>How many events were new.</returns>
    public int Add(IEnumerable<EventRecord> events, long run, SqliteTransaction transaction)
    {
        var inserted = 0;
        foreach (var record in events)
        {
            if (_chunk == 0)
            {
                _chunk = NextChunkId(transaction);
                _run = run;
                _index = CatchUpIndex(transaction);
                _encoder.Reset();
                _batchIds.Clear();
            }
            var hash = _hash(record.EventId);
            if (!IsNew(record.EventId, hash, _index!, _chunk, transaction)) continue;
            var codes = new EventCodes(
                _dictionaries.GetOrAdd(DictionaryKind.UserId, record.UserId),
                _dictionaries.GetOrAdd(DictionaryKind.AnonymousId, record.AnonymousId),
                _dictionaries.GetOrAdd(DictionaryKind.EventName, record.Event),
                _dictionaries.GetOrAdd(DictionaryKind.Platform, record.Platform),
                _dictionaries.GetOrAdd(DictionaryKind.WorkspaceId, record.WorkspaceId),
                _dictionaries.GetOrAdd(DictionaryKind.Source, record.Source));
            _encoder.Add(record, codes, hash);
            inserted++;
            if (_encoder.Rows >= MaxChunkRows) Finish(transaction);
        }
        return inserted;
    }

    /// <summary>Writes the open chunk, if it has rows.</summary>
    public void Finish(SqliteTransaction transaction)
    {
        if (_chunk != 0 && _encoder.Rows > 0)
        {
            WriteChunk(_chunk, _run, transaction);
            foreach (var hash in _batchIds.Keys) _index!.Add(hash, (int)_chunk);
            _indexedThroughChunk = _chunk;
        }
        _chunk = 0;
    }

    /// <summary>The transaction rolled back: drop the open chunk, rebuild the index and forget cached chunks next time.</summary>
    public void Discard()
    {
        _chunk = 0;
        _storedIdsByChunk.Clear();
        _index = null;
        _indexedThroughChunk = 0;
    }

    private bool IsNew(string eventId, long hash, EventKeyIndex index, long chunk, SqliteTransaction transaction)
    {
        if (_batchIds.TryGetValue(hash, out var sameHashRow))
            return !_encoder.EventIdEquals(sameHashRow, eventId) && InsertCollision(eventId, chunk, transaction);
        if (index.TryGetChunk(hash, out var storedChunk))
            return !StoredIds(storedChunk, transaction).Contains(eventId) && InsertCollision(eventId, chunk, transaction);
        _batchIds.Add(hash, _encoder.Rows);
        return true;
    }

    /// <summary>Adds the hashes of chunks written since the index was last read (by this or another process).</summary>
    private EventKeyIndex CatchUpIndex(SqliteTransaction transaction)
    {
        if (_index is null)
        {
            using var count = _connection.CreateCommand();
            count.Transaction = transaction;
            count.CommandText = "SELECT COALESCE(SUM(rows), 0) FROM event_chunks";
            _index = new EventKeyIndex((int)Math.Min(int.MaxValue / 2, Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture) + (1 << 16)));
        }
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT c.chunk, c.rows, d.data, d.checksum FROM event_chunks c
            JOIN chunk_columns d ON d.chunk = c.chunk AND d.col = $col
            WHERE c.chunk > $after ORDER BY c.chunk
            """;
        command.Parameters.AddWithValue("$col", (int)ChunkColumn.IdHash);
        command.Parameters.AddWithValue("$after", _indexedThroughChunk);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var chunk = reader.GetInt64(0);
            foreach (var hash in EventChunkDecoder.DecodeHashes(Verified(reader, chunk, ChunkColumn.IdHash), reader.GetInt32(1))) _index.Add(hash, (int)chunk);
            _indexedThroughChunk = chunk;
        }
        return _index;
    }

    private bool InsertCollision(string eventId, long chunk, SqliteTransaction transaction)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT OR IGNORE INTO event_key_collisions(event_id, chunk) VALUES ($id, $chunk)";
        command.Parameters.AddWithValue("$id", eventId);
        command.Parameters.AddWithValue("$chunk", chunk);
        return command.ExecuteNonQuery() == 1;
    }

    private HashSet<string> StoredIds(long chunk, SqliteTransaction transaction)
    {
        if (_storedIdsByChunk.TryGetValue(chunk, out var ids)) return ids;
        if (_storedIdsByChunk.Count > 16) _storedIdsByChunk.Clear();
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT c.rows, d.data, d.checksum FROM event_chunks c JOIN chunk_columns d ON d.chunk = c.chunk AND d.col = $col WHERE c.chunk = $chunk";
        command.Parameters.AddWithValue("$col", (int)ChunkColumn.EventId);
        command.Parameters.AddWithValue("$chunk", chunk);
        using var reader = command.ExecuteReader();
        ids = reader.Read()
            ? new HashSet<string>(EventChunkDecoder.DecodeStrings(Verified(reader, chunk, ChunkColumn.EventId, dataOrdinal: 1), reader.GetInt32(0))!, StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
        _storedIdsByChunk[chunk] = ids;
        return ids;
    }

    /// <summary>The blob at <paramref name="dataOrdinal"/>, checked against the checksum after it: deduplicating against damaged ids would drop or repeat events.</summary>
    private static byte[] Verified(SqliteDataReader reader, long chunk, ChunkColumn column, int dataOrdinal = 2)
    {
        var data = (byte[])reader.GetValue(dataOrdinal);
        if (!reader.IsDBNull(dataOrdinal + 1) && StoreChunks.Checksum(data) != reader.GetInt64(dataOrdinal + 1))
            throw StoreChunks.Damaged(chunk, column, "does not match its checksum");
        return data;
    }

    private long NextChunkId(SqliteTransaction transaction)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(chunk), 0) + 1 FROM event_chunks";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private void WriteChunk(long chunk, long run, SqliteTransaction transaction)
    {
        var columns = _encoder.Pack();
        using (var command = _connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO event_chunks(chunk, run, rows, min_ts, max_ts) VALUES ($chunk, $run, $rows, $min, $max)";
            command.Parameters.AddWithValue("$chunk", chunk);
            command.Parameters.AddWithValue("$run", run);
            command.Parameters.AddWithValue("$rows", _encoder.Rows);
            command.Parameters.AddWithValue("$min", _encoder.MinTimestamp);
            command.Parameters.AddWithValue("$max", _encoder.MaxTimestamp);
            command.ExecuteNonQuery();
        }
        using (var command = _connection.CreateCommand())
        {
            // Blobs are written in place (zeroblob, then incremental I/O) from reused buffers.
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO chunk_columns(chunk, col, data, checksum) VALUES ($chunk, $col, zeroblob($length), $checksum); SELECT last_insert_rowid();";
            command.Parameters.AddWithValue("$chunk", chunk);
            var columnParameter = command.Parameters.Add("$col", SqliteType.Integer);
            var lengthParameter = command.Parameters.Add("$length", SqliteType.Integer);
            var checksumParameter = command.Parameters.Add("$checksum", SqliteType.Integer);
            for (var i = 0; i < columns.Count; i++)
            {
                var data = columns[i];
                columnParameter.Value = i;
                lengthParameter.Value = data.Length;
                checksumParameter.Value = StoreChunks.Checksum(data.GetBuffer().AsSpan(0, (int)data.Length));
                var rowId = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
                using var blob = new SqliteBlob(_connection, "chunk_columns", "data", rowId);
                blob.Write(data.GetBuffer(), 0, (int)data.Length);
            }
        }
    }
}
