namespace Sextant.Ingest.Readers;

/// <summary>
/// One CSV record. Its raw text is decoded only when asked for (bad rows need it, good rows
/// do not), from the reader's buffer — so ask before reading the next row.
/// </summary>
internal sealed class CsvRow
{
    private readonly CsvRowReader? _reader;
    private readonly int _start;
    private readonly int _length;
    private readonly long _generation;
    private string? _rawText;

    public CsvRow(long line, string[] fields, string rawText, string? error, byte[]? rawBytes)
        : this(line, fields, error, rawBytes) => _rawText = rawText;

    internal CsvRow(long line, string[] fields, string? error, byte[]? rawBytes, CsvRowReader reader, int start, int length, long generation)
        : this(line, fields, error, rawBytes)
    {
        _reader = reader;
        _start = start;
        _length = length;
        _generation = generation;
    }

    private CsvRow(long line, string[] fields, string? error, byte[]? rawBytes)
    {
        Line = line;
        Fields = fields;
        Error = error;
        RawBytes = rawBytes;
    }

    /// <summary>1-based physical line where the record starts (the header is line 1).</summary>
    public long Line { get; }

    /// <summary>Field values, unquoted and not trimmed.</summary>
    public string[] Fields { get; }

    /// <summary>The record as text, without its line terminator.</summary>
    public string RawText => _rawText ??= _reader!.TextAt(_start, _length, _generation);

    /// <summary>Why the record cannot be used, or null.</summary>
    public string? Error { get; }

    /// <summary>The exact bytes, when they are not valid UTF-8.</summary>
    public byte[]? RawBytes { get; }
}
