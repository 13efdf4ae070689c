namespace Sextant.Storage.Sqlite;

/// <summary>
/// Rewrites a chunk's column blobs without some of its rows and with user and anonymous codes
/// renumbered, each column in the encoding <see cref="EventChunkEncoder"/> gives it (codes and hashes
/// raw, text deflated, timestamps as deltas from the previous kept row).
/// </summary>
internal static class ChunkRowFilter
{
    /// <summary>The column blob of the kept rows (<paramref name="keep"/>[row]), codes passed through <paramref name="recode"/>.</summary>
    public static byte[] Rewrite(ChunkColumn column, byte[] packed, bool[] keep, Func<int, int>? recode)
    {
        var rows = keep.Length;
        var writer = new VarintWriter(packed.Length * 2 + 16);
        switch (column)
        {
            case ChunkColumn.Timestamp:
                var times = new long[rows];
                EventChunkDecoder.DecodeTimestamps(packed, times);
                long previous = 0;
                for (var row = 0; row < rows; row++)
                {
                    if (!keep[row]) continue;
                    writer.WriteSigned(times[row] - previous);
                    previous = times[row];
                }
                return ColumnCodec.Pack(writer.WrittenSpan, compress: false);
            case ChunkColumn.IdHash:
                var hashes = EventChunkDecoder.DecodeHashes(packed, rows);
                for (var row = 0; row < rows; row++) if (keep[row]) writer.WriteFixed64(hashes[row]);
                return ColumnCodec.Pack(writer.WrittenSpan, compress: false);
            case ChunkColumn.SessionId or ChunkColumn.Revenue or ChunkColumn.Properties or ChunkColumn.EventId:
                var texts = EventChunkDecoder.DecodeStrings(packed, rows);
                for (var row = 0; row < rows; row++) if (keep[row]) writer.WriteNullableString(texts[row]);
                return ColumnCodec.Pack(writer.WrittenSpan, compress: true);
            default:
                var codes = new int[rows];
                EventChunkDecoder.DecodeCodes(packed, codes);
                for (var row = 0; row < rows; row++)
                    if (keep[row]) writer.WriteUnsigned((uint)(recode is null || codes[row] == 0 ? codes[row] : recode(codes[row])));
                return ColumnCodec.Pack(writer.WrittenSpan, compress: false);
        }
    }
}
