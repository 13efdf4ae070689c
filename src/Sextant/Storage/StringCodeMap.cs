namespace Sextant.Storage;

/// <summary>
/// Maps strings to dense codes 1..Count. Open addressing over one array of (key, hash, code)
/// slots: a lookup is usually a single cache miss, and keys that are the same instance as the
/// stored one (pooled by the readers) compare by reference without touching their characters.
/// On this class of machine a <see cref="Dictionary{TKey, TValue}"/> lookup of a random key
/// costs about three cache misses, which made dictionary encoding the slowest step of ingest.
/// </summary>
internal sealed class StringCodeMap
{
    private Slot[] _slots = new Slot[64];
    private int _count;

    public int Count => _count;

    public bool TryGetValue(string key, out int code)
    {
        var hash = Hash(key);
        var mask = _slots.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            ref var slot = ref _slots[i];
            if (slot.Code == 0)
            {
                code = 0;
                return false;
            }
            if (slot.Hash == hash && (ReferenceEquals(slot.Key, key) || string.Equals(slot.Key, key, StringComparison.Ordinal)))
            {
                code = slot.Code;
                return true;
            }
        }
    }

    /// <summary>Adds a key that is not in the map yet, with the given code.</summary>
    public void Add(string key, int code)
    {
        if ((_count + 1) * 2 > _slots.Length) Resize(_slots.Length * 2);
        Insert(_slots, key, Hash(key), code);
        _count++;
    }

    /// <summary>Keeps only the keys whose code is at most <paramref name="maxCode"/> (a rolled-back batch's values go).</summary>
    public void TruncateTo(int maxCode)
    {
        var kept = new Slot[_slots.Length];
        var count = 0;
        foreach (var slot in _slots)
        {
            if (slot.Code == 0 || slot.Code > maxCode) continue;
            Insert(kept, slot.Key!, slot.Hash, slot.Code);
            count++;
        }
        _slots = kept;
        _count = count;
    }

    private void Resize(int size)
    {
        var next = new Slot[size];
        foreach (var slot in _slots)
            if (slot.Code != 0) Insert(next, slot.Key!, slot.Hash, slot.Code);
        _slots = next;
    }

    private static void Insert(Slot[] slots, string key, int hash, int code)
    {
        var mask = slots.Length - 1;
        var i = hash & mask;
        while (slots[i].Code != 0) i = (i + 1) & mask;
        slots[i] = new Slot(key, hash, code);
    }

    /// <summary>FNV-1a over the UTF-16 code units with a final mix; well spread for ids like "u123".</summary>
    private static int Hash(string key)
    {
        var hash = 2166136261u;
        foreach (var c in key) hash = (hash ^ c) * 16777619u;
        hash ^= hash >> 15;
        hash *= 0x2c1b3c6du;
        hash ^= hash >> 12;
        return (int)(hash & 0x7FFFFFFF);
    }

    private readonly record struct Slot(string? Key, int Hash, int Code);
}
