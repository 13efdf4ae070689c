using System.Text.Json;

namespace Sextant.Server.Ingest;

/// <summary>
/// The events of one <c>POST /api/v1/events</c> body, one row each, in the order sent: the
/// elements of a JSON array, or the non-blank lines of NDJSON. A row is kept as the bytes sent
/// (an array element's line breaks, which JSON allows only between tokens, become spaces), so
/// the ingestor checks and quarantines each one exactly as it would a line of a file.
/// </summary>
internal sealed class EventBatch
{
    private static readonly string[] NdjsonTypes = ["application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines", "application/json-lines"];
    private static readonly string[] SniffedTypes = ["application/json", "text/plain"];

    private EventBatch(IReadOnlyList<ReadOnlyMemory<byte>> rows) => Rows = rows;

    /// <summary>The rows, row 1 first.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Rows { get; }

    /// <summary>True when the content type is one the endpoint reads (JSON, NDJSON, plain text, or none).</summary>
    public static bool Reads(string? mediaType) =>
        string.IsNullOrEmpty(mediaType) || NdjsonTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase) || SniffedTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Splits a body into rows: NDJSON when the content type says so, else a JSON array when the
    /// first byte that is not white space is <c>[</c>, else NDJSON (so a single object is one event).
    /// </summary>
    /// <exception cref="SextantException">The body starts as a JSON array but is not valid JSON.</exception>
    /// <exception cref="Microsoft.AspNetCore.Http.BadHttpRequestException">More than <see cref="EventEndpointsLimits.MaxEvents"/> rows (413).</exception>
    public static EventBatch Split(ReadOnlyMemory<byte> body, string? mediaType)
    {
        if (body.Span.StartsWith("\uFEFF"u8)) body = body[3..];
        var ndjson = mediaType is not null && NdjsonTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase);
        return new EventBatch(!ndjson && FirstByte(body.Span) == (byte)'[' ? ArrayRows(body) : LineRows(body));
    }

    private static byte FirstByte(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return b;
        return 0;
    }

    private static List<ReadOnlyMemory<byte>> LineRows(ReadOnlyMemory<byte> body)
    {
        var rows = new List<ReadOnlyMemory<byte>>();
        var rest = body;
        while (!rest.IsEmpty)
        {
            var end = rest.Span.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? ReadOnlyMemory<byte>.Empty : rest[(end + 1)..];
            if (line.Span.EndsWith("\r"u8)) line = line[..^1];
            if (line.Span.Trim(" \t"u8).IsEmpty) continue;
            rows.Add(line);
            CheckCount(rows.Count);
        }
        return rows;
    }

    private static List<ReadOnlyMemory<byte>> ArrayRows(ReadOnlyMemory<byte> body)
    {
        var rows = new List<ReadOnlyMemory<byte>>();
        var reader = new Utf8JsonReader(body.Span, new JsonReaderOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            reader.Read();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
                var element = body[start..(int)reader.BytesConsumed].ToArray();
                // Line breaks between tokens are white space; inside strings JSON has none.
                element.AsSpan().Replace((byte)'\n', (byte)' ');
                element.AsSpan().Replace((byte)'\r', (byte)' ');
                rows.Add(element);
                CheckCount(rows.Count);
            }
            // Anything after the array is an error the reader reports.
            while (reader.Read()) { }
        }
        catch (JsonException e)
        {
            throw new SextantException($"the body is not a valid JSON array of events (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): send valid JSON, or NDJSON to have each bad line reported on its own", e);
        }
        return rows;
    }

    private static void CheckCount(int count)
    {
        if (count > EventEndpointsLimits.MaxEvents)
            throw new Microsoft.AspNetCore.Http.BadHttpRequestException(
                $"the body holds more than {EventEndpointsLimits.MaxEvents:N0} events: send them in several requests", Microsoft.AspNetCore.Http.StatusCodes.Status413PayloadTooLarge);
    }
}
