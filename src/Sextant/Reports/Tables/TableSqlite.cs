using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Sextant.Reports.Tables;

/// <summary>
/// Result tables as one SQLite database file, one table each: TEXT, INTEGER, REAL, flags as 0/1
/// INTEGER and instants as ISO-8601 UTC TEXT, so <c>sqlite3</c> or a BI tool can query them.
/// </summary>
public static class TableSqlite
{
    /// <summary>Writes every table into a new database at <paramref name="path"/> (replacing it).</summary>
    /// <exception cref="SextantException">The file cannot be written.</exception>
    public static void Write(IReadOnlyList<ResultTable> tables, string path)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var full = Path.GetFullPath(path);
        var temporary = full + ".tmp";
        try
        {
            File.Delete(temporary);
            using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()))
            {
                connection.Open();
                using var transaction = connection.BeginTransaction();
                foreach (var table in tables) WriteTable(connection, table);
                transaction.Commit();
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException)
        {
            File.Delete(temporary);
            throw new SextantException($"'{path}': cannot be written: {e.Message.Split('\n')[0]}");
        }
    }

    private static void WriteTable(SqliteConnection connection, ResultTable table)
    {
        using (var create = connection.CreateCommand())
        {
            create.CommandText = $"CREATE TABLE {Quote(table.Name)} ({string.Join(", ", table.Columns.Select(c => $"{Quote(c.Name)} {SqlType(c.Type)}"))})";
            create.ExecuteNonQuery();
        }
        using var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO {Quote(table.Name)} VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
        // No declared parameter type: each value binds as what it is (integer, real, text, NULL).
        var parameters = table.Columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter { ParameterName = "$p" + i.ToString(CultureInfo.InvariantCulture) })).ToArray();
        foreach (var row in table.Rows)
        {
            for (var i = 0; i < row.Length; i++) parameters[i].Value = Value(table.Columns[i].Type, row[i]);
            insert.ExecuteNonQuery();
        }
    }

    private static object Value(TableColumnType type, object? value) => value switch
    {
        null => DBNull.Value,
        bool flag => flag ? 1L : 0L,
        _ when type == TableColumnType.Instant => TableCsv.Instant(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        _ when type == TableColumnType.Integer => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        _ => value,
    };

    private static string SqlType(TableColumnType type) => type switch
    {
        TableColumnType.Integer or TableColumnType.Flag => "INTEGER",
        TableColumnType.Real => "REAL",
        _ => "TEXT",
    };

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
