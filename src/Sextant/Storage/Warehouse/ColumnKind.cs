using System.Globalization;

namespace Sextant.Storage.Warehouse;

/// <summary>
/// The three value kinds a Sextant table column holds, so a bulk insert can hand each database
/// the exact type its column has (binary COPY and DuckDB's appender do not convert for us).
/// </summary>
internal enum ColumnKind
{
    Int64,
    Double,
    Text,
}

/// <summary>Converts the values crossing the port (long, double, string, null) to a column's kind.</summary>
internal static class ColumnValues
{
    public static long ToInt64(object value, string column) => value switch
    {
        long number => number,
        int number => number,
        double number when Math.Truncate(number) == number && Math.Abs(number) < 9.2e18 => (long)number,
        _ => throw Mismatch(value, column, "a 64-bit integer"),
    };

    public static double ToDouble(object value, string column) => value switch
    {
        double number => number,
        long number => number,
        int number => number,
        float number => number,
        _ => throw Mismatch(value, column, "a double"),
    };

    public static string ToText(object value, string column) => value switch
    {
        string text => text,
        long number => number.ToString(CultureInfo.InvariantCulture),
        int number => number.ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        _ => throw Mismatch(value, column, "text"),
    };

    private static SextantException Mismatch(object value, string column, string expected) =>
        new($"column {column} takes {expected}, not the {value.GetType().Name} value '{value}'");
}
