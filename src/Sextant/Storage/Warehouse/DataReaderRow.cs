using System.Data.Common;
using System.Globalization;
using System.Numerics;

namespace Sextant.Storage.Warehouse;

/// <summary>
/// One row of an ADO.NET reader seen as an <see cref="IWarehouseRow"/>. Aggregates come back in
/// wider types than their inputs (PostgreSQL's SUM of bigint is numeric, DuckDB's is HUGEINT),
/// so each getter converts from whatever numeric type the column has; the common case, the
/// column already being the asked type, reads without boxing.
/// </summary>
internal sealed class DataReaderRow(DbDataReader reader) : IWarehouseRow
{
    private readonly Type[] _types = [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetFieldType)];

    public int FieldCount => _types.Length;

    public bool IsNull(int column) => reader.IsDBNull(column);

    public long GetInt64(int column)
    {
        var type = _types[column];
        if (type == typeof(long)) return reader.GetInt64(column);
        if (type == typeof(int)) return reader.GetInt32(column);
        return reader.GetValue(column) switch
        {
            long value => value,
            int value => value,
            short value => value,
            sbyte value => value,
            byte value => value,
            ushort value => value,
            uint value => value,
            ulong value => checked((long)value),
            decimal value when decimal.Truncate(value) == value => checked((long)value),
            BigInteger value => checked((long)value),
            double value when Math.Truncate(value) == value => checked((long)value),
            string value when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
            var value => throw new InvalidCastException($"column {column} holds {value} ({value.GetType().Name}), not a 64-bit integer"),
        };
    }

    public double GetDouble(int column)
    {
        var type = _types[column];
        if (type == typeof(double)) return reader.GetDouble(column);
        return reader.GetValue(column) switch
        {
            double value => value,
            float value => value,
            long value => value,
            int value => value,
            decimal value => (double)value,
            BigInteger value => (double)value,
            string value => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
            var value => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        };
    }

    public string GetString(int column)
    {
        if (_types[column] == typeof(string)) return reader.GetString(column);
        return reader.GetValue(column) switch
        {
            double value => value.ToString("R", CultureInfo.InvariantCulture),
            float value => value.ToString("R", CultureInfo.InvariantCulture),
            IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
            var value => value.ToString() ?? "",
        };
    }
}
