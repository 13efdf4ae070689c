namespace Sextant.Storage.Warehouse.Store;

/// <summary>
/// The event ids a warehouse store holds, for dedup at ingest, kept as 64-bit hashes: as strings,
/// the 13.4 million ids of the scale store took about a gigabyte of the ingest's memory. An id
/// whose hash is known is looked up in the database before it is called a duplicate, so a hash
/// collision never drops a new event.
/// </summary>
/// <param name="warehouse">The store's database.</param>
/// <param name="hash">The hash of an id (<see cref="StableHash"/>; tests pass one that collides).</param>
internal sealed class StoredEventIds(IWarehouse warehouse, Func<string, long>? hash = null)
{
    private readonly Func<string, long> _hash = hash ?? StableHash.Of;

    // Ids per lookup statement: short enough for every dialect's statement limits.
    private const int LookupChunk = 500;

    private readonly HashSet<long> _hashes = [];

    /// <summary>Reads the hash of every stored id.</summary>
    public void Load() => warehouse.Read("SELECT event_id FROM sextant_events", row => _hashes.Add(_hash(row.GetString(0))));

    /// <summary>Remembers ids just committed.</summary>
    public void Add(IEnumerable<string> ids)
    {
        foreach (var id in ids) _hashes.Add(_hash(id));
    }

    /// <summary>The ids of <paramref name="candidates"/> the database holds; only those whose hash is known are looked up.</summary>
    public HashSet<string> StoredAmong(IEnumerable<string> candidates)
    {
        var stored = new HashSet<string>(StringComparer.Ordinal);
        var lookups = candidates.Where(id => _hashes.Contains(_hash(id))).Distinct(StringComparer.Ordinal).ToList();
        for (var from = 0; from < lookups.Count; from += LookupChunk)
        {
            var list = string.Join(", ", lookups.Skip(from).Take(LookupChunk).Select(id => SqlText.Literal(warehouse.Dialect, id)));
            warehouse.Read($"SELECT DISTINCT event_id FROM sextant_events WHERE event_id IN ({list})", row => stored.Add(row.GetString(0)));
        }
        return stored;
    }
}
