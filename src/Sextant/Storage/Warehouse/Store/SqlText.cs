using System.Globalization;
using System.Text;

namespace Sextant.Storage.Warehouse.Store;

/// <summary>Values written into SQL text, quoted the way each dialect reads them back unchanged.</summary>
internal static class SqlText
{
    /// <summary>A string literal. ClickHouse reads backslash escapes inside quotes; PostgreSQL and DuckDB only double the quote.</summary>
    public static string Literal(SqlDialect dialect, string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            if (c == '\'') text.Append(dialect == SqlDialect.ClickHouse ? "\\'" : "''");
            else if (c == '\\' && dialect == SqlDialect.ClickHouse) text.Append("\\\\");
            else text.Append(c);
        }
        return text.Append('\'').ToString();
    }

    /// <summary>A 64-bit integer literal (long.MinValue written so no parser overflows on it).</summary>
    public static string Literal(long value) =>
        value == long.MinValue ? "(-9223372036854775807 - 1)" : value.ToString(CultureInfo.InvariantCulture);
}
