using Microsoft.Data.Sqlite;

namespace Sextant.Storage.Sqlite;

/// <summary>
/// Erases people from the chunk store in one write transaction (docs/PRIVACY.md): every chunk
/// holding one of their events is rewritten without those rows (a chunk left empty is deleted),
/// their ids leave the user and anonymous dictionaries — later codes move down by one per removed
/// id, so the code columns of later chunks are renumbered — and their profiles, subscriptions,
/// assignments and id collisions are deleted. Rewritten columns get new checksums, so the store's
/// self-check passes afterwards; the store ends up as if the people had never been ingested.
/// </summary>
internal static class SqliteEraser
{
    public static ErasureCounts Erase(SqliteConnection connection, ErasureRequest request)
    {
        // A plain BEGIN IMMEDIATE rather than an ADO.NET transaction: the chunk and dictionary readers
        // this reuses run their own commands, which an ADO.NET transaction would make them name.
        // secure_delete overwrites freed pages with zeros: the erased rows must not live on in the file's free space.
        SqliteStore.Execute(connection, "PRAGMA secure_delete = ON");
        SqliteStore.Execute(connection, "BEGIN IMMEDIATE");
        try
        {
            var counts = EraseInTransaction(connection, request);
            SqliteStore.Execute(connection, "COMMIT");
            return counts;
        }
        catch
        {
            SqliteStore.Execute(connection, "ROLLBACK");
            throw;
        }
        finally
        {
            SqliteStore.Execute(connection, "PRAGMA secure_delete = OFF");
        }
    }

    private static ErasureCounts EraseInTransaction(SqliteConnection connection, ErasureRequest request)
    {
        var dictionaries = new StoreDictionaries(connection);
        var users = Codes(dictionaries, DictionaryKind.UserId, request.UserIds);
        var anonymous = Codes(dictionaries, DictionaryKind.AnonymousId, request.AnonymousIds);

        var chunks = StoreChunks.List(connection);
        var codeBlobs = StoreChunks.ReadColumns(connection, chunks, ChunkColumn.UserCode, ChunkColumn.AnonymousCode);
        var keep = new bool[chunks.Count][];
        var removedRows = new int[chunks.Count];
        var anonymousStillUsed = new HashSet<int>();
        for (var i = 0; i < chunks.Count; i++)
        {
            var rows = chunks[i].Rows;
            var userCodes = new int[rows];
            var anonymousCodes = new int[rows];
            EventChunkDecoder.DecodeCodes(codeBlobs[i][0], userCodes);
            EventChunkDecoder.DecodeCodes(codeBlobs[i][1], anonymousCodes);
            keep[i] = new bool[rows];
            for (var row = 0; row < rows; row++)
            {
                var gone = users.Contains(userCodes[row]) || (userCodes[row] == 0 && anonymous.Contains(anonymousCodes[row]));
                keep[i][row] = !gone;
                if (gone) removedRows[i]++;
                else if (anonymousCodes[row] != 0) anonymousStillUsed.Add(anonymousCodes[row]);
            }
        }
        // An anonymous id another user's event still carries stays: that event is theirs.
        anonymous.ExceptWith(anonymousStillUsed);
        var userRecode = Renumbering(users);
        var anonymousRecode = Renumbering(anonymous);

        var removedIds = new List<string>();
        long events = 0;
        for (var i = 0; i < chunks.Count; i++)
        {
            var chunk = chunks[i];
            events += removedRows[i];
            if (removedRows[i] == chunk.Rows)
            {
                removedIds.AddRange(EventIdsOf(connection, chunks, i, keep[i]));
                Run(connection, "DELETE FROM chunk_columns WHERE chunk = $chunk; DELETE FROM event_chunks WHERE chunk = $chunk;", ("$chunk", chunk.Chunk));
                continue;
            }
            var needsRecode = (userRecode is not null || anonymousRecode is not null) && CodesAbove(codeBlobs[i], users, anonymous);
            if (removedRows[i] == 0 && !needsRecode) continue;
            if (removedRows[i] > 0) removedIds.AddRange(EventIdsOf(connection, chunks, i, keep[i]));
            var columns = removedRows[i] > 0 ? Enum.GetValues<ChunkColumn>() : [ChunkColumn.UserCode, ChunkColumn.AnonymousCode];
            var blobs = StoreChunks.ReadColumns(connection, [chunk], columns)[0];
            for (var c = 0; c < columns.Length; c++)
            {
                var recode = columns[c] switch
                {
                    ChunkColumn.UserCode => userRecode,
                    ChunkColumn.AnonymousCode => anonymousRecode,
                    _ => null,
                };
                var data = ChunkRowFilter.Rewrite(columns[c], blobs[c], keep[i], recode);
                Run(connection, "UPDATE chunk_columns SET data = $data, checksum = $checksum WHERE chunk = $chunk AND col = $col",
                    ("$data", data), ("$checksum", StoreChunks.Checksum(data)), ("$chunk", chunk.Chunk), ("$col", (int)columns[c]));
            }
            if (removedRows[i] > 0) RewriteChunkRow(connection, chunk, blobs[Array.IndexOf(columns, ChunkColumn.Timestamp)], keep[i]);
        }

        RewriteDictionary(connection, dictionaries, DictionaryKind.UserId, users);
        RewriteDictionary(connection, dictionaries, DictionaryKind.AnonymousId, anonymous);
        foreach (var id in removedIds) Run(connection, "DELETE FROM event_key_collisions WHERE event_id = $id", ("$id", id));

        long profiles = 0, subscriptions = 0, assignments = 0;
        foreach (var id in request.UserIds)
        {
            profiles += Run(connection, "DELETE FROM users WHERE user_id = $id", ("$id", id));
            subscriptions += Run(connection, "DELETE FROM subscriptions WHERE user_id = $id", ("$id", id));
            assignments += Run(connection, "DELETE FROM assignments WHERE user_id = $id", ("$id", id));
        }
        var counts = new ErasureCounts(request.UserIds.Count, events, profiles, subscriptions, assignments, anonymous.Count, request.QuarantineRows);
        SqliteErasureLog.Append(connection, request, counts);
        return counts;
    }

    private static HashSet<int> Codes(StoreDictionaries dictionaries, DictionaryKind kind, IEnumerable<string> ids)
    {
        var codes = new HashSet<int>();
        foreach (var id in ids)
            if (dictionaries.TryGetCode(kind, id, out var code)) codes.Add(code);
        return codes;
    }

    /// <summary>Old code → new code once <paramref name="removed"/> are gone (null when nothing moves).</summary>
    private static Func<int, int>? Renumbering(HashSet<int> removed)
    {
        if (removed.Count == 0) return null;
        var sorted = removed.Order().ToArray();
        return code =>
        {
            var below = Array.BinarySearch(sorted, code);
            return code - (below >= 0 ? below : ~below);
        };
    }

    private static bool CodesAbove(byte[][] blobs, HashSet<int> users, HashSet<int> anonymous)
    {
        var minUser = users.Count == 0 ? int.MaxValue : users.Min();
        var minAnonymous = anonymous.Count == 0 ? int.MaxValue : anonymous.Min();
        return MaxCode(blobs[0]) > minUser || MaxCode(blobs[1]) > minAnonymous;
    }

    private static int MaxCode(byte[] packed)
    {
        var data = ColumnCodec.Unpack(packed, out var length);
        try
        {
            var reader = new VarintReader(data.AsSpan(0, length));
            var max = 0;
            while (!reader.AtEnd) max = Math.Max(max, (int)reader.ReadUnsigned());
            return max;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(data);
        }
    }

    private static IEnumerable<string> EventIdsOf(SqliteConnection connection, List<ChunkInfo> chunks, int index, bool[] keep)
    {
        var blob = StoreChunks.ReadColumns(connection, [chunks[index]], ChunkColumn.EventId)[0][0];
        var ids = EventChunkDecoder.DecodeStrings(blob, chunks[index].Rows);
        for (var row = 0; row < ids.Length; row++)
            if (!keep[row] && ids[row] is { } id) yield return id;
    }

    private static void RewriteChunkRow(SqliteConnection connection, ChunkInfo chunk, byte[] timestampBlob, bool[] keep)
    {
        var times = new long[chunk.Rows];
        EventChunkDecoder.DecodeTimestamps(timestampBlob, times);
        long min = long.MaxValue, max = long.MinValue, rows = 0;
        for (var row = 0; row < times.Length; row++)
        {
            if (!keep[row]) continue;
            rows++;
            min = Math.Min(min, times[row]);
            max = Math.Max(max, times[row]);
        }
        Run(connection, "UPDATE event_chunks SET rows = $rows, min_ts = $min, max_ts = $max WHERE chunk = $chunk",
            ("$rows", rows), ("$min", min), ("$max", max), ("$chunk", chunk.Chunk));
    }

    /// <summary>Replaces a kind's segments by one segment of the values left, codes dense from 1 again.</summary>
    private static void RewriteDictionary(SqliteConnection connection, StoreDictionaries dictionaries, DictionaryKind kind, HashSet<int> removed)
    {
        if (removed.Count == 0) return;
        var values = dictionaries.Values(kind);
        var writer = new VarintWriter(1 << 16);
        var count = 0;
        for (var code = 1; code <= values.Count; code++)
        {
            if (removed.Contains(code)) continue;
            writer.WriteNullableString(values[code - 1]);
            count++;
        }
        Run(connection, "DELETE FROM dictionary_segments WHERE kind = $kind", ("$kind", (int)kind));
        if (count > 0)
            Run(connection, "INSERT INTO dictionary_segments(kind, first_code, count, data) VALUES ($kind, 1, $count, $data)",
                ("$kind", (int)kind), ("$count", count), ("$data", ColumnCodec.Pack(writer.WrittenSpan, compress: true)));
    }

    private static int Run(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command.ExecuteNonQuery();
    }
}
