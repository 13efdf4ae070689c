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

    /// <summary>
    /// Why bytes invalid at <paramref name="offset"/> are refused. ED A0..BF is how a lone UTF-16
    /// surrogate is written when it is forced into UTF-8 (and how decoded UTF-16 passes one on).
    /// </summary>
    public static string InvalidTextReason(ReadOnlySpan<byte> bytes, int offset) =>
        offset + 1 < bytes.Length && bytes[offset] == 0xED && bytes[offset + 1] is >= 0xA0 and <= 0xBF
            ? $"lone UTF-16 surrogate at byte {offset} of the line (not valid UTF-8)"
            : $"invalid UTF-8 at byte {offset} of the line";

    public static SextantException ReadFailure(string file, long line, Exception exception) =>
        new($"'{file}' line {line}: cannot read: {exception.Message}", exception);

    public static bool IsReadFailure(Exception exception) => exception is IOException or InvalidDataException;
}
