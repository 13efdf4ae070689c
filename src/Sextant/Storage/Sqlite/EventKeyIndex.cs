namespace Sextant.Storage.Sqlite;

/// <summary>
/// In-memory map from 64-bit event-id hashes to the chunk that stores the event: open
/// addressing with linear probing over two flat arrays (12 bytes a slot, at most 70% full), so
/// ten million events take about 170 MB and a lookup is one or two cache misses. It is rebuilt
/// from the chunks' hash columns when an ingest starts.
/// </summary>
internal sealed class EventKeyIndex
{
    private const double MaxLoad = 0.7;
    private long[] _keys;
    private int[] _chunks;
    private bool _hasZeroKey;
    private int _zeroKeyChunk;

    public EventKeyIndex(int capacity = 1 << 16)
    {
        var size = 16;
        while (size * MaxLoad < capacity) size <<= 1;
        _keys = new long[size];
        _chunks = new int[size];
    }

    public int Count { get; private set; }

    /// <summary>The chunk holding <paramref name="hash"/>, if any.</summary>
    public bool TryGetChunk(long hash, out int chunk)
    {
        if (hash == 0)
        {
            chunk = _zeroKeyChunk;
            return _hasZeroKey;
        }
        var mask = _keys.Length - 1;
        for (var slot = Slot(hash, mask); ; slot = (slot + 1) & mask)
        {
            var key = _keys[slot];
            if (key == hash)
            {
                chunk = _chunks[slot];
                return true;
            }
            if (key == 0)
            {
                chunk = 0;
                return false;
            }
        }
    }

    /// <summary>Adds a hash; an existing one keeps its first chunk.</summary>
    public void Add(long hash, int chunk)
    {
        if (hash == 0)
        {
            if (!_hasZeroKey) Count++;
            if (!_hasZeroKey) _zeroKeyChunk = chunk;
            _hasZeroKey = true;
            return;
        }
        if (Count + 1 > _keys.Length * MaxLoad) Resize();
        Insert(_keys, _chunks, hash, chunk);
    }

    private bool Insert(long[] keys, int[] chunks, long hash, int chunk)
    {
        var mask = keys.Length - 1;
        for (var slot = Slot(hash, mask); ; slot = (slot + 1) & mask)
        {
            if (keys[slot] == hash) return false;
            if (keys[slot] == 0)
            {
                keys[slot] = hash;
                chunks[slot] = chunk;
                if (ReferenceEquals(keys, _keys)) Count++;
                return true;
            }
        }
    }

    private void Resize()
    {
        var keys = new long[_keys.Length * 2];
        var chunks = new int[keys.Length];
        for (var i = 0; i < _keys.Length; i++)
            if (_keys[i] != 0) Insert(keys, chunks, _keys[i], _chunks[i]);
        _keys = keys;
        _chunks = chunks;
    }

    // The hashes are already well mixed; the low bits index the table.
    private static int Slot(long hash, int mask) => (int)(hash & mask);
}
