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
        return read == 2 && prefix[0] == 0x1F && prefix[1] == 0x8B ? new GZipStream(whole, CompressionMode.Decompress) : whole;
    }

    /// <summary>Replays bytes already read before continuing with the inner stream.</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream inner) : Stream
    {
        private int _prefixPosition;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

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

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
