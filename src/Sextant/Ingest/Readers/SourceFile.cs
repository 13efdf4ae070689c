using System.IO.Compression;

namespace Sextant.Ingest.Readers;

/// <summary>
/// Opens source files for sequential reading as UTF-8, unpacking gzip (detected by its magic
/// bytes, not the name) and decoding UTF-16.
/// </summary>
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
        if (read < 2 || prefix[0] != 0x1F || prefix[1] != 0x8B) return DecodeText(whole, path);
        var expected = RuntimeValidatesGzip ? null : ExpectedGzipLength(path);
        return DecodeText(new CheckedGzipStream(new GZipStream(whole, CompressionMode.Decompress), expected), path);
    }

    /// <summary>
    /// UTF-8 passes through; UTF-16 — told by its byte-order mark, or without one by the NUL
    /// byte that every ASCII character of a header or a '{' has beside it — is decoded to UTF-8;
    /// UTF-32 is refused. Read as UTF-8, UTF-16 text would be one invalid row after another.
    /// </summary>
    private static Stream DecodeText(Stream bytes, string path)
    {
        var head = new byte[4];
        var count = 0;
        try
        {
            while (count < head.Length)
            {
                var read = bytes.Read(head, count, head.Length - count);
                if (read == 0) break;
                count += read;
            }
        }
        catch (Exception exception) when (ReaderErrors.IsReadFailure(exception))
        {
            bytes.Dispose();
            throw ReaderErrors.ReadFailure(path, 1, exception);
        }
        var start = new PrefixedStream(head[..count], bytes);
        switch (TextEncodingOf(head.AsSpan(0, count)))
        {
            case "utf-16le":
                return new Utf16ToUtf8Stream(start, bigEndian: false);
            case "utf-16be":
                return new Utf16ToUtf8Stream(start, bigEndian: true);
            case "utf-32":
                start.Dispose();
                throw new SextantException($"'{path}' is UTF-32 text, which is not read; save it as UTF-8 (or UTF-16)");
            default:
                return start;
        }
    }

    private static string TextEncodingOf(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((byte[])[0xFF, 0xFE, 0, 0]) || head.StartsWith((byte[])[0, 0, 0xFE, 0xFF])) return "utf-32";
        if (head.Length == 4 && head[0] != 0 && head[1] == 0 && head[2] == 0 && head[3] == 0) return "utf-32";
        if (head.Length == 4 && head[0] == 0 && head[1] == 0 && head[2] == 0 && head[3] != 0) return "utf-32";
        if (head.StartsWith((byte[])[0xFF, 0xFE])) return "utf-16le";
        if (head.StartsWith((byte[])[0xFE, 0xFF])) return "utf-16be";
        if (head.Length >= 2 && head[0] != 0 && head[1] == 0) return "utf-16le";
        if (head.Length >= 2 && head[0] == 0 && head[1] != 0) return "utf-16be";
        return "utf-8";
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
}
