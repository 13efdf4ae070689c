using Microsoft.Data.Sqlite;

namespace Sextant.Storage.Sqlite;

/// <summary>Decodes the user, anonymous, event and timestamp columns of every chunk, in parallel, checking each code against its dictionary.</summary>
internal static class SqliteEventColumnReader
{
    public static EventColumns Read(SqliteConnection connection)
    {
        var chunks = StoreChunks.List(connection);
        var rowCount = chunks.Count == 0 ? 0 : chunks[^1].FirstRow + chunks[^1].Rows;
        var blobs = StoreChunks.ReadColumns(connection, chunks, ChunkColumn.UserCode, ChunkColumn.AnonymousCode, ChunkColumn.EventCode, ChunkColumn.Timestamp);

        var dictionaries = new StoreDictionaries(connection);
        var userIds = dictionaries.Dictionary(DictionaryKind.UserId);
        var anonymousIds = dictionaries.Dictionary(DictionaryKind.AnonymousId);
        var eventNames = dictionaries.Dictionary(DictionaryKind.EventName);

        var users = new int[rowCount];
        var anonymous = new int[rowCount];
        var events = new int[rowCount];
        var times = new long[rowCount];
        StoreChunks.DecodeAll(chunks, i =>
        {
            var chunk = chunks[i];
            EventChunkDecoder.DecodeCodes(blobs[i][0], users.AsSpan(chunk.FirstRow, chunk.Rows), userIds.Count);
            EventChunkDecoder.DecodeCodes(blobs[i][1], anonymous.AsSpan(chunk.FirstRow, chunk.Rows), anonymousIds.Count);
            EventChunkDecoder.DecodeCodes(blobs[i][2], events.AsSpan(chunk.FirstRow, chunk.Rows), eventNames.Count);
            EventChunkDecoder.DecodeTimestamps(blobs[i][3], times.AsSpan(chunk.FirstRow, chunk.Rows));
        });
        return new EventColumns(users, anonymous, events, times, userIds, anonymousIds, eventNames);
    }
}
