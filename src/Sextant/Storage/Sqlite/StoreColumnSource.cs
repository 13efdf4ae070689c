using Sextant.Events;

namespace Sextant.Storage.Sqlite;

/// <summary>Decodes one event column for every store row, opening the store file on demand.</summary>
internal sealed class StoreColumnSource : IEventColumnSource
{
    private readonly string _path;

    public StoreColumnSource(string path) => _path = path;

    public CodedColumn ReadColumn(string name)
    {
        using var store = SqliteStore.OpenReadOnly(_path);
        var chunks = StoreChunks.List(store.Connection);
        var rowCount = chunks.Count == 0 ? 0 : chunks[^1].FirstRow + chunks[^1].Rows;
        var values = new string?[rowCount];

        var dictionaryKind = name switch
        {
            "platform" => DictionaryKind.Platform,
            "workspace_id" => DictionaryKind.WorkspaceId,
            "source" => DictionaryKind.Source,
            _ => (DictionaryKind)0,
        };
        if (dictionaryKind != 0)
        {
            var column = dictionaryKind switch
            {
                DictionaryKind.Platform => ChunkColumn.PlatformCode,
                DictionaryKind.WorkspaceId => ChunkColumn.WorkspaceCode,
                _ => ChunkColumn.SourceCode,
            };
            var blobs = StoreChunks.ReadColumns(store.Connection, chunks, column);
            var codes = new int[rowCount];
            var dictionary = new StoreDictionaries(store.Connection).Values(dictionaryKind);
            StoreChunks.DecodeAll(chunks, i => EventChunkDecoder.DecodeCodes(blobs[i][0], codes.AsSpan(chunks[i].FirstRow, chunks[i].Rows), dictionary.Count));
            return new CodedColumn(codes, [.. dictionary]);
        }

        var textColumn = name switch
        {
            "revenue" => ChunkColumn.Revenue,
            "session_id" => ChunkColumn.SessionId,
            "event_id" => ChunkColumn.EventId,
            _ => ChunkColumn.Properties,
        };
        var textBlobs = StoreChunks.ReadColumns(store.Connection, chunks, textColumn);
        var key = System.Text.Encoding.UTF8.GetBytes(name);
        StoreChunks.DecodeAll(chunks, i =>
        {
            var chunk = chunks[i];
            var data = ColumnCodec.Unpack(textBlobs[i][0], out var length);
            try
            {
                var reader = new VarintReader(data.AsSpan(0, length));
                for (var row = 0; row < chunk.Rows; row++)
                {
                    var bytes = reader.ReadStringBytes(out var isNull);
                    if (isNull) continue;
                    values[chunk.FirstRow + row] = textColumn == ChunkColumn.Properties
                        ? JsonText.TopLevelValue(bytes, key)
                        : System.Text.Encoding.UTF8.GetString(bytes);
                }
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(data);
            }
        });
        return CodedColumn.Encode(values);
    }
}
