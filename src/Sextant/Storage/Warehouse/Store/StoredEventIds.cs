using System.IO.Hashing;
using System.Text;

namespace Sextant.Storage.Warehouse.Store;

/// <summary>
/// The event ids a warehouse store holds, for dedup at ingest, kept as 128-bit XxHash128 values of
/// their UTF-8 bytes: as strings, the 13.4 million ids of the scale store took about a gigabyte of
/// the ingest's memory. Two different ids would be taken for one only if their hashes collided,
/// which for a billion stored ids has a chance of about 10⁻²¹; looking each known id up in the
/// database instead would make a re-run over a large store issue one query per few hundred
/// duplicates (a full scan each on ClickHouse, whose events are ordered by user).
/// </summary>
internal sealed class StoredEventIds
{
    private readonly HashSet<UInt128> _hashes = [];

    /// <summary>Reads the hash of every stored id.</summary>
    public void Load(IWarehouse warehouse) => warehouse.Read("SELECT event_id FROM sextant_events", row => _hashes.Add(Hash(row.GetString(0))));

    /// <summary>Remembers ids just committed.</summary>
    public void Add(IEnumerable<string> ids)
    {
        foreach (var id in ids) _hashes.Add(Hash(id));
    }

    /// <summary>True when the store holds <paramref name="id"/>.</summary>
    public bool Contains(string id) => _hashes.Contains(Hash(id));

    private static UInt128 Hash(string id)
    {
        Span<byte> stack = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetMaxByteCount(id.Length) <= stack.Length ? stack[..Encoding.UTF8.GetBytes(id, stack)] : Encoding.UTF8.GetBytes(id);
        return XxHash128.HashToUInt128(bytes);
    }
}
