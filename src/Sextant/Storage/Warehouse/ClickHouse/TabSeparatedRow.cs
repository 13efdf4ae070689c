using System.Globalization;

namespace Sextant.Storage.Warehouse.ClickHouse;

/// <summary>One row of a TabSeparated answer: its fields as text, numbers parsed on demand.</summary>
internal sealed class TabSeparatedRow(List<string?> fields) : IWarehouseRow
{
    public int FieldCount => fields.Count;

    public bool IsNull(int column) => fields[column] is null;

    public long GetInt64(int column)
    {
        var text = Field(column);
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        // Averages and other Float64 answers may hold a whole number asked for as an integer.
        var number = GetDouble(column);
        return Math.Truncate(number) == number
            ? checked((long)number)
            : throw new FormatException($"column {column} holds '{text}', not a 64-bit integer");
    }

    public double GetDouble(int column)
    {
        var text = Field(column);
        return text switch
        {
            "inf" or "+inf" => double.PositiveInfinity,
            "-inf" => double.NegativeInfinity,
            "nan" or "-nan" => double.NaN,
            _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
    }

    public string GetString(int column) => Field(column);

    private string Field(int column) => fields[column] ?? throw new InvalidOperationException($"column {column} is NULL");
}
