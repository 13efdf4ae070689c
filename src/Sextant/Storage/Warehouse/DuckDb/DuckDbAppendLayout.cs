using DuckDB.NET.Data;

namespace Sextant.Storage.Warehouse.DuckDb;

/// <summary>
/// How a row of the caller's columns becomes a row of the whole table for DuckDB's appender:
/// for each table column in order, which value feeds it (or none: its default) and of what kind.
/// </summary>
internal sealed class DuckDbAppendLayout
{
    private readonly int[] _source;
    private readonly ColumnKind[] _kinds;
    private readonly string[] _names;

    private DuckDbAppendLayout(int[] source, ColumnKind[] kinds, string[] names)
    {
        _source = source;
        _kinds = kinds;
        _names = names;
    }

    public static DuckDbAppendLayout Of(DuckDbWarehouse warehouse, string table, IReadOnlyList<string> columns)
    {
        var tableColumns = new List<(string Name, string Type)>();
        var (schema, name) = SplitName(table);
        warehouse.Read(
            "SELECT column_name, data_type FROM information_schema.columns " +
            $"WHERE table_name = {Quote(name)}{(schema is null ? "" : $" AND table_schema = {Quote(schema)}")} ORDER BY ordinal_position",
            row => tableColumns.Add((row.GetString(0), row.GetString(1))));
        if (tableColumns.Count == 0) throw new SextantException($"{warehouse.Location}: table {table} does not exist");

        var source = new int[tableColumns.Count];
        var kinds = new ColumnKind[tableColumns.Count];
        var names = new string[tableColumns.Count];
        for (var i = 0; i < tableColumns.Count; i++)
        {
            var (columnName, type) = tableColumns[i];
            names[i] = columnName;
            source[i] = IndexOf(columns, columnName);
            kinds[i] = source[i] < 0 ? ColumnKind.Text : Kind(warehouse.Location, table, columnName, type);
        }
        foreach (var column in columns)
        {
            if (!tableColumns.Exists(c => string.Equals(c.Name, column, StringComparison.OrdinalIgnoreCase)))
                throw new SextantException($"{warehouse.Location}: table {table} has no column {column}");
        }
        return new DuckDbAppendLayout(source, kinds, names);
    }

    public void Append(IDuckDBAppenderRow row, object?[] values)
    {
        for (var i = 0; i < _source.Length; i++)
        {
            if (_source[i] < 0)
            {
                row.AppendDefault();
                continue;
            }
            var value = values[_source[i]];
            if (value is null)
            {
                row.AppendNullValue();
                continue;
            }
            _ = _kinds[i] switch
            {
                ColumnKind.Int64 => row.AppendValue((long?)ColumnValues.ToInt64(value, _names[i])),
                ColumnKind.Double => row.AppendValue((double?)ColumnValues.ToDouble(value, _names[i])),
                _ => row.AppendValue(ColumnValues.ToText(value, _names[i])),
            };
        }
    }

    private static ColumnKind Kind(string location, string table, string column, string type) => type.ToUpperInvariant() switch
    {
        "BIGINT" => ColumnKind.Int64,
        "DOUBLE" => ColumnKind.Double,
        "VARCHAR" => ColumnKind.Text,
        _ => throw new SextantException($"{location}: column {table}.{column} is {type}; bulk insert takes BIGINT, DOUBLE or VARCHAR columns"),
    };

    private static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        }
        return -1;
    }

    private static (string? Schema, string Name) SplitName(string table)
    {
        var dot = table.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? (null, table) : (table[..dot], table[(dot + 1)..]);
    }

    private static string Quote(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";
}
