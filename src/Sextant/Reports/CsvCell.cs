using System.Text.RegularExpressions;

namespace Sextant.Reports;

/// <summary>
/// How every CSV output writes a text cell: quoted per RFC 4180 when it holds a comma, quote or
/// line break, and neutralised against formula injection per OWASP (a cell that starts with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return gets a leading single quote, so
/// spreadsheets show it as text instead of running it). Numeric columns are written as numbers
/// and never pass through here.
/// </summary>
internal static partial class CsvCell
{
    /// <summary>The cell for <paramref name="value"/>; null and empty are an empty cell.</summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        // A text cell that is a plain number ("-1", "+2.5") cannot hold a formula; it stays as it is
        // so a numeric property value still reads as that number.
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !PlainNumber().IsMatch(value)) value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    [GeneratedRegex(@"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
