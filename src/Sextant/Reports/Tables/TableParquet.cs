using Parquet.Schema;
using Parquet.Serialization;

namespace Sextant.Reports.Tables;

/// <summary>
/// A result table as a Parquet file: text as UTF-8 strings, integers as INT64, reals as DOUBLE,
/// flags as BOOLEAN, instants as microsecond UTC timestamps; every column nullable.
/// </summary>
public static class TableParquet
{
    /// <summary>Writes <paramref name="table"/> to <paramref name="path"/> (replacing it).</summary>
    /// <exception cref="SextantException">The file cannot be written.</exception>
    public static void Write(ResultTable table, string path)
    {
        ArgumentNullException.ThrowIfNull(table);
        var schema = new ParquetSchema(table.Columns.Select(Field).ToArray());
        var rows = table.Rows.Select(row => (IDictionary<string, object?>)ToDictionary(table.Columns, row)).ToList();
        OutputFile.Write(path, stream => ParquetSerializer.SerializeUntypedAsync(rows, schema, stream).GetAwaiter().GetResult());
    }

    private static Field Field(TableColumn column) => column.Type switch
    {
        TableColumnType.Integer => new DataField<long?>(column.Name),
        TableColumnType.Real => new DataField<double?>(column.Name),
        TableColumnType.Flag => new DataField<bool?>(column.Name),
        TableColumnType.Instant => new DateTimeDataField(column.Name, DateTimeFormat.Timestamp, true, DateTimeTimeUnit.Micros, true),
        _ => new DataField<string>(column.Name, true),
    };

    private static Dictionary<string, object?> ToDictionary(IReadOnlyList<TableColumn> columns, object?[] row)
    {
        var values = new Dictionary<string, object?>(columns.Count);
        for (var i = 0; i < columns.Count; i++)
        {
            values[columns[i].Name] = row[i] switch
            {
                null => null,
                var v when columns[i].Type == TableColumnType.Instant => DateTime.UnixEpoch.AddTicks(Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) * 10),
                var v when columns[i].Type == TableColumnType.Integer => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture),
                var v => v,
            };
        }
        return values;
    }
}
