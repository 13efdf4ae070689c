using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Sextant.Storage.Sqlite;

/// <summary>
/// The store's append log (<see cref="IAppendLog"/>): chunks are numbered in the order they are
/// written and never change afterwards except by an erasure, so "the chunks after N" are exactly
/// the events added since a reader saw chunk N. Each chunk's blobs are read by primary key.
/// </summary>
internal static class SqliteAppendLog
{
    // Profiles change only by an ingest batch: a new profile raises the table's largest rowid, and
    // a changed one is counted in its profile run's "updated" (erasures, which delete rows, are counted apart).
    // Neither reads the profiles themselves.
    private const string ProfileStampSql = """
        SELECT (SELECT coalesce(max(rowid), 0) FROM users), (SELECT coalesce(sum(updated), 0) FROM ingest_runs WHERE kind = 'users')
        """;

    public static AppendMark ReadMark(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction(deferred: true);
        var (lastChunk, events) = (0L, 0L);
        using (var command = Command(connection, transaction, "SELECT coalesce(max(chunk), 0), coalesce(sum(rows), 0) FROM event_chunks"))
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            (lastChunk, events) = (reader.GetInt64(0), reader.GetInt64(1));
        }
        long erasures = 0;
        if (StoreSchema.HasTable(connection, "erasures", transaction))
        {
            using var command = Command(connection, transaction, "SELECT count(*) FROM erasures");
            erasures = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        string stamp;
        using (var command = Command(connection, transaction, ProfileStampSql))
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            stamp = string.Join(':', Enumerable.Range(0, 2).Select(i => reader.GetInt64(i).ToString(CultureInfo.InvariantCulture)));
        }
        transaction.Commit();
        return new AppendMark(lastChunk, events, erasures, stamp);
    }

    public static long CountEventsThrough(SqliteConnection connection, long lastChunk)
    {
        using var command = Command(connection, null, "SELECT coalesce(sum(rows), 0) FROM event_chunks WHERE chunk <= $chunk");
        command.Parameters.AddWithValue("$chunk", lastChunk);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public static AppendedEvents ReadAfter(SqliteConnection connection, long lastChunk)
    {
        var chunks = new List<(long Chunk, int Rows)>();
        using (var command = Command(connection, null, "SELECT chunk, rows FROM event_chunks WHERE chunk > $chunk ORDER BY chunk"))
        {
            command.Parameters.AddWithValue("$chunk", lastChunk);
            using var reader = command.ExecuteReader();
            while (reader.Read()) chunks.Add((reader.GetInt64(0), reader.GetInt32(1)));
        }
        // Dictionaries are read after the chunk list, so they cover every code the listed chunks use.
        var dictionaries = new StoreDictionaries(connection);
        var userCount = DictionarySize(connection, DictionaryKind.UserId);
        var anonymousCount = DictionarySize(connection, DictionaryKind.AnonymousId);
        var eventNames = dictionaries.Values(DictionaryKind.EventName);
        var sources = dictionaries.Values(DictionaryKind.Source);
        var checksums = StoreChunks.HasChecksums(connection);
        var last = chunks.Count == 0 ? lastChunk : chunks[^1].Chunk;
        return new AppendedEvents(last, chunks.Sum(c => (long)c.Rows), userCount, anonymousCount, eventNames, sources,
            () => chunks.Select(chunk => Decode(connection, chunk.Chunk, chunk.Rows, checksums, userCount, anonymousCount, eventNames.Count, sources.Count)));
    }

    public static IReadOnlyList<ProfileSignup> ReadProfileSignups(SqliteConnection connection)
    {
        var dictionaries = new StoreDictionaries(connection);
        var signups = new List<ProfileSignup>();
        using var command = Command(connection, null, "SELECT user_id, signup_at FROM users");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            if (!dictionaries.TryGetCode(DictionaryKind.UserId, id, out var code))
                throw new SextantException($"store profile '{id}' has no user code: the store is damaged");
            signups.Add(new ProfileSignup(code, reader.IsDBNull(1) ? null : reader.GetInt64(1)));
        }
        return signups;
    }

    private static readonly ChunkColumn[] Columns =
        [ChunkColumn.UserCode, ChunkColumn.AnonymousCode, ChunkColumn.EventCode, ChunkColumn.Timestamp, ChunkColumn.SourceCode, ChunkColumn.Revenue];

    private static AppendedChunk Decode(SqliteConnection connection, long chunk, int rows, bool checksums, int users, int anonymous, int events, int sources)
    {
        var blobs = new byte[Columns.Length][];
        using (var command = Command(connection, null, $"SELECT col, data, {(checksums ? "checksum" : "NULL")} FROM chunk_columns WHERE chunk = $chunk AND col IN ({string.Join(",", Columns.Select(c => (int)c))})"))
        {
            command.Parameters.AddWithValue("$chunk", chunk);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var column = (ChunkColumn)reader.GetInt32(0);
                var data = (byte[])reader.GetValue(1);
                if (!reader.IsDBNull(2) && StoreChunks.Checksum(data) != reader.GetInt64(2)) throw StoreChunks.Damaged(chunk, column, "does not match its checksum");
                blobs[Array.IndexOf(Columns, column)] = data;
            }
        }
        for (var c = 0; c < Columns.Length; c++)
            if (blobs[c] is null) throw StoreChunks.Damaged(chunk, Columns[c], "is missing");
        var decoded = new AppendedChunk(chunk, new int[rows], new int[rows], new int[rows], new long[rows], new int[rows], []);
        string?[] revenue;
        try
        {
            EventChunkDecoder.DecodeCodes(blobs[0], decoded.UserCodes, users);
            EventChunkDecoder.DecodeCodes(blobs[1], decoded.AnonymousCodes, anonymous);
            EventChunkDecoder.DecodeCodes(blobs[2], decoded.EventCodes, events);
            EventChunkDecoder.DecodeTimestamps(blobs[3], decoded.Timestamps);
            EventChunkDecoder.DecodeCodes(blobs[4], decoded.SourceCodes, sources);
            revenue = EventChunkDecoder.DecodeStrings(blobs[5], rows);
        }
        catch (Exception exception) when (exception is InvalidDataException or IndexOutOfRangeException or ArgumentException)
        {
            throw new SextantException($"store chunk {chunk} cannot be decoded ({exception.Message}): the store is damaged — run 'sextant check' to list the damaged chunks", exception);
        }
        return decoded with { Revenue = revenue };
    }

    private static int DictionarySize(SqliteConnection connection, DictionaryKind kind)
    {
        using var command = Command(connection, null, "SELECT coalesce(max(first_code + count - 1), 0) FROM dictionary_segments WHERE kind = $kind");
        command.Parameters.AddWithValue("$kind", (int)kind);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
