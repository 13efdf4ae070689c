using Microsoft.Data.Sqlite;
using Sextant.Events;

namespace Sextant.Storage.Sqlite;

/// <summary>
/// Writes batches of events as chunks, skipping events whose id is already stored. Ids are keyed
/// by a 64-bit hash; when two different ids share a hash the second is kept in a side table, so
/// a collision can never drop an event.
/// </summary>
internal sealed class SqliteEventWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly StoreDictionaries _dictionaries;
    private readonly EventChunkEncoder _encoder = new();
    private readonly Dictionary<long, string> _batchIds = [];
    private readonly Dictionary<long, HashSet<string>> _storedIdsByChunk = [];
    private readonly SqliteCommand _insertKey;
    private readonly SqliteCommand _findKey;
    private readonly SqliteCommand _insertCollision;

    public SqliteEventWriter(SqliteConnection connection, StoreDictionaries dictionaries)
    {
        _connection = connection;
        _dictionaries = dictionaries;
        _insertKey = Prepare("INSERT OR IGNORE INTO event_keys(hash, chunk) VALUES ($hash, $chunk)", ("$hash", SqliteType.Integer), ("$chunk", SqliteType.Integer));
        _findKey = Prepare("SELECT chunk FROM event_keys WHERE hash = $hash", ("$hash", SqliteType.Integer));
        _insertCollision = Prepare("INSERT OR IGNORE INTO event_key_collisions(event_id, chunk) VALUES ($id, $chunk)", ("$id", SqliteType.Text), ("$chunk", SqliteType.Integer));
    }

    /// <summary>Writes the new events of a batch as one chunk inside <paramref name="transaction"/>.</summary>
    /// <returns>How many events were new; the rest were already stored (duplicates).</returns>
    public int WriteBatch(IReadOnlyList<EventRecord> events, long run, SqliteTransaction transaction)
    {
        _insertKey.Transaction = transaction;
        _findKey.Transaction = transaction;
        _insertCollision.Transaction = transaction;
        var chunk = NextChunkId(transaction);
        _encoder.Reset();
        _batchIds.Clear();

        var sw = System.Diagnostics.Stopwatch.StartNew(); long dedup = 0, dict = 0;
        foreach (var record in events)
        {
            var t0 = sw.ElapsedTicks;
            var isNew = IsNew(record.EventId, chunk);
            dedup += sw.ElapsedTicks - t0;
            if (!isNew) continue;
            t0 = sw.ElapsedTicks;
            var codes = new EventCodes(
                _dictionaries.GetOrAdd(DictionaryKind.UserId, record.UserId, transaction),
                _dictionaries.GetOrAdd(DictionaryKind.AnonymousId, record.AnonymousId, transaction),
                _dictionaries.GetOrAdd(DictionaryKind.EventName, record.Event, transaction),
                _dictionaries.GetOrAdd(DictionaryKind.Platform, record.Platform, transaction),
                _dictionaries.GetOrAdd(DictionaryKind.SessionId, record.SessionId, transaction),
                _dictionaries.GetOrAdd(DictionaryKind.WorkspaceId, record.WorkspaceId, transaction),
                _dictionaries.GetOrAdd(DictionaryKind.Source, record.Source, transaction));
            dict += sw.ElapsedTicks - t0;
            _encoder.Add(record, codes);
        }
        Console.Error.WriteLine($"dedup {dedup * 1000 / System.Diagnostics.Stopwatch.Frequency} dict {dict * 1000 / System.Diagnostics.Stopwatch.Frequency} total {sw.ElapsedMilliseconds}");

        if (_encoder.Rows > 0) WriteChunk(chunk, run, transaction);
        return _encoder.Rows;
    }

    /// <summary>Forgets cached chunk contents after a rollback.</summary>
    public void Discard() => _storedIdsByChunk.Clear();

    public void Dispose()
    {
        _insertKey.Dispose();
        _findKey.Dispose();
        _insertCollision.Dispose();
    }

    private bool IsNew(string eventId, long chunk)
    {
        var hash = StableHash.Of(eventId);
        if (_batchIds.TryGetValue(hash, out var sameHashInBatch))
        {
            return sameHashInBatch != eventId && InsertCollision(eventId, chunk);
        }

        _insertKey.Parameters[0].Value = hash;
        _insertKey.Parameters[1].Value = chunk;
        if (_insertKey.ExecuteNonQuery() == 1)
        {
            _batchIds.Add(hash, eventId);
            return true;
        }

        _findKey.Parameters[0].Value = hash;
        var storedChunk = Convert.ToInt64(_findKey.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        return !StoredIds(storedChunk).Contains(eventId) && InsertCollision(eventId, chunk);
    }

    private bool InsertCollision(string eventId, long chunk)
    {
        _insertCollision.Parameters[0].Value = eventId;
        _insertCollision.Parameters[1].Value = chunk;
        return _insertCollision.ExecuteNonQuery() == 1;
    }

    private HashSet<string> StoredIds(long chunk)
    {
        if (_storedIdsByChunk.TryGetValue(chunk, out var ids)) return ids;
        if (_storedIdsByChunk.Count > 16) _storedIdsByChunk.Clear();
        using var command = _connection.CreateCommand();
        command.Transaction = _findKey.Transaction;
        command.CommandText = "SELECT c.rows, d.data FROM event_chunks c JOIN chunk_columns d ON d.chunk = c.chunk AND d.col = $col WHERE c.chunk = $chunk";
        command.Parameters.AddWithValue("$col", (int)ChunkColumn.EventId);
        command.Parameters.AddWithValue("$chunk", chunk);
        using var reader = command.ExecuteReader();
        ids = reader.Read()
            ? new HashSet<string>(EventChunkDecoder.DecodeStrings((byte[])reader[1], reader.GetInt32(0))!, StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
        _storedIdsByChunk[chunk] = ids;
        return ids;
    }

    private long NextChunkId(SqliteTransaction transaction)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(chunk), 0) + 1 FROM event_chunks";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
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
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO chunk_columns(chunk, col, data) VALUES ($chunk, $col, $data)";
            var chunkParameter = command.Parameters.AddWithValue("$chunk", chunk);
            var columnParameter = command.Parameters.Add("$col", SqliteType.Integer);
            var dataParameter = command.Parameters.Add("$data", SqliteType.Blob);
            for (var i = 0; i < columns.Length; i++)
            {
                columnParameter.Value = i;
                dataParameter.Value = columns[i];
                command.ExecuteNonQuery();
            }
        }
    }

    private SqliteCommand Prepare(string sql, params (string Name, SqliteType Type)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, type) in parameters) command.Parameters.Add(name, type);
        return command;
    }
}
