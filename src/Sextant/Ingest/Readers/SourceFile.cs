using System.IO.Compression;

namespace Sextant.Ingest.Readers;

/// <summary>Opens source files for sequential reading, unpacking gzip (detected by its magic bytes, not the name).</summary>
internal static class SourceFile
{
    private const string StrictGzipSwitch = "System.IO.Compression.UseStrictValidation";

    /// <summary>
    /// Whether the runtime checks every gzip member's trailer and refuses data that stops short.
    /// Only then can a file of several concatenated members (what `cat a.gz b.gz` or a log
    /// rotator makes) be read whole and still be known complete; without it the one trailer at
    /// the end of the file is all there is to check, and only a single member can be trusted.
    /// </summary>
    private static readonly bool RuntimeValidatesGzip = EnableStrictGzip();
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
        var expected = RuntimeValidatesGzip ? null : ExpectedGzipLength(path);
        return new CheckedGzipStream(new GZipStream(whole, CompressionMode.Decompress), expected);
    }

    /// <summary>
    /// Turns the runtime's strict gzip validation on (the command and the tests set it at
    /// start-up; a switch set after the first gzip stream of the process has no effect) and
    /// checks that it works by reading a cut stream, which must fail.
    /// </summary>
    private static bool EnableStrictGzip()
    {
        AppContext.SetSwitch(StrictGzipSwitch, true);
        var whole = new MemoryStream();
        using (var gzip = new GZipStream(whole, CompressionLevel.Fastest, leaveOpen: true))
            for (var i = 0; i < 64; i++) gzip.Write(BitConverter.GetBytes(i * 7919));
        var bytes = whole.ToArray();
        try
        {
            using var cut = new GZipStream(new MemoryStream(bytes[..(bytes.Length / 2)]), CompressionMode.Decompress);
            cut.CopyTo(Stream.Null);
            return false;
        }
        catch (InvalidDataException)
        {
            return true;
        }
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
    /// .NET's gzip reader, unless strict validation is on, ends quietly at a truncated file, which
    /// would lose rows without a word; this then compares the bytes read with the length the
    /// gzip trailer promises. It also words the runtime's own complaints the same way.
    /// </summary>
    private sealed class CheckedGzipStream(GZipStream inner, uint? expectedLength) : ForwardOnlyStream
    {
        private long _length;

        public override int Read(Span<byte> buffer)
        {
            int read;
            try
            {
                read = inner.Read(buffer);
            }
            catch (InvalidDataException exception)
            {
                throw new InvalidDataException($"the gzip data is truncated or corrupt ({exception.Message.TrimEnd('.')})", exception);
            }
            _length += read;
            if (read == 0 && buffer.Length > 0 && expectedLength is { } expected && (uint)_length != expected)
            {
                throw new InvalidDataException(
                    $"the gzip data is truncated or corrupt: it holds {_length} bytes but its trailer promises {expected} (mod 2^32)");
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
