using System.Buffers;
using System.Text;

namespace Sextant.Ingest.Readers;

/// <summary>
/// A streaming RFC 4180 reader over UTF-8 bytes. It scans pooled byte buffers, creates strings
/// only for finished fields, keeps physical line numbers right across quoted line breaks, and
/// reports bad records (wrong column count, invalid UTF-8, unterminated quotes, rows over
/// 16 MiB) as rows with an error instead of stopping.
/// <para>
/// A reader over a stream reads the header, then either yields rows itself or hands out blocks
/// of whole lines (<see cref="TakeBlock"/>) that block readers (<see cref="ForBlock"/>) parse on
/// other threads. A block reader numbers lines from 1 at its first byte and stops, leaving
/// <see cref="Leftover"/>, at a record its block does not finish (a quoted line break at the cut).
/// </para>
/// </summary>
internal sealed class CsvRowReader : IDisposable
{
    private const int MaxRecordBytes = 16 << 20;
    private readonly Stream? _stream;
    private readonly string _fileName;
    private readonly byte _delimiter;
    private readonly List<(int Start, int Length, FieldKind Kind)> _fields = [];
    private readonly SearchValues<byte> _fieldEnds;
    private readonly StringPool _pool;
    // Per column: lookups and pool hits of the first values, and whether the column is still pooled.
    private int[] _poolLookups = [];
    private int[] _poolHits = [];
    private readonly bool _ownsBuffer = true;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _endOfStream;
    private bool _blockStopped;
    private long _line = 1;
    private long _generation;

    public CsvRowReader(Stream stream, string fileName, char delimiter = ',')
    {
        _stream = stream;
        _fileName = fileName;
        _delimiter = (byte)delimiter;
        _fieldEnds = SearchValues.Create([_delimiter, (byte)'\n', (byte)'\r']);
        _pool = new StringPool();
        _buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
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

    private CsvRowReader(byte[] block, int length, bool final, CsvRowReader source, StringPool pool)
    {
        _stream = null;
        _fileName = source._fileName;
        _delimiter = source._delimiter;
        _fieldEnds = source._fieldEnds;
        _pool = pool;
        _ownsBuffer = false;
        _buffer = block;
        _end = length;
        _endOfStream = final;
        Header = source.Header;
        ExpectedColumns = source.ExpectedColumns;
    }

    /// <summary>Column names of the header row, trimmed.</summary>
    public IReadOnlyList<string> Header { get; }

    private int ExpectedColumns { get; } = -1;

    /// <summary>The physical line of the next unread byte: after the header, the line a first block starts on.</summary>
    public long NextLine => _line;

    /// <summary>
    /// Where a block reader stopped at a record its block does not finish, or −1 when it read the
    /// block to its end. The record continues in the next block, so the bytes from here on are
    /// parsed again joined to it.
    /// </summary>
    public int Leftover => _blockStopped ? _start : -1;

    /// <summary>Line breaks consumed so far: lines a block reader's rows (and its leftover) sit below its first line.</summary>
    public long LinesConsumed => _line - 1;

    /// <summary>
    /// A reader of one block of this file's records: <paramref name="block"/> holds whole lines
    /// (the cut is after a line feed), <paramref name="final"/> when it ends the file. The block's
    /// buffer must stay unchanged while its rows are read.
    /// </summary>
    public CsvRowReader ForBlock(byte[] block, int length, bool final, StringPool pool) => new(block, length, final, this, pool);

    /// <summary>
    /// Cuts the next block of the unread data (after the header), at most about
    /// <paramref name="size"/> bytes ending after a line feed, into a pooled array the caller
    /// returns to <see cref="ArrayPool{T}.Shared"/>. False at the end of the file.
    /// </summary>
    /// <exception cref="SextantException">The file cannot be read to its end.</exception>
    public bool TakeBlock(int size, out byte[] block, out int length, out bool final)
    {
        while (true)
        {
            if (_end - _start < size && !_endOfStream) Fill();
            var unread = _buffer.AsSpan(_start, _end - _start);
            if (unread.IsEmpty && _endOfStream)
            {
                block = [];
                length = 0;
                final = true;
                return false;
            }
            var cut = unread.Length;
            if (!_endOfStream || unread.Length > size)
            {
                cut = unread[..Math.Min(unread.Length, size)].LastIndexOf((byte)'\n') + 1;
                // A line longer than a block makes a longer block.
                if (cut == 0 && unread.Length > size && unread[size..].IndexOf((byte)'\n') is var after and >= 0) cut = size + after + 1;
                if (cut == 0 && !_endOfStream)
                {
                    if (_start > 0 || _end < _buffer.Length)
                    {
                        Fill();
                        continue;
                    }
                    var before = _buffer.Length;
                    Grow();
                    if (_buffer.Length != before) continue;
                }
                // No line feed in the largest buffer: cut anyway; its block reader reports the line as too long.
                if (cut == 0) cut = unread.Length;
            }
            block = ArrayPool<byte>.Shared.Rent(Math.Max(cut, 1));
            unread[..cut].CopyTo(block);
            length = cut;
            _line += unread[..cut].Count((byte)'\n');
            _start += cut;
            final = _endOfStream && _start >= _end;
            return true;
        }
    }

    /// <summary>Reads the next record; false at the end of the file.</summary>
    public bool TryReadRow(out CsvRow row)
    {
        row = NextRecord()!;
        return row is not null;
    }

    public void Dispose()
    {
        _stream?.Dispose();
        if (_ownsBuffer && _buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
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
            if (_blockStopped) return null;
            if (_start >= _end && (_endOfStream || IsBlock)) return null;

            var outcome = ScanRecord(out var recordEnd, out var next);
            if (outcome == ScanOutcome.NeedMoreData)
            {
                if (_endOfStream) return Unterminated();
                if (_end - _start >= MaxRecordBytes) return TooLong();
                if (IsBlock) return StopBlock();
                Grow();
                Fill();
                continue;
            }
            return BuildRow(recordEnd, next);
        }
    }

    /// <summary>A block reader has no stream to fill from: what its block lacks is in the next one.</summary>
    private bool IsBlock => _stream is null;

    private CsvRow? StopBlock()
    {
        _blockStopped = true;
        return null;
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
            FieldKind.Plain => Pooled(index, span),
            FieldKind.Quoted when span.IndexOf((byte)'"') < 0 => Pooled(index, span),
            _ => Unescape(span, kind == FieldKind.Mixed),
        };
    }

    /// <summary>
    /// The field's string, through the pool while its column's values repeat. A column whose
    /// values are nearly all new (event ids, timestamps) stops being pooled after a sample of
    /// rows: hashing and comparing each of its values would only cost time.
    /// </summary>
    private string Pooled(int column, ReadOnlySpan<byte> span)
    {
        const int Sample = 256;
        if (column >= _poolLookups.Length)
        {
            Array.Resize(ref _poolLookups, column + 1);
            Array.Resize(ref _poolHits, column + 1);
        }
        var lookups = _poolLookups[column];
        if (lookups >= Sample && _poolHits[column] * 8 < lookups) return Encoding.UTF8.GetString(span);
        var text = _pool.Get(span, out var hit);
        if (lookups < Sample)
        {
            _poolLookups[column] = lookups + 1;
            if (hit) _poolHits[column]++;
        }
        return text;
    }

    /// <summary>Turns "" into " inside quotes; a mixed field also drops its opening and closing quotes.</summary>
    private static string Unescape(ReadOnlySpan<byte> span, bool mixed)
    {
        // The unescaped bytes live only until they are decoded: on the stack when small.
        Span<byte> output = span.Length <= 512 ? stackalloc byte[span.Length] : new byte[span.Length];
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
        return Encoding.UTF8.GetString(output[..count]);
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
                if (IsBlock && !_endOfStream)
                {
                    // Blanks at the cut: whether they end a blank line or start a record, the next block tells.
                    if (i > _start) _blockStopped = true;
                    return;
                }
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
                    if (IsBlock)
                    {
                        _blockStopped = true;
                        return;
                    }
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
            if (_endOfStream || IsBlock) break;
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
        if (IsBlock || _start > 0 || _end < _buffer.Length) return;
        _generation++;
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, MaxRecordBytes + (1 << 20)));
        _buffer.AsSpan(0, _end).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }

    private void Fill()
    {
        if (_endOfStream || IsBlock) return;
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
                var read = _stream!.Read(_buffer, _end, _buffer.Length - _end);
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
