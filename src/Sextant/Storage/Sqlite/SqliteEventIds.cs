using Microsoft.Data.Sqlite;

namespace Sextant.Storage.Sqlite;

/// <summary>Finds event ids stored more than once, without a dictionary of every id.</summary>
internal static class SqliteEventIds
{
    /// <summary>Hashes every id and sorts the hashes; only ids whose hash repeats are compared as text, so a collision is not a repeat.</summary>
    public static long CountRepeated(SqliteConnection connection)
    {
        var chunks = StoreChunks.List(connection);
        var blobs = StoreChunks.ReadColumns(connection, chunks, ChunkColumn.EventId);
        var all = new long[chunks.Sum(c => (long)c.Rows)];
        var ids = new string?[chunks.Count][];
        StoreChunks.DecodeAll(chunks, i =>
        {
            ids[i] = EventChunkDecoder.DecodeStrings(blobs[i][0], chunks[i].Rows);
            for (var row = 0; row < chunks[i].Rows; row++) all[chunks[i].FirstRow + row] = StableHash.Of(ids[i][row] ?? "");
        });
        var sorted = (long[])all.Clone();
        Array.Sort(sorted);
        var suspects = new HashSet<long>();
        for (var i = 1; i < sorted.Length; i++) if (sorted[i] == sorted[i - 1]) suspects.Add(sorted[i]);
        long repeated = 0;
        if (suspects.Count > 0)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < chunks.Count; i++)
                for (var row = 0; row < chunks[i].Rows; row++)
                    if (suspects.Contains(all[chunks[i].FirstRow + row]) && !seen.Add(ids[i][row] ?? "")) repeated++;
        }
        return repeated;
    }
}
