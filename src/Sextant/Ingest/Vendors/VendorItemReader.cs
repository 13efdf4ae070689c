using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sextant.Ingest.Readers;

namespace Sextant.Ingest.Vendors;

/// <summary>
/// Reads the items of a vendor export, one JSON object each, from any record source: a file, a
/// zip of gzipped JSON-lines files (Amplitude's export), a CSV file (PostHog's), or a stream an
/// API answers with. JSON lines stream; a file whose first line is not a whole JSON value is one
/// JSON document (a Segment batch payload, an array of events) and is read whole.
/// </summary>
internal sealed class VendorItemReader : IDisposable
{
    private readonly Queue<(string Name, Func<Stream> Open)> _parts;
    private readonly CountingStream? _counter;
    private readonly ZipArchive? _zip;
    private JsonlRowReader? _lines;
    private CsvRowReader? _csv;
    private JsonDocument? _document;
    private JsonElement.ArrayEnumerator _documentItems;
    private long _documentIndex;
    private JsonlRow? _current;

    private VendorItemReader(string name, CountingStream? counter, ZipArchive? zip, IEnumerable<(string, Func<Stream>)> parts)
    {
        Name = name;
        CurrentName = name;
        _counter = counter;
        _zip = zip;
        _parts = new Queue<(string, Func<Stream>)>(parts);
    }

    /// <summary>The source as given (a path, or what an API client names the range it pulls).</summary>
    public string Name { get; }

    /// <summary>Where the last item came from: the source, or its entry in a zip archive (<c>export.zip:1/day.json.gz</c>).</summary>
    public string CurrentName { get; private set; }

    public long BytesRead => _counter?.BytesRead ?? 0;

    public long TotalBytes => _counter?.Length ?? 0;

    /// <summary>Opens a file: a zip archive, CSV or TSV, or JSON (lines or one document, gzipped or not).</summary>
    /// <exception cref="SextantException">The file cannot be read.</exception>
    public static VendorItemReader OpenFile(string path)
    {
        if (IsZip(path)) return OpenZip(path);
        var counter = new CountingStream(path);
        try
        {
            var stream = SourceFile.Wrap(counter, path);
            return new VendorItemReader(path, counter, null, [(path, () => stream)]) { _csvDelimiter = CsvDelimiterOf(path) };
        }
        catch
        {
            counter.Dispose();
            throw;
        }
    }

    /// <summary>A zip archive (seekable, so read in place): its entries in name order, each gzipped or plain JSON lines.</summary>
    private static VendorItemReader OpenZip(string path)
    {
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new SextantException($"'{path}': not a readable zip archive ({exception.Message})", exception);
        }
        var entries = zip.Entries.Where(e => !e.FullName.EndsWith('/')).OrderBy(e => e.FullName, StringComparer.Ordinal)
            .Select(e => ($"{path}:{e.FullName}", (Func<Stream>)(() => OpenEntry(e, path)))).ToList();
        return new VendorItemReader(path, null, zip, entries);
    }

    /// <summary>Reads a stream of JSON lines or one JSON document, already decompressed (an API's answer).</summary>
    public static VendorItemReader FromStream(Stream stream, string name) => new(name, null, null, [(name, () => stream)]);

    private char? _csvDelimiter;

    /// <summary>The next item; false at the end. An item that is not a JSON object comes back with an error.</summary>
    /// <exception cref="SextantException">The source cannot be read to its end.</exception>
    public bool TryRead(out JsonlRow item)
    {
        while (true)
        {
            _current?.Dispose();
            _current = null;
            if (_lines is not null)
            {
                if (_lines.TryReadRow(out item))
                {
                    _current = item;
                    return true;
                }
                _lines.Dispose();
                _lines = null;
            }
            else if (_csv is not null)
            {
                if (_csv.TryReadRow(out var row))
                {
                    item = CsvItem(row);
                    _current = item;
                    return true;
                }
                _csv.Dispose();
                _csv = null;
            }
            else if (_document is not null)
            {
                if (_documentItems.MoveNext())
                {
                    _documentIndex++;
                    var element = _documentItems.Current;
                    item = element.ValueKind == JsonValueKind.Object
                        ? new JsonlRow(_documentIndex, element)
                        : new JsonlRow(_documentIndex, element.GetRawText(), $"expected a JSON object, found {element.ValueKind.ToString().ToLowerInvariant()}", null, null);
                    return true;
                }
                _document.Dispose();
                _document = null;
            }
            else if (_parts.Count > 0)
            {
                var (name, open) = _parts.Dequeue();
                CurrentName = name;
                OpenPart(name, open());
            }
            else
            {
                item = null!;
                return false;
            }
        }
    }

    public void Dispose()
    {
        _current?.Dispose();
        _lines?.Dispose();
        _csv?.Dispose();
        _document?.Dispose();
        _zip?.Dispose();
        _counter?.Dispose();
    }

    private void OpenPart(string name, Stream stream)
    {
        if (_csvDelimiter is { } delimiter)
        {
            _csv = new CsvRowReader(stream, name, delimiter);
            return;
        }
        var head = ReadFirstLine(stream, name);
        var whole = new PrefixedStream(head, stream);
        if (IsWholeJsonValue(head))
        {
            _lines = new JsonlRowReader(whole, name);
            return;
        }
        // Not one value per line: one JSON document, read whole.
        try
        {
            using (whole)
            {
                _document = JsonDocument.Parse(whole, new JsonDocumentOptions { AllowTrailingCommas = false });
            }
        }
        catch (JsonException exception)
        {
            throw new SextantException($"'{name}': neither JSON lines nor one JSON document: {exception.Message}", exception);
        }
        var root = _document.RootElement;
        _documentIndex = 0;
        if (root.ValueKind == JsonValueKind.Array)
        {
            _documentItems = root.EnumerateArray();
            return;
        }
        // One object (a batch payload): an array of one.
        _documentItems = JsonSerializer.SerializeToElement(new[] { root }).EnumerateArray();
    }

    private static byte[] ReadFirstLine(Stream stream, string name)
    {
        var head = new MemoryStream();
        var buffer = new byte[1];
        try
        {
            while (head.Length < (16 << 20) && stream.Read(buffer) == 1)
            {
                head.WriteByte(buffer[0]);
                if (buffer[0] == (byte)'\n' && head.ToArray().AsSpan().Trim(" \t\r\n"u8).Length > 0) break;
            }
        }
        catch (Exception exception) when (ReaderErrors.IsReadFailure(exception))
        {
            throw ReaderErrors.ReadFailure(name, 1, exception);
        }
        return head.ToArray();
    }

    private static bool IsWholeJsonValue(byte[] line)
    {
        var text = line.AsSpan().Trim(" \t\r\n"u8);
        if (text.Length > 0 && text[0] == 0xEF) text = text[3..];
        if (text.IsEmpty) return true;
        var reader = new Utf8JsonReader(text, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            return reader.Read() && reader.TrySkip() && reader.BytesConsumed == text.Length;
        }
        catch (JsonException)
        {
            // A broken first line of JSON lines is still JSON lines: its row goes to quarantine.
            return text[0] == (byte)'{' && text[^1] == (byte)'}';
        }
    }

    private JsonlRow CsvItem(Readers.CsvRow row)
    {
        if (row.Error is not null) return new JsonlRow(row.Line, row.RawText, row.Error, row.RawBytes, null);
        var item = new JsonObject();
        var header = _csv!.Header;
        for (var i = 0; i < Math.Min(header.Count, row.Fields.Length); i++)
        {
            var text = row.Fields[i];
            if (text.Length == 0) continue;
            JsonNode? value = text;
            var trimmed = text.TrimStart();
            if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
            {
                try
                {
                    value = JsonNode.Parse(text);
                }
                catch (JsonException)
                {
                    value = text;
                }
            }
            Place(item, header[i], value);
        }
        try
        {
            return new JsonlRow(row.Line, row.RawText, null, null, JsonDocument.Parse(item.ToJsonString()));
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // A JSON column holding a lone surrogate escape cannot be written back out.
            return new JsonlRow(row.Line, row.RawText, $"a JSON column cannot be read: {exception.Message}", null, null);
        }
    }

    /// <summary>A dotted header (<c>properties.$browser</c>) puts its value inside the object it names.</summary>
    internal static void Place(JsonObject item, string column, JsonNode? value)
    {
        var parts = column.Split('.');
        var target = item;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (target[parts[i]] is JsonObject inner) target = inner;
            else if (target[parts[i]] is null)
            {
                inner = [];
                target[parts[i]] = inner;
                target = inner;
            }
            else
            {
                item[column] = value;
                return;
            }
        }
        target[parts[^1]] = value;
    }

    private static Stream OpenEntry(ZipArchiveEntry entry, string path)
    {
        try
        {
            var stream = entry.Open();
            return entry.FullName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        }
        catch (InvalidDataException exception)
        {
            throw new SextantException($"'{path}': entry '{entry.FullName}' cannot be read ({exception.Message})", exception);
        }
    }

    private static bool IsZip(string path)
    {
        if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)) return true;
        try
        {
            using var probe = File.OpenRead(path);
            Span<byte> magic = stackalloc byte[4];
            return probe.Read(magic) == 4 && magic.SequenceEqual("PK\u0003\u0004"u8);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static char? CsvDelimiterOf(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".gz", StringComparison.Ordinal)) name = name[..^3];
        return Path.GetExtension(name) switch
        {
            ".csv" => CsvDelimiter.Sniff(path),
            ".tsv" => '\t',
            _ => null,
        };
    }
}
