namespace Sextant.Reports.Tables;

/// <summary>The type of a result table's column, as each output format stores it.</summary>
public enum TableColumnType
{
    /// <summary>Text (string).</summary>
    Text,

    /// <summary>A 64-bit integer (long).</summary>
    Integer,

    /// <summary>A double; written with up to 6 decimals in CSV, exactly in Parquet and SQLite.</summary>
    Real,

    /// <summary>true or false (bool).</summary>
    Flag,

    /// <summary>An instant in UTC microseconds (long): ISO-8601 text in CSV and SQLite, a timestamp in Parquet.</summary>
    Instant,
}

/// <summary>One column of a result table.</summary>
public sealed record TableColumn(string Name, TableColumnType Type);

/// <summary>
/// A result as a plain table (one row per cohort cell, funnel step, day, arm …) that CSV, Parquet
/// and SQLite writers store alike, so analysts can query results with sqlite3, DuckDB or a BI tool.
/// Each value is of its column's type (string, long, double, bool) or null.
/// </summary>
/// <param name="Name">The table's name, also its file name without extension: engagement_metrics, retention_matrix, …</param>
/// <param name="Columns">The columns, in order.</param>
/// <param name="Rows">The rows, each with one value per column.</param>
public sealed record ResultTable(string Name, IReadOnlyList<TableColumn> Columns, IReadOnlyList<object?[]> Rows)
{
    /// <summary>A table of these columns, given as (name, type) pairs.</summary>
    public static ResultTable Of(string name, IEnumerable<object?[]> rows, params (string Name, TableColumnType Type)[] columns) =>
        new(name, columns.Select(c => new TableColumn(c.Name, c.Type)).ToArray(), rows.ToList());
}
