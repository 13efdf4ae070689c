using System.Text.Unicode;

namespace Sextant.Ingest.Readers;

/// <summary>Shared checks and messages of the file readers.</summary>
internal static class ReaderErrors
{
    /// <summary>The byte offset of the first invalid UTF-8 sequence, or −1 when the bytes are valid.</summary>
    public static int InvalidUtf8Offset(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes)) return -1;
        Span<char> scratch = stackalloc char[256];
        var offset = 0;
        while (offset < bytes.Length)
        {
            var status = Utf8.ToUtf16(bytes[offset..], scratch, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            offset += read;
            if (status == System.Buffers.OperationStatus.InvalidData) return offset;
            if (status == System.Buffers.OperationStatus.Done) return -1;
        }
        return -1;
    }

    public static SextantException ReadFailure(string file, long line, Exception exception) =>
        new($"'{file}' line {line}: cannot read: {exception.Message}", exception);

    public static bool IsReadFailure(Exception exception) => exception is IOException or InvalidDataException;
}
