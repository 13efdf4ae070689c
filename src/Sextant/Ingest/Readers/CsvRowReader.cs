using System.Buffers;
using System.Text;

namespace Sextant.Ingest.Readers;

/// <summary>
/// A streaming RFC 4180 reader over UTF-8 bytes. It scans pooled byte buffers, creates strings
/// only for finished fields, keeps physical line numbers right across quoted line breaks, and
/// reports bad records (wrong column count, invalid UTF-8, unterminated quotes, rows over
/// 16 MiB) as rows with an error instead of stopping.
/// </summary>
internal sealed class CsvRowReader : IDisposable
{
    private const int MaxRecordBytes = 16 << 20;
    private readonly Stream _stream;
    private readonly string _fileName;
    private readonly byte _delimiter;
    private readonly List<(int Start, int Length, FieldKind Kind)> _fields = [];
    private readonly SearchValues<byte> _fieldEnds;
    private readonly StringPool _pool = new();
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
    private int _start;
    private int _end;
    private bool _endOfStream;
    private long _line = 1;
    private long _generation;

    public CsvRowReader(Stream stream, string fileName, char delimiter = ',')
    {
        _stream = stream;
        _fileName = fileName;
        _delimiter = (byte)delimiter;
        _fieldEnds = SearchValues.Create([_delimiter, (byte)'\n', (byte)'\r']);
        Fill();
        if (_end - _start >= 3 && _buffer[_start] == 0xEF && _buffer[_start + 1] == 0xBB && _buffer[_start + 2] == 0xBF) _start += 3;

        var header = NextRecord();
        if (header is null) throw new SextantException($"'{fileName}': the file is empty");
        if (header.RawBytes is not null) throw new SextantException($"'{fileName}' line 1: the header is not valid UTF-8");
        if (header.Error is not null && header.Error.StartsWith("unterminated", StringComparison.Ordinal))
            throw new SextantException($"'{fileName}' line {header.Line}: the header has an unterminated quoted field");
        Header = header.Fields.Select(f => f.Trim()).ToArray();
        RefuseDuplicateNames(Header, fileName);
        ExpectedColumns = Header.Count;
    }

    /// <summary>Column names of the header row, trimmed.</summary>
    public IReadOnlyList<string> Header { get; }

    private int ExpectedColumns { get; } = -1;

    /// <summary>Reads the next record; false at the end of the file.</summary>
    public bool TryReadRow(out CsvRow row)
    {
        row = NextRecord()!;
        return row is not null;
    }

    public void Dispose()
    {
        _stream.Dispose();
        if (_buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    /// <summary>
    /// Two columns of the same name would leave it to chance which one a value comes from,
    /// so such a header stops the file before anything is read from it.
    /// </summary>
    private static void RefuseDuplicateNames(IReadOnlyList<string> header, string fileName)
    {
        var firstColumn = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            if (firstColumn.TryAdd(header[i], i + 1)) continue;
            throw new SextantException(
                $"'{fileName}' line 1: duplicate column name '{header[i]}' in the header (columns {firstColumn[header[i]]} and {i + 1}); rename or remove one");
        }
    }

    private CsvRow? NextRecord()
    {
        while (true)
        {
            SkipBlankLines();
            if (_start >= _end && _endOfStream) return null;

            var outcome = ScanRecord(out var recordEnd, out var next);
            if (outcome == ScanOutcome.NeedMoreData)
            {
                if (_endOfStream) return Unterminated();
                if (_end - _start >= MaxRecordBytes) return TooLong();
                Grow();
                Fill();
                continue;
            }
            return BuildRow(recordEnd, next);
        }
    }

    private enum ScanOutcome
    {
        Complete,
        NeedMoreData,
    }

    /// <summary>Finds the fields of the record at _start; recordEnd excludes the terminator, next is after it.</summary>
    private ScanOutcome ScanRecord(out int recordEnd, out int next)
    {
        _fields.Clear();
        var buffer = _buffer;
        var i = _start;
        recordEnd = next = 0;
        while (true)
        {
            if (i < _end && buffer[i] == (byte)'"')
            {
                var contentStart = i + 1;
                var j = contentStart;
                while (true)
                {
                    var quote = j < _end ? buffer.AsSpan(j, _end - j).IndexOf((byte)'"') : -1;
                    if (quote < 0) return ScanOutcome.NeedMoreData;
                    j += quote;
                    if (j + 1 >= _end && !_endOfStream) return ScanOutcome.NeedMoreData;
                    if (j + 1 < _end && buffer[j + 1] == (byte)'"')
                    {
                        j += 2;
                        continue;
                    }
                    break;
                }
                // Text after a closing quote up to the next delimiter is kept, as lenient readers do.
                var afterQuote = j + 1;
                var rest = afterQuote < _end ? buffer.AsSpan(afterQuote, _end - afterQuote).IndexOfAny(_fieldEnds) : 0;
                if (rest < 0)
                {
                    if (!_endOfStream) return ScanOutcome.NeedMoreData;
                    rest = _end - afterQuote;
                }
                if (rest == 0) _fields.Add((contentStart, j - contentStart, FieldKind.Quoted));
                else _fields.Add((i, afterQuote + rest - i, FieldKind.Mixed));
                i = afterQuote + rest;
            }
            else
            {
                var length = i < _end ? buffer.AsSpan(i, _end - i).IndexOfAny(_fieldEnds) : -1;
                if (length < 0)
                {
                    if (!_endOfStream) return ScanOutcome.NeedMoreData;
                    length = _end - i;
                }
                _fields.Add((i, length, FieldKind.Plain));
                i += length;
            }

            if (i < _end && buffer[i] == _delimiter)
            {
                i++;
                continue;
            }
            recordEnd = i;
            if (i >= _end)
            {
                if (!_endOfStream) return ScanOutcome.NeedMoreData;
                next = i;
            }
            else if (buffer[i] == (byte)'\r')
            {
                if (i + 1 >= _end && !_endOfStream) return ScanOutcome.NeedMoreData;
                next = i + 1 < _end && buffer[i + 1] == (byte)'\n' ? i + 2 : i + 1;
            }
            else
            {
                next = i + 1;
            }
            return ScanOutcome.Complete;
        }
    }

    /// <summary>How a field was written: plain, "quoted", or "quoted" followed by more text.</summary>
    private enum FieldKind : byte
    {
        Plain,
        Quoted,
        Mixed,
    }

    private CsvRow BuildRow(int recordEnd, int next)
    {
        var raw = _buffer.AsSpan(_start, recordEnd - _start);
        var line = _line;
        _line += 1 + CountLineBreaks(raw);
        var invalidAt = ReaderErrors.InvalidUtf8Offset(raw);
        CsvRow row;
        if (invalidAt >= 0)
        {
            row = new CsvRow(line, [], Encoding.UTF8.GetString(raw), ReaderErrors.InvalidTextReason(raw, invalidAt), raw.ToArray());
        }
        else
        {
            var fields = new string[_fields.Count];
            for (var f = 0; f < fields.Length; f++) fields[f] = BuildField(f);
            var error = ExpectedColumns >= 0 && fields.Length != ExpectedColumns ? $"expected {ExpectedColumns} columns, found {fields.Length}" : null;
            row = new CsvRow(line, fields, error, null, this, _start, recordEnd - _start, _generation);
        }
        _start = next;
        return row;
    }

    private string BuildField(int index)
    {
        var (start, length, kind) = _fields[index];
        var span = _buffer.AsSpan(start, length);
        return kind switch
        {
            FieldKind.Plain => _pool.Get(span),
            FieldKind.Quoted when span.IndexOf((byte)'"') < 0 => _pool.Get(span),
            _ => Unescape(span, kind == FieldKind.Mixed),
        };
    }

    /// <summary>Turns "" into " inside quotes; a mixed field also drops its opening and closing quotes.</summary>
    private static string Unescape(ReadOnlySpan<byte> span, bool mixed)
    {
        var output = new byte[span.Length];
        var count = 0;
        var inQuotes = !mixed;
        for (var i = 0; i < span.Length; i++)
        {
            var b = span[i];
            if (b == (byte)'"')
            {
                if (inQuotes && i + 1 < span.Length && span[i + 1] == (byte)'"')
                {
                    output[count++] = b;
                    i++;
                    continue;
                }
                if (mixed)
                {
                    inQuotes = !inQuotes;
                    continue;
                }
            }
            output[count++] = b;
        }
        return Encoding.UTF8.GetString(output, 0, count);
    }

    private static long CountLineBreaks(ReadOnlySpan<byte> raw)
    {
        long breaks = raw.Count((byte)'\n');
        if (raw.IndexOf((byte)'\r') < 0) return breaks;
        for (var i = 0; i < raw.Length; i++)
            if (raw[i] == (byte)'\r' && (i + 1 >= raw.Length || raw[i + 1] != (byte)'\n')) breaks++;
        return breaks;
    }

    private void SkipBlankLines()
    {
        while (true)
        {
            var i = _start;
            while (i < _end && (_buffer[i] == (byte)' ' || _buffer[i] == (byte)'\t')) i++;
            if (i >= _end)
            {
                if (_endOfStream || i - _start > MaxRecordBytes)
                {
                    if (_endOfStream) _start = i;
                    return;
                }
                Grow();
                Fill();
                continue;
            }
            var b = _buffer[i];
            if (b == (byte)'\n')
            {
                _start = i + 1;
                _line++;
            }
            else if (b == (byte)'\r')
            {
                if (i + 1 >= _end && !_endOfStream)
                {
                    Fill();
                    continue;
                }
                _start = i + 1 < _end && _buffer[i + 1] == (byte)'\n' ? i + 2 : i + 1;
                _line++;
            }
            else
            {
                return;
            }
        }
    }

    private CsvRow Unterminated()
    {
        var raw = _buffer.AsSpan(_start, _end - _start);
        var line = _line;
        _line += CountLineBreaks(raw);
        var valid = ReaderErrors.InvalidUtf8Offset(raw) < 0;
        var row = new CsvRow(line, [], Encoding.UTF8.GetString(raw).TrimEnd('\r', '\n'), "unterminated quoted field", valid ? null : raw.ToArray());
        _start = _end;
        return row;
    }

    private CsvRow TooLong()
    {
        var line = _line;
        var preview = Encoding.UTF8.GetString(_buffer.AsSpan(_start, 200));
        // Skip to the next line break, ignoring quotes: the record cannot be trusted.
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _start += newline + 1;
                break;
            }
            _start = _end;
            if (_endOfStream) break;
            Fill();
        }
        _line++;
        return new CsvRow(line, [], preview + "...", "row longer than 16 MiB", null);
    }

    /// <summary>Text of a record still in the buffer; rows keep it until the buffer moves.</summary>
    internal string TextAt(int start, int length, long generation)
    {
        if (generation != _generation) throw new InvalidOperationException("a CSV row's raw text is available only until the next row is read");
        return Encoding.UTF8.GetString(_buffer, start, length);
    }

    private void Grow()
    {
        if (_start > 0 || _end < _buffer.Length) return;
        _generation++;
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, MaxRecordBytes + (1 << 20)));
        _buffer.AsSpan(0, _end).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }

    private void Fill()
    {
        if (_endOfStream) return;
        _generation++;
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length) Grow();
        try
        {
            while (_end < _buffer.Length)
            {
                var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
                if (read == 0)
                {
                    _endOfStream = true;
                    return;
                }
                _end += read;
            }
        }
        catch (Exception exception) when (ReaderErrors.IsReadFailure(exception))
        {
            throw ReaderErrors.ReadFailure(_fileName, _line, exception);
        }
    }
}
