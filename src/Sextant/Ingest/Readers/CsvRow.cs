namespace Sextant.Ingest.Readers;

/// <summary>One CSV record.</summary>
/// <param name="Line">1-based physical line where the record starts (the header is line 1).</param>
/// <param name="Fields">Field values, unquoted and not trimmed.</param>
/// <param name="RawText">The record as text, without its line terminator.</param>
/// <param name="Error">Why the record cannot be used, or null.</param>
/// <param name="RawBytes">The exact bytes, when they are not valid UTF-8.</param>
internal sealed record CsvRow(long Line, string[] Fields, string RawText, string? Error, byte[]? RawBytes);
