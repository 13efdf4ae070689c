namespace Sextant.Storage.Warehouse;

/// <summary>
/// The cause of a <see cref="SextantException"/> when the database refused a statement for want of
/// memory it is allowed (ClickHouse's per-query limit, PostgreSQL's or DuckDB's out-of-memory): the
/// statement was right, so the answer can still come from the in-memory engine.
/// </summary>
public sealed class WarehouseLimitException : Exception
{
    /// <summary>Creates the cause with the database's own one-line message.</summary>
    public WarehouseLimitException(string message) : base(message) { }

    /// <summary>Creates the cause with no message.</summary>
    public WarehouseLimitException() { }

    /// <summary>Creates the cause with a message and the driver's exception.</summary>
    public WarehouseLimitException(string message, Exception innerException) : base(message, innerException) { }
}
