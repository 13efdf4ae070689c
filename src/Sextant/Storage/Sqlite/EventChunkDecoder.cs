using System.Buffers;

namespace Sextant.Storage.Sqlite;

/// <summary>Decodes the columns of a chunk written by <see cref="EventChunkEncoder"/>.</summary>
internal static class EventChunkDecoder
{
    /// <param name="packed">The stored blob.</param>
    /// <param name="destination">One code a row.</param>
    /// <param name="dictionarySize">Largest valid code: a larger one means a damaged blob, refused here rather than indexed later.</param>
    public static void DecodeCodes(byte[] packed, Span<int> destination, int dictionarySize = int.MaxValue)
    {
        var data = ColumnCodec.Unpack(packed, out var length);
        try
        {
            var reader = new VarintReader(data.AsSpan(0, length));
            for (var i = 0; i < destination.Length; i++)
            {
                var code = reader.ReadUnsigned();
                if (code > (ulong)dictionarySize) throw new InvalidDataException($"code {code} beyond its dictionary of {dictionarySize}");
                destination[i] = (int)code;
            }
            if (!reader.AtEnd) throw new InvalidDataException("integer column longer than its chunk");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(data);
        }
    }

    public static void DecodeTimestamps(byte[] packed, Span<long> destination)
    {
        var data = ColumnCodec.Unpack(packed, out var length);
        try
        {
            var reader = new VarintReader(data.AsSpan(0, length));
            long previous = 0;
            for (var i = 0; i < destination.Length; i++)
            {
                previous += reader.ReadSigned();
                destination[i] = previous;
            }
            if (!reader.AtEnd) throw new InvalidDataException("timestamp column longer than its chunk");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(data);
        }
    }

    public static long[] DecodeHashes(byte[] packed, int rows)
    {
        var data = ColumnCodec.Unpack(packed, out var length);
        try
        {
            if (length != rows * 8) throw new InvalidDataException($"id hash column has {length} bytes for {rows} rows");
            var hashes = new long[rows];
            for (var i = 0; i < rows; i++) hashes[i] = System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(data.AsSpan(i * 8));
            return hashes;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(data);
        }
    }

    public static string?[] DecodeStrings(byte[] packed, int rows)
    {
        var data = ColumnCodec.Unpack(packed, out var length);
        try
        {
            var reader = new VarintReader(data.AsSpan(0, length));
            var values = new string?[rows];
            for (var i = 0; i < rows; i++) values[i] = reader.ReadNullableString();
            if (!reader.AtEnd) throw new InvalidDataException("text column longer than its chunk");
            return values;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(data);
        }
    }

}
