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
            var dictionaryCodes = new int[rowCount];
            var dictionary = new StoreDictionaries(store.Connection).Values(dictionaryKind);
            StoreChunks.DecodeAll(chunks, i => EventChunkDecoder.DecodeCodes(blobs[i][0], dictionaryCodes.AsSpan(chunks[i].FirstRow, chunks[i].Rows), dictionary.Count));
            return new CodedColumn(dictionaryCodes, [.. dictionary]);
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
        // Each chunk codes its own values (in parallel); the chunks' dictionaries are then merged in
        // store order, so codes come out in order of first appearance, as CodedColumn.Encode gives,
        // without a string per event held for the whole column.
        var codes = new int[rowCount];
        var chunkValues = new string[chunks.Count][];
        StoreChunks.DecodeAll(chunks, i =>
        {
            var chunk = chunks[i];
            var values = new string?[chunk.Rows];
            var data = ColumnCodec.Unpack(textBlobs[i][0], out var length);
            try
            {
                var reader = new VarintReader(data.AsSpan(0, length));
                for (var row = 0; row < chunk.Rows; row++)
                {
                    var bytes = reader.ReadStringBytes(out var isNull);
                    if (isNull) continue;
                    values[row] = textColumn == ChunkColumn.Properties
                        ? JsonText.TopLevelValue(bytes, key)
                        : System.Text.Encoding.UTF8.GetString(bytes);
                }
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(data);
            }
            var local = CodedColumn.Encode(values);
            local.Codes.CopyTo(codes, chunk.FirstRow);
            chunkValues[i] = local.Values;
        });
        return MergeChunkCodes(chunks, codes, chunkValues);
    }

    /// <summary>Recodes each chunk's codes into one dictionary, values in order of first appearance over the chunks in store order.</summary>
    private static CodedColumn MergeChunkCodes(List<ChunkInfo> chunks, int[] codes, string[][] chunkValues)
    {
        var global = new Dictionary<string, int>(StringComparer.Ordinal);
        var values = new List<string>();
        for (var i = 0; i < chunks.Count; i++)
        {
            var remap = new int[chunkValues[i].Length + 1];
            for (var local = 0; local < chunkValues[i].Length; local++)
            {
                var value = chunkValues[i][local];
                if (!global.TryGetValue(value, out var code))
                {
                    values.Add(value);
                    code = values.Count;
                    global.Add(value, code);
                }
                remap[local + 1] = code;
            }
            foreach (ref var code in codes.AsSpan(chunks[i].FirstRow, chunks[i].Rows)) code = remap[code];
        }
        return new CodedColumn(codes, [.. values]);
    }
}
