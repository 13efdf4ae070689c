using System.IO.Compression;

namespace Sextant.Ingest.Readers;

/// <summary>Opens source files for sequential reading, unpacking gzip (detected by its magic bytes, not the name).</summary>
internal static class SourceFile
{
    public static Stream OpenRead(string path)
    {
        try
        {
            return Wrap(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SextantException($"cannot read '{path}': {exception.Message}", exception);
        }
    }

    /// <summary>Returns the stream itself, or a gzip decompressor over it when it starts with 1F 8B.</summary>
    public static Stream Wrap(Stream raw, string path)
    {
        var buffered = new BufferedStream(raw, 1 << 16);
        Span<byte> magic = stackalloc byte[2];
        int read;
        try
        {
            read = buffered.Read(magic);
            if (read == 1) read += buffered.Read(magic[1..]);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            buffered.Dispose();
            throw new SextantException($"cannot read '{path}': {exception.Message}", exception);
        }
        var prefix = magic[..read].ToArray();
        var whole = new PrefixedStream(prefix, buffered);
        if (read < 2 || prefix[0] != 0x1F || prefix[1] != 0x8B) return whole;
        return new CheckedGzipStream(new GZipStream(whole, CompressionMode.Decompress), ExpectedGzipLength(path));
    }

    /// <summary>The gzip trailer's ISIZE: the uncompressed length modulo 2^32 (null when the file cannot be read again).</summary>
    private static uint? ExpectedGzipLength(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (file.Length < 18) return uint.MaxValue; // shorter than a header and trailer: corrupt
            file.Seek(-4, SeekOrigin.End);
            Span<byte> size = stackalloc byte[4];
            file.ReadExactly(size);
            return System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(size);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// .NET's gzip reader ends quietly at a truncated file, which would lose rows without a word;
    /// this compares the bytes read with the length the gzip trailer promises.
    /// </summary>
    private sealed class CheckedGzipStream(GZipStream inner, uint? expectedLength) : ForwardOnlyStream
    {
        private long _length;

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            _length += read;
            if (read == 0 && buffer.Length > 0 && expectedLength is { } expected && (uint)_length != expected)
            {
                throw new InvalidDataException(
                    $"the gzip data is truncated or corrupt: it holds {_length} bytes but its trailer promises {expected} (mod 2^32); concatenated gzip members are not supported");
            }
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>Replays bytes already read before continuing with the inner stream.</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream inner) : ForwardOnlyStream
    {
        private int _prefixPosition;

        public override int Read(Span<byte> buffer)
        {
            if (_prefixPosition < prefix.Length)
            {
                var count = Math.Min(buffer.Length, prefix.Length - _prefixPosition);
                prefix.AsSpan(_prefixPosition, count).CopyTo(buffer);
                _prefixPosition += count;
                return count;
            }
            return inner.Read(buffer);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
