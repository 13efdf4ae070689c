namespace Sextant.Storage.Warehouse.Postgres;

/// <summary>The kind of each column a bulk insert names, from the table's catalog entry.</summary>
internal static class PostgresColumnKinds
{
    public static ColumnKind[] Of(PostgresWarehouse warehouse, string table, IReadOnlyList<string> columns)
    {
        var types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        warehouse.Read(
            "SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a " +
            $"WHERE a.attrelid = to_regclass('{table.Replace("'", "''", StringComparison.Ordinal)}') AND a.attnum > 0 AND NOT a.attisdropped",
            row => types[row.GetString(0)] = row.GetString(1));
        if (types.Count == 0) throw new SextantException($"{warehouse.Location}: table {table} does not exist");

        var kinds = new ColumnKind[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            if (!types.TryGetValue(columns[i], out var type)) throw new SextantException($"{warehouse.Location}: table {table} has no column {columns[i]}");
            kinds[i] = type switch
            {
                "bigint" => ColumnKind.Int64,
                "double precision" => ColumnKind.Double,
                "text" => ColumnKind.Text,
                _ => throw new SextantException($"{warehouse.Location}: column {table}.{columns[i]} is {type}; bulk insert takes bigint, double precision or text columns"),
            };
        }
        return kinds;
    }
}
