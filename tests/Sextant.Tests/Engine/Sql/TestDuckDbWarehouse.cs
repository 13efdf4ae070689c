using DuckDB.NET.Data;
using Sextant.Storage.Warehouse;

namespace Sextant.Tests.Engine.Sql;

/// <summary>A bare DuckDB connection as a warehouse, for the parity suites until the store's own DuckDB warehouse lands.</summary>
internal sealed class TestDuckDbWarehouse : IWarehouse
{
    private readonly DuckDBConnection _connection;

    public TestDuckDbWarehouse(string path)
    {
        _connection = new DuckDBConnection($"Data Source={path}");
        _connection.Open();
        Location = $"duckdb:{path}";
    }

    public SqlDialect Dialect => SqlDialect.DuckDb;

    public string Location { get; }

    public void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Read(string sql, Action<IWarehouseRow> onRow)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var row = new Row(reader);
        while (reader.Read()) onRow(row);
    }

    public void Insert(string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        using var appender = _connection.CreateAppender(table);
        foreach (var values in rows)
        {
            var row = appender.CreateRow();
            foreach (var value in values)
            {
                _ = value switch
                {
                    null => row.AppendNullValue(),
                    long number => row.AppendValue(number),
                    double number => row.AppendValue(number),
                    _ => row.AppendValue((string)value),
                };
            }
            row.EndRow();
        }
    }

    public void InTransaction(Action body) => body();

    public void Dispose() => _connection.Dispose();

    private sealed class Row(System.Data.Common.DbDataReader reader) : IWarehouseRow
    {
        public int FieldCount => reader.FieldCount;

        public bool IsNull(int column) => reader.IsDBNull(column);

        public long GetInt64(int column) => Convert.ToInt64(reader.GetValue(column), System.Globalization.CultureInfo.InvariantCulture);

        public double GetDouble(int column) => Convert.ToDouble(reader.GetValue(column), System.Globalization.CultureInfo.InvariantCulture);

        public string GetString(int column) => Convert.ToString(reader.GetValue(column), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
