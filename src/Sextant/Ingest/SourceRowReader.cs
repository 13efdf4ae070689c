using Sextant.Events;
using Sextant.Ingest.Mapping;
using Sextant.Ingest.Readers;

namespace Sextant.Ingest;

/// <summary>One row as read from a file, before mapping: where it was, any read error, and its raw text on demand.</summary>
internal readonly struct RowOrigin
{
    private readonly CsvRow? _csv;
    private readonly JsonlRow? _json;

    public RowOrigin(CsvRow row)
    {
        _csv = row;
        Line = row.Line;
        Error = row.Error;
        RawBytes = row.RawBytes;
    }

    public RowOrigin(JsonlRow row)
    {
        _json = row;
        Line = row.Line;
        Error = row.Error;
        RawBytes = row.RawBytes;
    }

    public long Line { get; }

    public string? Error { get; }

    public byte[]? RawBytes { get; }

    /// <summary>The row's text; read it before the next row is read.</summary>
    public string RawText => _csv?.RawText ?? _json?.RawText ?? "";
}

/// <summary>
/// Reads a CSV, JSON-lines or Parquet file as mapped rows of one record kind. Opening it reads the header
/// (or the first object of a JSON-lines file) and fails with a clear error when the file cannot
/// be read or its columns cannot make that kind of record.
/// </summary>
internal sealed class SourceRowReader : IDisposable
{
    private readonly CsvRowReader? _csv;
    private readonly JsonlRowReader? _jsonl;
    private readonly int[] _slotOfColumn = [];
    private readonly IReadOnlyDictionary<string, string> _explicitMap;
    private readonly CountingStream _counter;
    private JsonlRow? _currentJsonRow;

    private SourceRowReader(string path, RecordKind kind, IngestOptions options, CountingStream counter, CsvRowReader? csv, JsonlRowReader? jsonl, IReadOnlyList<string> columns)
    {
        Path = path;
        Kind = kind;
        _counter = counter;
        _csv = csv;
        _jsonl = jsonl;
        _explicitMap = options.MapFor(kind);
        Mapping = ColumnMapping.Create(kind, columns, _explicitMap, path);
        if (csv is not null)
        {
            _slotOfColumn = columns.Select(Mapping.SlotOf).ToArray();
            RequireColumns(columns);
        }
    }

    public string Path { get; }

    public RecordKind Kind { get; }

    public ColumnMapping Mapping { get; }

    /// <summary>csv, jsonl or parquet.</summary>
    public string Format => DefaultSource;

    public string DefaultSource => _csv is not null ? "csv" : SourceFormat.Detect(Path) == SourceFormatKind.Parquet ? "parquet" : "jsonl";

    public long BytesRead => _counter.BytesRead;

    public long TotalBytes => _counter.Length;

    /// <summary>The CSV reader, or null for a JSON-lines file; CSV blocks are parsed in parallel.</summary>
    public CsvRowReader? Csv => _csv;

    /// <summary>Maps a good row of this file's CSV (read by this reader or one of its block readers).</summary>
    public void MapCsv(CsvRow csvRow, MappedRow row) => RowMappers.FromCsv(csvRow.Fields, _csv!.Header, _slotOfColumn, row);

    public static SourceRowReader Open(string path, IngestOptions options)
    {
        var format = SourceFormat.Detect(path);
        var counter = new CountingStream(path);
        try
        {
            var stream = SourceFile.Wrap(counter, path);
            if (format == SourceFormatKind.Csv)
            {
                var csv = new CsvRowReader(stream, path, SourceFormat.DelimiterFor(path));
                var kind = options.Kind ?? KindDetector.FromColumns(csv.Header, options, path);
                return new SourceRowReader(path, kind, options, counter, csv, null, csv.Header);
            }

            if (format == SourceFormatKind.Parquet)
            {
                var (rows, columns) = ParquetJsonLines.Open(path);
                var parquetKind = options.Kind ?? KindDetector.FromColumns(columns, options, path);
                return new SourceRowReader(path, parquetKind, options, counter, null, new JsonlRowReader(rows, path), columns);
            }

            var keys = options.Kind is null ? FirstObjectKeys(path) : [];
            var jsonKind = options.Kind ?? KindDetector.FromColumns(keys, options, path);
            var jsonl = new JsonlRowReader(stream, path);
            return new SourceRowReader(path, jsonKind, options, counter, null, jsonl, keys);
        }
        catch
        {
            counter.Dispose();
            throw;
        }
    }

    /// <summary>Reads the next row into <paramref name="row"/>; false at the end of the file.</summary>
    public bool TryRead(MappedRow row, out RowOrigin origin)
    {
        if (_csv is not null)
        {
            if (!_csv.TryReadRow(out var csvRow))
            {
                origin = default;
                return false;
            }
            origin = new RowOrigin(csvRow);
            if (csvRow.Error is null) RowMappers.FromCsv(csvRow.Fields, _csv.Header, _slotOfColumn, row);
            return true;
        }

        if (!_jsonl!.TryReadRow(out var jsonRow))
        {
            origin = default;
            return false;
        }
        // The mapped row may point into this document (extra JSON values), so it lives until the next read.
        _currentJsonRow?.Dispose();
        _currentJsonRow = jsonRow;
        origin = new RowOrigin(jsonRow);
        if (jsonRow.Error is null) RowMappers.FromJson(jsonRow.Root, Mapping, _explicitMap, row);
        return true;
    }

    public void Dispose()
    {
        _currentJsonRow?.Dispose();
        _csv?.Dispose();
        _jsonl?.Dispose();
        _counter.Dispose();
    }

    private void RequireColumns(IReadOnlyList<string> columns)
    {
        var required = Kind switch
        {
            RecordKind.Events => new[] { "event" },
            RecordKind.Users => ["user_id"],
            RecordKind.Subscriptions => ["subscription_id", "user_id"],
            _ => ["experiment", "user_id", "variant"],
        };
        var found = string.Join(", ", columns);
        if (Kind == RecordKind.Events && !Mapping.Maps("user_id") && !Mapping.Maps("anonymous_id"))
            throw new SextantException($"'{Path}': no column maps to user_id or anonymous_id (columns: {found}); name one with --map COLUMN=user_id");
        foreach (var column in required)
        {
            if (!Mapping.Maps(column))
                throw new SextantException($"'{Path}': no column maps to {column} (columns: {found}); name one with --map COLUMN={column}");
        }
    }

    private static string[] FirstObjectKeys(string path)
    {
        using var stream = SourceFile.OpenRead(path);
        using var reader = new JsonlRowReader(stream, path);
        while (reader.TryReadRow(out var row))
        {
            using (row)
            {
                if (row.Error is null) return row.Root.EnumerateObject().Select(p => p.Name).ToArray();
            }
        }
        return [];
    }
}
