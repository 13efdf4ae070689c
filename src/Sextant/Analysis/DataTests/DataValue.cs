using System.Globalization;
using Sextant.Events;

namespace Sextant.Analysis.DataTests;

/// <summary>The type of a column or of an expression's value in a data test.</summary>
public enum DataType
{
    /// <summary>Only null (a <c>null</c> literal): compares with anything and yields null.</summary>
    Null,

    /// <summary>A number (integers and reals alike, as doubles).</summary>
    Number,

    /// <summary>Text, compared ordinally (case-sensitive).</summary>
    Text,

    /// <summary>true or false.</summary>
    Bool,

    /// <summary>An instant (UTC microseconds since the Unix epoch).</summary>
    Instant,
}

/// <summary>One value of a data-test column or expression: null, a number, text, a flag or an instant.</summary>
internal readonly struct DataValue
{
    private readonly double _number;
    private readonly long _bits;
    private readonly string? _text;

    private DataValue(DataType type, double number, long bits, string? text)
    {
        Type = type;
        _number = number;
        _bits = bits;
        _text = text;
    }

    /// <summary>SQL's null: unknown.</summary>
    public static DataValue Null => default;

    /// <summary>What the value is; <see cref="DataType.Null"/> for null.</summary>
    public DataType Type { get; }

    /// <summary>True for null.</summary>
    public bool IsNull => Type == DataType.Null;

    /// <summary>The number (only for <see cref="DataType.Number"/>).</summary>
    public double Number => _number;

    /// <summary>The text (only for <see cref="DataType.Text"/>).</summary>
    public string Text => _text ?? "";

    /// <summary>The flag (only for <see cref="DataType.Bool"/>).</summary>
    public bool Flag => _bits != 0;

    /// <summary>The instant in UTC microseconds (only for <see cref="DataType.Instant"/>).</summary>
    public long Micros => _bits;

    public static DataValue OfNumber(double number) => double.IsNaN(number) ? Null : new(DataType.Number, number, 0, null);

    public static DataValue OfText(string? text) => text is null ? Null : new(DataType.Text, 0, 0, text);

    public static DataValue OfBool(bool flag) => new(DataType.Bool, 0, flag ? 1 : 0, null);

    public static DataValue OfBool(bool? flag) => flag is { } value ? OfBool(value) : Null;

    public static DataValue OfInstant(long micros) => new(DataType.Instant, 0, micros, null);

    /// <summary>The value as text, for accepted values, uniqueness and failure files: numbers in invariant culture, instants in ISO-8601 UTC.</summary>
    public string? AsText() => Type switch
    {
        DataType.Null => null,
        DataType.Number => _number.ToString(CultureInfo.InvariantCulture),
        DataType.Text => _text,
        DataType.Bool => Flag ? "true" : "false",
        _ => new Timestamp(_bits).ToString(),
    };

    /// <summary>The value as a result-table cell (string, double, bool, long instant) or null.</summary>
    public object? AsCell() => Type switch
    {
        DataType.Null => null,
        DataType.Number => _number,
        DataType.Text => _text,
        DataType.Bool => Flag,
        _ => _bits,
    };

    /// <summary>Orders two non-null values of one type; text ordinally.</summary>
    public static int Compare(DataValue left, DataValue right) => left.Type switch
    {
        DataType.Number => left._number.CompareTo(right._number),
        DataType.Text => string.CompareOrdinal(left._text, right._text),
        _ => left._bits.CompareTo(right._bits),
    };
}
