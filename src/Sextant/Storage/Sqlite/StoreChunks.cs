using System.IO.Hashing;
using Microsoft.Data.Sqlite;

namespace Sextant.Storage.Sqlite;

/// <summary>One stored chunk and where its rows start in the store's row numbering.</summary>
internal sealed record ChunkInfo(long Chunk, int Rows, long MinTimestamp, long MaxTimestamp, int FirstRow);

/// <summary>Reads chunk metadata and column blobs, verifying each blob against its checksum.</summary>
internal static class StoreChunks
{
    /// <summary>
    /// The checksum stored beside each column blob: XxHash64 of the blob as stored (codec byte
    /// included). Fast (gigabytes a second), so every read verifies what it decodes.
    /// </summary>
    public static long Checksum(ReadOnlySpan<byte> blob) => unchecked((long)XxHash64.HashToUInt64(blob));

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

    /// <summary>True when chunk columns carry checksums (schema version 2 on); a version-1 store read as it is has none.</summary>
    public static bool HasChecksums(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM pragma_table_info('chunk_columns') WHERE name = 'checksum'";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>Packed blobs of the requested columns, per chunk in <paramref name="chunks"/> order.</summary>
    /// <exception cref="SextantException">A blob is missing or does not match its checksum.</exception>
    public static byte[][][] ReadColumns(SqliteConnection connection, IReadOnlyList<ChunkInfo> chunks, params ChunkColumn[] columns)
    {
        var index = new Dictionary<long, int>(chunks.Count);
        for (var i = 0; i < chunks.Count; i++) index[chunks[i].Chunk] = i;
        var result = new byte[chunks.Count][][];
        for (var i = 0; i < result.Length; i++) result[i] = new byte[columns.Length][];

        var checksum = HasChecksums(connection) ? "checksum" : "NULL";
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT chunk, col, data, {checksum} FROM chunk_columns WHERE col IN ({string.Join(",", columns.Select(c => (int)c))})";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!index.TryGetValue(reader.GetInt64(0), out var chunkIndex)) continue;
            var column = (ChunkColumn)reader.GetInt32(1);
            var data = (byte[])reader.GetValue(2);
            if (!reader.IsDBNull(3) && Checksum(data) != reader.GetInt64(3)) throw Damaged(reader.GetInt64(0), column, "does not match its checksum");
            result[chunkIndex][Array.IndexOf(columns, column)] = data;
        }
        for (var i = 0; i < result.Length; i++)
            for (var c = 0; c < columns.Length; c++)
                if (result[i][c] is null)
                    throw Damaged(chunks[i].Chunk, columns[c], "is missing");
        return result;
    }

    /// <summary>
    /// Runs <paramref name="decode"/> for every chunk in parallel. A blob that cannot be decoded
    /// (only possible in columns written before checksums) is reported as damage, not as a crash.
    /// </summary>
    public static void DecodeAll(IReadOnlyList<ChunkInfo> chunks, Action<int> decode)
    {
        try
        {
            Parallel.For(0, chunks.Count, i =>
            {
                try
                {
                    decode(i);
                }
                catch (Exception exception) when (exception is InvalidDataException or IndexOutOfRangeException or ArgumentException)
                {
                    throw new SextantException($"store chunk {chunks[i].Chunk} cannot be decoded ({exception.Message}): the store is damaged — run 'sextant check' to list the damaged chunks", exception);
                }
            });
        }
        catch (AggregateException exception) when (exception.InnerExceptions.OfType<SextantException>().FirstOrDefault() is { } damaged)
        {
            throw damaged;
        }
    }

    public static SextantException Damaged(long chunk, ChunkColumn column, string problem) =>
        new($"store chunk {chunk} column {ColumnName(column)} {problem}: the store is damaged — run 'sextant check' to list the damaged chunks");

    /// <summary>The column's name as the docs and <c>sextant check</c> write it.</summary>
    public static string ColumnName(ChunkColumn column) => column switch
    {
        ChunkColumn.UserCode => "user_code",
        ChunkColumn.AnonymousCode => "anonymous_code",
        ChunkColumn.EventCode => "event_code",
        ChunkColumn.Timestamp => "timestamp",
        ChunkColumn.PlatformCode => "platform_code",
        ChunkColumn.SessionId => "session_id",
        ChunkColumn.WorkspaceCode => "workspace_code",
        ChunkColumn.SourceCode => "source_code",
        ChunkColumn.Revenue => "revenue",
        ChunkColumn.Properties => "properties",
        ChunkColumn.EventId => "event_id",
        ChunkColumn.IdHash => "id_hash",
        _ => ((int)column).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
