using System.Buffers;

namespace Sextant.Storage;

/// <summary>Appends LEB128 varints and length-prefixed UTF-8 strings to a growable buffer.</summary>
internal sealed class VarintWriter
{
    private byte[] _buffer;
    private int _length;

    public VarintWriter(int capacity = 4096) => _buffer = new byte[Math.Max(16, capacity)];

    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public void Clear() => _length = 0;

    public void WriteUnsigned(ulong value)
    {
        Ensure(10);
        while (value >= 0x80)
        {
            _buffer[_length++] = (byte)(value | 0x80);
            value >>= 7;
        }
        _buffer[_length++] = (byte)value;
    }

    public void WriteFixed64(long value)
    {
        Ensure(8);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    /// <summary>Zig-zag encodes so that small negative numbers stay short.</summary>
    public void WriteSigned(long value) => WriteUnsigned((ulong)((value << 1) ^ (value >> 63)));

    /// <summary>Writes null as 0, otherwise the UTF-8 byte length + 1 and the bytes.</summary>
    public void WriteNullableString(string? value)
    {
        if (value is null)
        {
            WriteUnsigned(0);
            return;
        }
        var byteCount = System.Text.Encoding.UTF8.GetByteCount(value);
        WriteUnsigned((ulong)byteCount + 1);
        Ensure(byteCount);
        _length += System.Text.Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
    }

    private void Ensure(int extra)
    {
        if (_length + extra <= _buffer.Length) return;
        var next = new byte[Math.Max(_buffer.Length * 2, _length + extra)];
        _buffer.AsSpan(0, _length).CopyTo(next);
        _buffer = next;
    }
}

/// <summary>Reads what <see cref="VarintWriter"/> wrote.</summary>
internal ref struct VarintReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public VarintReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    public readonly bool AtEnd => _position >= _data.Length;

    public ulong ReadUnsigned()
    {
        ulong result = 0;
        var shift = 0;
        while (true)
        {
            var b = _data[_position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return result;
            shift += 7;
            if (shift > 63) throw new InvalidDataException("varint longer than 64 bits");
        }
    }

    public long ReadSigned()
    {
        var raw = ReadUnsigned();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    public string? ReadNullableString()
    {
        var length = ReadUnsigned();
        if (length == 0) return null;
        var byteCount = (int)(length - 1);
        var text = System.Text.Encoding.UTF8.GetString(_data.Slice(_position, byteCount));
        _position += byteCount;
        return text;
    }

    /// <summary>Returns the raw UTF-8 bytes of the next string without decoding it (empty for null).</summary>
    public ReadOnlySpan<byte> ReadStringBytes(out bool isNull)
    {
        var length = ReadUnsigned();
        isNull = length == 0;
        if (isNull) return [];
        var byteCount = (int)(length - 1);
        var bytes = _data.Slice(_position, byteCount);
        _position += byteCount;
        return bytes;
    }
}

/// <summary>Wraps column bytes in a one-byte codec header: 0 = raw, 1 = deflate.</summary>
internal static class ColumnCodec
{
    private const byte Raw = 0;
    private const byte Deflate = 1;

    public static byte[] Pack(ReadOnlySpan<byte> data, bool compress)
    {
        using var output = new MemoryStream(data.Length + 1);
        PackInto(data, compress, output);
        return output.ToArray();
    }

    /// <summary>Packs into a reusable stream (cleared first), so hot paths allocate no blob arrays.</summary>
    public static void PackInto(ReadOnlySpan<byte> data, bool compress, MemoryStream output)
    {
        output.SetLength(0);
        if (compress && data.Length > 64)
        {
            output.WriteByte(Deflate);
            using (var deflate = new System.IO.Compression.DeflateStream(output, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            {
                deflate.Write(data);
            }
            if (output.Length < data.Length) return;
            output.SetLength(0);
        }
        output.WriteByte(Raw);
        output.Write(data);
    }

    /// <summary>Unpacks into a pooled array; the caller returns it with <see cref="ArrayPool{T}"/>.</summary>
    public static byte[] Unpack(byte[] packed, out int length)
    {
        if (packed.Length == 0) throw new InvalidDataException("empty column blob");
        if (packed[0] == Raw)
        {
            length = packed.Length - 1;
            var copy = ArrayPool<byte>.Shared.Rent(Math.Max(1, length));
            packed.AsSpan(1).CopyTo(copy);
            return copy;
        }
        if (packed[0] != Deflate) throw new InvalidDataException($"unknown column codec {packed[0]}");
        using var input = new MemoryStream(packed, 1, packed.Length - 1);
        using var deflate = new System.IO.Compression.DeflateStream(input, System.IO.Compression.CompressionMode.Decompress);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1024, packed.Length * 4));
        length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, length).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = bigger;
            }
            var read = deflate.Read(buffer, length, buffer.Length - length);
            if (read == 0) return buffer;
            length += read;
        }
    }
}
