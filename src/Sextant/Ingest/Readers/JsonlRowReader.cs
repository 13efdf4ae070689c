using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Sextant.Ingest.Readers;

/// <summary>
/// Reads one JSON object per line. Blank lines are skipped (and counted); a line that is not
/// valid UTF-8, not valid JSON or not an object, or holds a key twice or a lone UTF-16
/// surrogate escape, comes back as a row with an error.
/// </summary>
internal sealed class JsonlRowReader : IDisposable
{
    private readonly Stream _stream;
    private readonly string _fileName;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
    private int _start;
    private int _end;
    private bool _endOfStream;
    private bool _atStart = true;
    private long _line;

    public JsonlRowReader(Stream stream, string fileName)
    {
        _stream = stream;
        _fileName = fileName;
    }

    public bool TryReadRow(out JsonlRow row)
    {
        while (true)
        {
            var length = NextLine(out var hasLine);
            if (!hasLine)
            {
                row = null!;
                return false;
            }
            var raw = _buffer.AsSpan(_start, length);
            _start += length;
            if (_start < _end && _buffer[_start] == (byte)'\n') _start++;
            _line++;
            if (raw.Length > 0 && raw[^1] == (byte)'\r') raw = raw[..^1];
            if (raw.Trim(" \t"u8).IsEmpty) continue;
            row = Parse(raw);
            return true;
        }
    }

    public void Dispose()
    {
        _stream.Dispose();
        if (_buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private JsonlRow Parse(ReadOnlySpan<byte> raw)
    {
        var invalidAt = ReaderErrors.InvalidUtf8Offset(raw);
        if (invalidAt >= 0)
            return new JsonlRow(_line, Encoding.UTF8.GetString(raw), ReaderErrors.InvalidTextReason(raw, invalidAt), raw.ToArray(), null);
        var text = Encoding.UTF8.GetString(raw);
        var bytes = raw.ToArray();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, JsonTextChecks.NoDuplicateKeys);
        }
        catch (JsonException exception)
        {
            if (JsonTextChecks.DuplicateKey(bytes) is { } key)
                return new JsonlRow(_line, text, $"duplicate key '{key}' (which value to keep is ambiguous)", null, null);
            var reason = exception.Message;
            var cut = reason.IndexOf(" Path:", StringComparison.Ordinal);
            if (cut > 0) reason = reason[..cut];
            return new JsonlRow(_line, text, $"malformed JSON: {reason.TrimEnd('.')}", null, null);
        }
        catch (InvalidOperationException)
        {
            // The duplicate-key check unescapes every key; one holding half a surrogate pair cannot be.
            return new JsonlRow(_line, text, JsonTextChecks.LoneSurrogate(bytes) ?? "lone UTF-16 surrogate escape in a key", null, null);
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = document.RootElement.ValueKind.ToString().ToLowerInvariant();
            document.Dispose();
            return new JsonlRow(_line, text, $"expected a JSON object, found {kind}", null, null);
        }
        if (JsonTextChecks.LoneSurrogate(bytes) is { } surrogate)
        {
            document.Dispose();
            return new JsonlRow(_line, text, surrogate, null, null);
        }
        return new JsonlRow(_line, text, null, null, document);
    }

    /// <summary>Length of the next line from _start (without '\n'), refilling the buffer as needed.</summary>
    private int NextLine(out bool hasLine)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                hasLine = true;
                return newline;
            }
            if (_endOfStream)
            {
                hasLine = _end > _start;
                return _end - _start;
            }
            Fill();
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _end).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        try
        {
            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0) _endOfStream = true;
            _end += read;
        }
        catch (Exception exception) when (ReaderErrors.IsReadFailure(exception))
        {
            throw ReaderErrors.ReadFailure(_fileName, _line + 1, exception);
        }
        if (_atStart && _end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF) _start = 3;
        if (_end >= 3 || _endOfStream) _atStart = false;
    }
}
