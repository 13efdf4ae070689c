namespace Sextant.Storage.Warehouse.Store;

/// <summary>
/// A store kept in a SQL database (PostgreSQL, ClickHouse, DuckDB) in the tables of docs/WAREHOUSE.md,
/// with the embedded store's guarantees: events deduplicated by event id, numbered by <c>seq</c> from 0
/// without gaps, each batch atomic where the database has transactions (on ClickHouse a batch's events
/// go in one INSERT and the run's progress after it), profiles merged, identity resolved at load.
/// It implements both store ports, so the ingestor, <c>check</c>, <c>info</c> and the EventTable work
/// on it as on the embedded store.
/// </summary>
public sealed partial class WarehouseStore : IEventStore, IStoreWriter, IErasableStore, IDisposable
{
    private readonly bool _ownsWarehouse;
    private readonly StoreUrl? _url;

    private WarehouseStore(IWarehouse warehouse, bool ownsWarehouse, StoreUrl? url)
    {
        Warehouse = warehouse;
        _ownsWarehouse = ownsWarehouse;
        _url = url;
    }

    /// <summary>The connection the store reads and writes through; SQL engines query the same tables through it.</summary>
    public IWarehouse Warehouse { get; }

    /// <inheritdoc cref="IEventStore.Location"/>
    public string Location => Warehouse.Location;

    /// <summary>
    /// Opens the store at <paramref name="url"/>. With <paramref name="create"/> the tables are
    /// created when the database holds none (on a ClickHouse cluster, its database and events
    /// table on every shard); otherwise a
    /// database without them is refused.
    /// </summary>
    /// <exception cref="ArgumentException">The URL names the embedded SQLite store, not a database.</exception>
    /// <exception cref="SextantException">The database cannot be reached, holds no store (and none is to be created), or a store of another version.</exception>
    public static WarehouseStore Open(StoreUrl url, bool create)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsWarehouse) throw new ArgumentException($"'{url}' is a store file, not a database URL", nameof(url));
        var warehouse = WarehouseConnections.Open(url);
        try
        {
            return Open(warehouse, create, url);
        }
        catch
        {
            warehouse.Dispose();
            throw;
        }
    }

    /// <summary>Opens the store over a connection the caller keeps and disposes.</summary>
    /// <exception cref="SextantException">The database holds no store (and none is to be created), or a store of another version.</exception>
    public static WarehouseStore Open(IWarehouse warehouse, bool create)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        return Open(warehouse, create, url: null);
    }

    // url: where the store is when it opened the connection itself (and so owns it); null for a caller's connection.
    private static WarehouseStore Open(IWarehouse warehouse, bool create, StoreUrl? url)
    {
        WarehouseSchema.Apply(warehouse, create);
        return new WarehouseStore(warehouse, ownsWarehouse: url is not null, url);
    }

    /// <summary>A store over a connection whose schema is already known to be current (a session reading back what it writes).</summary>
    internal static WarehouseStore Over(IWarehouse warehouse) => new(warehouse, ownsWarehouse: false, url: null);

    /// <inheritdoc/>
    public IIngestSession OpenSession() => new WarehouseIngestSession(Warehouse);

    /// <inheritdoc/>
    public ErasureCounts Erase(ErasureRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return WarehouseEraser.Erase(Warehouse, request);
    }

    /// <inheritdoc/>
    public IReadOnlyList<ErasureRecord> ReadErasures() => WarehouseErasureLog.Read(Warehouse);

    /// <summary>
    /// Closes the connection when the store opened it (from its URL; an EventTable built from it
    /// then connects anew to read properties). A store over a caller's connection leaves it open,
    /// and its table reads properties through that connection while the caller keeps it.
    /// </summary>
    public void Dispose()
    {
        if (_ownsWarehouse) Warehouse.Dispose();
    }
}
