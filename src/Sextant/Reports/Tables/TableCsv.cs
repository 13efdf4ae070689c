using System.Globalization;
using System.Text;

namespace Sextant.Reports.Tables;

/// <summary>
/// A result table as CSV: a header, invariant culture, reals with up to 6 decimals, true/false,
/// empty for null, text quoted per RFC 4180 and neutralised against spreadsheet formulas.
/// </summary>
public static class TableCsv
{
    /// <summary>The CSV text of <paramref name="table"/>; lines end with \n.</summary>
    public static string Render(ResultTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var text = new StringBuilder(string.Join(',', table.Columns.Select(c => c.Name))).Append('\n');
        foreach (var row in table.Rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0) text.Append(',');
                text.Append(Cell(table.Columns[i].Type, row[i]));
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    private static string Cell(TableColumnType type, object? value) => value switch
    {
        null => "",
        _ when type == TableColumnType.Instant => Instant((long)value),
        string text => CsvCell.Text(text),
        bool flag => flag ? "true" : "false",
        double number => number.ToString("0.######", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>ISO-8601 UTC with microseconds.</summary>
    internal static string Instant(long unixMicroseconds) =>
        DateTime.UnixEpoch.AddTicks(unixMicroseconds * 10).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
