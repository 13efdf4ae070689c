using Sextant.Ingest.Readers;

namespace Sextant.Ingest;

/// <summary>A read-only file stream that counts the bytes read, for progress reporting.</summary>
internal sealed class CountingStream : ForwardOnlyStream
{
    private readonly FileStream _inner;

    public CountingStream(string path)
    {
        try
        {
            _inner = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SextantException($"cannot read '{path}': {exception.Message}", exception);
        }
    }

    public long BytesRead { get; private set; }

    public override long Length => _inner.Length;

    public override int Read(Span<byte> buffer) => Count(_inner.Read(buffer));

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        BytesRead += read;
        return read;
    }
}
