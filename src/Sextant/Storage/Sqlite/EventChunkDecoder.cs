using System.Buffers;

namespace Sextant.Storage.Sqlite;

/// <summary>Decodes the columns of a chunk written by <see cref="EventChunkEncoder"/>.</summary>
internal static class EventChunkDecoder
{
    public static void DecodeCodes(byte[] packed, Span<int> destination)
    {
        var data = ColumnCodec.Unpack(packed, out var length);
        try
        {
            var reader = new VarintReader(data.AsSpan(0, length));
            for (var i = 0; i < destination.Length; i++) destination[i] = (int)reader.ReadUnsigned();
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
