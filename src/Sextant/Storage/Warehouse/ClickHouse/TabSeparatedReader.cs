using System.Text;

namespace Sextant.Storage.Warehouse.ClickHouse;

/// <summary>
/// Reads ClickHouse's TabSeparated output row by row from a stream: fields split on tabs, rows
/// on newlines, with the escapes <c>\t \n \r \\ \0 \' \b \f</c> undone and <c>\N</c> read as NULL.
/// </summary>
internal sealed class TabSeparatedReader(TextReader input)
{
    private readonly char[] _buffer = new char[1 << 16];
    private readonly StringBuilder _field = new();
    private int _position;
    private int _length;

    /// <summary>Reads the next row into <paramref name="fields"/> (null for NULL); false at the end of the input.</summary>
    /// <exception cref="FormatException">The input ends inside an escape.</exception>
    public bool ReadRow(List<string?> fields)
    {
        fields.Clear();
        _field.Clear();
        var isNull = false;
        var any = false;
        while (true)
        {
            if (_position == _length && !Fill())
            {
                if (!any) return false;
                // The last row lacks its newline: keep it rather than lose it.
                fields.Add(isNull ? null : _field.ToString());
                return true;
            }
            any = true;
            var c = _buffer[_position++];
            switch (c)
            {
                case '\t':
                    fields.Add(isNull ? null : _field.ToString());
                    _field.Clear();
                    isNull = false;
                    break;
                case '\n':
                    fields.Add(isNull ? null : _field.ToString());
                    return true;
                case '\\':
                    if (_position == _length && !Fill()) throw new FormatException("the answer ends inside an escape");
                    var escaped = _buffer[_position++];
                    if (escaped == 'N' && _field.Length == 0)
                    {
                        isNull = true;
                        break;
                    }
                    _field.Append(escaped switch
                    {
                        't' => '\t',
                        'n' => '\n',
                        'r' => '\r',
                        '0' => '\0',
                        'b' => '\b',
                        'f' => '\f',
                        'a' => '\a',
                        'v' => '\v',
                        // \\ \' and any other escaped character stand for themselves.
                        _ => escaped,
                    });
                    break;
                default:
                    // Plain runs are the common case: copy up to the next special character at once.
                    var start = _position - 1;
                    var end = _buffer.AsSpan(start, _length - start).IndexOfAny('\t', '\n', '\\');
                    var run = end < 0 ? _length - start : end;
                    _field.Append(_buffer, start, run);
                    _position = start + run;
                    break;
            }
        }
    }

    private bool Fill()
    {
        _length = input.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}
