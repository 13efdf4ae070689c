namespace Sextant.Ingest.Readers;

/// <summary>
/// Turns UTF-16 text into the UTF-8 the row readers expect, dropping a leading byte-order mark.
/// A surrogate without its pair cannot be UTF-8; it is passed on as the three bytes it would
/// take (ED A0 80 for \ud800), which the row readers refuse, so its row is quarantined with a
/// reason instead of being altered into U+FFFD.
/// </summary>
internal sealed class Utf16ToUtf8Stream(Stream inner, bool bigEndian) : ForwardOnlyStream
{
    private readonly byte[] _input = new byte[1 << 16];
    private readonly byte[] _output = new byte[(1 << 16) / 2 * 3 + 8];
    private int _inputLength;
    private int _outputStart;
    private int _outputEnd;
    private int _pendingHigh = -1;
    private bool _atStart = true;
    private bool _endOfInput;

    public override int Read(Span<byte> buffer)
    {
        while (_outputStart == _outputEnd)
        {
            if (_endOfInput) return 0;
            Decode();
        }
        var count = Math.Min(buffer.Length, _outputEnd - _outputStart);
        _output.AsSpan(_outputStart, count).CopyTo(buffer);
        _outputStart += count;
        return count;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    private void Decode()
    {
        var read = inner.Read(_input, _inputLength, _input.Length - _inputLength);
        _inputLength += read;
        _outputStart = _outputEnd = 0;
        if (read == 0)
        {
            _endOfInput = true;
            if (_pendingHigh >= 0) WriteUnit(_pendingHigh);
            _pendingHigh = -1;
            if (_inputLength % 2 != 0)
                throw new InvalidDataException("the UTF-16 text ends in the middle of a character (an odd number of bytes)");
            return;
        }
        var whole = _inputLength & ~1;
        for (var i = 0; i < whole; i += 2)
        {
            var unit = bigEndian ? (_input[i] << 8) | _input[i + 1] : _input[i] | (_input[i + 1] << 8);
            if (_atStart)
            {
                _atStart = false;
                if (unit == 0xFEFF) continue;
            }
            if (_pendingHigh >= 0)
            {
                if (unit is >= 0xDC00 and <= 0xDFFF)
                {
                    WriteScalar(0x10000 + ((_pendingHigh - 0xD800) << 10) + (unit - 0xDC00));
                    _pendingHigh = -1;
                    continue;
                }
                WriteUnit(_pendingHigh);
                _pendingHigh = -1;
            }
            if (unit is >= 0xD800 and <= 0xDBFF) _pendingHigh = unit;
            else WriteUnit(unit);
        }
        // An odd byte waits for its partner in the next read.
        if (whole < _inputLength) _input[0] = _input[whole];
        _inputLength -= whole;
    }

    /// <summary>One code unit that is not part of a pair (a lone surrogate comes out as its three-byte form).</summary>
    private void WriteUnit(int unit) => WriteScalar(unit);

    private void WriteScalar(int value)
    {
        if (value < 0x80)
        {
            _output[_outputEnd++] = (byte)value;
        }
        else if (value < 0x800)
        {
            _output[_outputEnd++] = (byte)(0xC0 | (value >> 6));
            _output[_outputEnd++] = (byte)(0x80 | (value & 0x3F));
        }
        else if (value < 0x10000)
        {
            _output[_outputEnd++] = (byte)(0xE0 | (value >> 12));
            _output[_outputEnd++] = (byte)(0x80 | ((value >> 6) & 0x3F));
            _output[_outputEnd++] = (byte)(0x80 | (value & 0x3F));
        }
        else
        {
            _output[_outputEnd++] = (byte)(0xF0 | (value >> 18));
            _output[_outputEnd++] = (byte)(0x80 | ((value >> 12) & 0x3F));
            _output[_outputEnd++] = (byte)(0x80 | ((value >> 6) & 0x3F));
            _output[_outputEnd++] = (byte)(0x80 | (value & 0x3F));
        }
    }
}
