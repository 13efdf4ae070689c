namespace Sextant.Storage.Warehouse;

/// <summary>One row of a warehouse query's answer, read by column position.</summary>
public interface IWarehouseRow
{
    /// <summary>How many columns the row has.</summary>
    int FieldCount { get; }

    /// <summary>True when the column is SQL NULL.</summary>
    bool IsNull(int column);

    /// <summary>The column as a 64-bit integer.</summary>
    long GetInt64(int column);

    /// <summary>The column as a double.</summary>
    double GetDouble(int column);

    /// <summary>The column as text (numbers in invariant culture).</summary>
    string GetString(int column);
}
