namespace Sextant.Ingest.Readers;

/// <summary>
/// Tells a CSV file's delimiter from its header line: of comma, semicolon, tab and pipe, the
/// one that occurs most outside quotes (a spreadsheet in a decimal-comma locale saves with
/// semicolons). A header with none of them is one column, read with commas.
/// </summary>
internal static class CsvDelimiter
{
    private static readonly char[] Candidates = [',', ';', '\t', '|'];

    /// <summary>The delimiter of the file's header line.</summary>
    /// <exception cref="SextantException">The file cannot be read.</exception>
    public static char Sniff(string path)
    {
        using var stream = SourceFile.OpenRead(path);
        var buffer = new byte[64 << 10];
        var length = 0;
        try
        {
            while (length < buffer.Length)
            {
                var read = stream.Read(buffer, length, buffer.Length - length);
                if (read == 0) break;
                length += read;
                if (buffer.AsSpan(0, length).IndexOf((byte)'\n') >= 0) break;
            }
        }
        catch (Exception exception) when (ReaderErrors.IsReadFailure(exception))
        {
            throw ReaderErrors.ReadFailure(path, 1, exception);
        }
        return OfHeader(buffer.AsSpan(0, length));
    }

    /// <summary>The delimiter of the first line of <paramref name="text"/>.</summary>
    public static char OfHeader(ReadOnlySpan<byte> text)
    {
        Span<int> counts = stackalloc int[Candidates.Length];
        var quoted = false;
        foreach (var b in text)
        {
            if (b == (byte)'"') quoted = !quoted;
            else if (!quoted && b == (byte)'\n') break;
            else if (!quoted)
            {
                for (var i = 0; i < Candidates.Length; i++)
                    if (b == (byte)Candidates[i]) counts[i]++;
            }
        }
        var best = 0;
        for (var i = 1; i < Candidates.Length; i++)
            if (counts[i] > counts[best]) best = i;
        return counts[best] == 0 ? ',' : Candidates[best];
    }
}
