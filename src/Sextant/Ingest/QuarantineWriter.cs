using System.Text.Json;

namespace Sextant.Ingest;

/// <summary>
/// Appends bad rows to a JSON-lines file: one object per row with the file, line, record kind,
/// reason and raw text (plus the raw bytes in base64 when they are not valid UTF-8).
/// </summary>
internal sealed class QuarantineWriter : IDisposable
{
    private readonly string _path;
    private readonly string _importedAt;
    private readonly Lock _lock = new();
    private FileStream? _stream;
    private Utf8JsonWriter? _writer;

    public QuarantineWriter(string path, DateTimeOffset importTime)
    {
        _path = path;
        _importedAt = importTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Write(string file, long line, string kind, string reason, string rawText, byte[]? rawBytes)
    {
        lock (_lock) WriteLocked(file, line, kind, reason, rawText, rawBytes);
    }

    private void WriteLocked(string file, long line, string kind, string reason, string rawText, byte[]? rawBytes)
    {
        if (_stream is null)
        {
            try
            {
                _stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new SextantException($"cannot write the quarantine file '{_path}': {exception.Message}", exception);
            }
            _writer = new Utf8JsonWriter(_stream);
        }
        var writer = _writer!;
        writer.Reset(_stream);
        writer.WriteStartObject();
        writer.WriteString("file", file);
        writer.WriteNumber("line", line);
        writer.WriteString("kind", kind);
        writer.WriteString("reason", reason);
        writer.WriteString("raw", rawText);
        if (rawBytes is not null) writer.WriteString("raw_base64", Convert.ToBase64String(rawBytes));
        writer.WriteString("imported_at", _importedAt);
        writer.WriteEndObject();
        writer.Flush();
        _stream!.Write("\n"u8);
    }

    public void Flush()
    {
        lock (_lock) _stream?.Flush(flushToDisk: false);
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _stream?.Dispose();
    }

    /// <summary>
    /// Beside a store file (SQLite or DuckDB) as <c>FILE.quarantine.jsonl</c>; for a database server,
    /// which has no file to sit beside, <c>sextant.quarantine.jsonl</c> in the current directory.
    /// </summary>
    internal static string DefaultPathFor(string storeLocation)
    {
        var url = Storage.Warehouse.StoreUrl.Parse(storeLocation);
        if (!url.IsWarehouse) return storeLocation + ".quarantine.jsonl";
        return url.Path is { } file ? file + ".quarantine.jsonl" : Path.GetFullPath(ServerDefaultFile);
    }

    /// <summary>The quarantine file of a database-server store, in the current directory.</summary>
    internal const string ServerDefaultFile = "sextant.quarantine.jsonl";

}
