using Microsoft.Data.Sqlite;

namespace Sextant.Storage.Sqlite;

/// <summary>One stored chunk and where its rows start in the store's row numbering.</summary>
internal sealed record ChunkInfo(long Chunk, int Rows, long MinTimestamp, long MaxTimestamp, int FirstRow);

/// <summary>Reads chunk metadata and column blobs.</summary>
internal static class StoreChunks
{
    public static List<ChunkInfo> List(SqliteConnection connection)
    {
        var chunks = new List<ChunkInfo>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT chunk, rows, min_ts, max_ts FROM event_chunks ORDER BY chunk";
        using var reader = command.ExecuteReader();
        long firstRow = 0;
        while (reader.Read())
        {
            var rows = reader.GetInt32(1);
            if (firstRow + rows > int.MaxValue)
                throw new SextantException("the store holds more than 2,147,483,647 events; use a warehouse store (PostgreSQL or ClickHouse)");
            chunks.Add(new ChunkInfo(reader.GetInt64(0), rows, reader.GetInt64(2), reader.GetInt64(3), (int)firstRow));
            firstRow += rows;
        }
        return chunks;
    }

    /// <summary>Packed blobs of the requested columns, per chunk in <paramref name="chunks"/> order.</summary>
    public static byte[][][] ReadColumns(SqliteConnection connection, IReadOnlyList<ChunkInfo> chunks, params ChunkColumn[] columns)
    {
        var index = new Dictionary<long, int>(chunks.Count);
        for (var i = 0; i < chunks.Count; i++) index[chunks[i].Chunk] = i;
        var result = new byte[chunks.Count][][];
        for (var i = 0; i < result.Length; i++) result[i] = new byte[columns.Length][];

        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT chunk, col, data FROM chunk_columns WHERE col IN ({string.Join(",", columns.Select(c => (int)c))})";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!index.TryGetValue(reader.GetInt64(0), out var chunkIndex)) continue;
            var column = Array.IndexOf(columns, (ChunkColumn)reader.GetInt32(1));
            result[chunkIndex][column] = (byte[])reader.GetValue(2);
        }
        for (var i = 0; i < result.Length; i++)
            for (var c = 0; c < columns.Length; c++)
                if (result[i][c] is null)
                    throw new SextantException($"store chunk {chunks[i].Chunk} lacks column {columns[c]}: the store is damaged (run sextant check)");
        return result;
    }
}
