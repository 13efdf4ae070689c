namespace Sextant.Reports.Tables;

/// <summary>The file formats <c>sextant export</c> writes.</summary>
public enum ExportFormat
{
    /// <summary>One CSV file per table.</summary>
    Csv,

    /// <summary>One Parquet file per table.</summary>
    Parquet,

    /// <summary>One SQLite database (sextant_export.sqlite) holding every table.</summary>
    Sqlite,
}

/// <summary>Writes tables in an export format into a directory.</summary>
public static class TableExport
{
    /// <summary>The SQLite export's file name.</summary>
    public const string SqliteFileName = "sextant_export.sqlite";

    /// <summary>The format named csv, parquet or sqlite.</summary>
    /// <exception cref="SextantException">Another name.</exception>
    public static ExportFormat ParseFormat(string text) => text.ToLowerInvariant() switch
    {
        "csv" => ExportFormat.Csv,
        "parquet" => ExportFormat.Parquet,
        "sqlite" => ExportFormat.Sqlite,
        _ => throw new SextantException($"--format '{text}' is not an export format (expected csv, parquet or sqlite)"),
    };

    /// <summary>Writes <paramref name="tables"/> into <paramref name="directory"/>; returns the files written.</summary>
    /// <exception cref="SextantException">A file cannot be written.</exception>
    public static IReadOnlyList<string> Write(IReadOnlyList<ResultTable> tables, ExportFormat format, string directory)
    {
        ArgumentNullException.ThrowIfNull(tables);
        OutputFile.CreateDirectory(directory);
        if (format == ExportFormat.Sqlite)
        {
            var database = Path.Combine(directory, SqliteFileName);
            TableSqlite.Write(tables, database);
            return [database];
        }
        var written = new List<string>();
        foreach (var table in tables)
        {
            var path = Path.Combine(directory, table.Name + (format == ExportFormat.Csv ? ".csv" : ".parquet"));
            if (format == ExportFormat.Csv) OutputFile.WriteText(path, TableCsv.Render(table));
            else TableParquet.Write(table, path);
            written.Add(path);
        }
        return written;
    }
}
