using System.Numerics;
using System.Runtime.InteropServices;
using Sextant.Events;

namespace Sextant.Analysis.Refresh;

/// <summary>
/// The calendar days each key (a user code or an anonymous code) was active, as one entry per
/// month: the month index in the high 32 bits and a bitmask of its days (bit 0 = the 1st) in the
/// low 32, entries ordered by month. Kept as one flat array with offsets per key, plus the keys
/// changed since the last <see cref="Compact"/>, so a refresh touches only the keys it changes.
/// A changed key's entries live in a slot (found through a key → slot array) in blocks of a shared
/// arena, which keeps a batch that changes a hundred thousand keys to plain array work, with no
/// per-key collection and no copying of the arena as it grows.
/// </summary>
internal sealed class ActiveDays
{
    private int[] _offsets;
    private long[] _entries;

    // Slot + 1 of each changed key (0 = unchanged); allocated at the first change.
    private int[] _slotOf = [];
    // Per slot, in the order keys changed: the key, and where its entries are in the arena.
    private int[] _slotKey = new int[64];
    private int[] _slotBlock = new int[64];
    private int[] _slotStart = new int[64];
    private int[] _slotLength = new int[64];
    private int[] _slotCapacity = new int[64];
    private int _slots;
    private const int BlockLength = 1 << 16;
    private readonly List<long[]> _blocks = [];
    // The block being filled (its index in _blocks) and how much of it is used.
    private int _block = -1;
    private int _blockUsed;

    public ActiveDays() : this([0], []) { }

    public ActiveDays(int[] offsets, long[] entries)
    {
        _offsets = offsets;
        _entries = entries;
    }

    /// <summary>Keys 0 .. KeyCount − 1 are in the flat arrays; higher keys have no days until added.</summary>
    public int KeyCount => _offsets.Length - 1;

    public int[] Offsets => _offsets;

    public long[] Entries => _entries;

    /// <summary>The key's month entries, ordered by month.</summary>
    public ReadOnlySpan<long> Get(int key)
    {
        var slot = SlotOf(key);
        return slot >= 0 ? _blocks[_slotBlock[slot]].AsSpan(_slotStart[slot], _slotLength[slot]) : GetCompacted(key);
    }

    /// <summary>The key's month entries as of the last <see cref="Compact"/>, ignoring changes since.</summary>
    public ReadOnlySpan<long> GetCompacted(int key) =>
        key < KeyCount ? _entries.AsSpan(_offsets[key], _offsets[key + 1] - _offsets[key]) : default;

    /// <summary>Marks a day active for the key: <paramref name="bit"/> is the day of <paramref name="month"/> (0 = the 1st).</summary>
    public void Add(int key, int month, int bit)
    {
        var slot = SlotOf(key);
        if (slot < 0) slot = OpenSlot(key);
        var mask = 1u << bit;
        var length = _slotLength[slot];
        var entries = _blocks[_slotBlock[slot]].AsSpan(_slotStart[slot], _slotCapacity[slot]);
        // New days are mostly in the latest month, so the search runs from the end.
        var at = length;
        while (at > 0 && Month(entries[at - 1]) > month) at--;
        if (at > 0 && Month(entries[at - 1]) == month)
        {
            entries[at - 1] |= mask;
            return;
        }
        if (length == entries.Length) entries = Move(slot, length * 2 + 2);
        entries[at..length].CopyTo(entries[(at + 1)..]);
        entries[at] = Pack(month, mask);
        _slotLength[slot] = length + 1;
    }

    /// <summary>
    /// Folds the changed keys into the flat arrays, for <paramref name="keyCount"/> keys: the runs
    /// of unchanged keys between changed ones are copied whole, their offsets shifted.
    /// </summary>
    public void Compact(int keyCount)
    {
        if (_slots == 0 && keyCount == KeyCount) return;
        var changed = new int[_slots];
        var count = 0;
        for (var slot = 0; slot < _slots; slot++)
            if (_slotKey[slot] < keyCount) changed[count++] = _slotKey[slot];
        Array.Sort(changed, 0, count);
        long total = OldOffset(keyCount);
        for (var i = 0; i < count; i++) total += _slotLength[SlotOf(changed[i])] - (OldOffset(changed[i] + 1) - OldOffset(changed[i]));
        var offsets = new int[keyCount + 1];
        var entries = new long[total];
        var position = 0;
        var from = 0;
        for (var i = 0; i <= count; i++)
        {
            var key = i < count ? changed[i] : keyCount;
            var start = OldOffset(from);
            var length = OldOffset(key) - start;
            Array.Copy(_entries, start, entries, position, length);
            var shift = position - start;
            for (var k = from; k < key; k++) offsets[k] = OldOffset(k) + shift;
            position += length;
            if (key == keyCount) break;
            offsets[key] = position;
            var slot = SlotOf(key);
            Array.Copy(_blocks[_slotBlock[slot]], _slotStart[slot], entries, position, _slotLength[slot]);
            position += _slotLength[slot];
            from = key + 1;
        }
        offsets[keyCount] = position;
        _offsets = offsets;
        _entries = entries;
        for (var slot = 0; slot < _slots; slot++) _slotOf[_slotKey[slot]] = 0;
        _slots = 0;
        (_block, _blockUsed) = (_blocks.Count == 0 ? -1 : 0, 0);
    }

    /// <summary>
    /// Writes the lists as <see cref="Compact"/> for <paramref name="keyCount"/> keys would leave
    /// them — the offsets, then the entries, each as its length followed by its values, as the
    /// state file stores arrays — without building the compacted arrays in memory.
    /// </summary>
    public void WriteCompacted(BinaryWriter writer, int keyCount)
    {
        // Plain loops over the arrays: a million keys pass twice, so no span or call per key.
        var slotOf = _slotOf;
        var offsets = _offsets;
        var compactedKeys = KeyCount;
        var buffer = new int[8192];
        writer.Write(keyCount + 1);
        var position = 0;
        var filled = 0;
        for (var key = 0; key <= keyCount; key++)
        {
            if (filled == buffer.Length)
            {
                writer.Write(MemoryMarshal.AsBytes(buffer.AsSpan()));
                filled = 0;
            }
            buffer[filled++] = position;
            if (key == keyCount) break;
            var slot = key < slotOf.Length ? slotOf[key] - 1 : -1;
            position += slot >= 0 ? _slotLength[slot] : key < compactedKeys ? offsets[key + 1] - offsets[key] : 0;
        }
        writer.Write(MemoryMarshal.AsBytes(buffer.AsSpan(0, filled)));

        writer.Write(position);
        // Runs of unchanged keys come straight from the flat array and changed keys from their
        // slots, gathered in a buffer so the writer sees a few large writes, not one per key.
        var entries = new long[1 << 16];
        filled = 0;
        var from = 0;
        var changedEnd = Math.Min(keyCount, slotOf.Length);
        for (var key = 0; key <= keyCount; key++)
        {
            if (key < changedEnd ? slotOf[key] == 0 : key < keyCount) continue;
            Gather(writer, entries, ref filled, _entries.AsSpan(OldOffset(from), OldOffset(key) - OldOffset(from)));
            if (key < keyCount)
            {
                var slot = slotOf[key] - 1;
                Gather(writer, entries, ref filled, _blocks[_slotBlock[slot]].AsSpan(_slotStart[slot], _slotLength[slot]));
            }
            from = key + 1;
        }
        writer.Write(MemoryMarshal.AsBytes(entries.AsSpan(0, filled)));
    }

    private static void Gather(BinaryWriter writer, long[] buffer, ref int filled, ReadOnlySpan<long> values)
    {
        if (filled + values.Length > buffer.Length)
        {
            writer.Write(MemoryMarshal.AsBytes(buffer.AsSpan(0, filled)));
            filled = 0;
        }
        if (values.Length > buffer.Length)
        {
            writer.Write(MemoryMarshal.AsBytes(values));
            return;
        }
        values.CopyTo(buffer.AsSpan(filled));
        filled += values.Length;
    }

    private int SlotOf(int key) => key < _slotOf.Length ? _slotOf[key] - 1 : -1;

    /// <summary>Gives a key its slot, holding its compacted entries and room for a few more.</summary>
    private int OpenSlot(int key)
    {
        if (key >= _slotOf.Length)
        {
            var grown = new int[Math.Max(key + 1, Math.Max(KeyCount + 1, _slotOf.Length * 2))];
            Array.Copy(_slotOf, grown, _slotOf.Length);
            _slotOf = grown;
        }
        if (_slots == _slotKey.Length)
        {
            _slotKey = Grown(_slotKey);
            _slotBlock = Grown(_slotBlock);
            _slotStart = Grown(_slotStart);
            _slotLength = Grown(_slotLength);
            _slotCapacity = Grown(_slotCapacity);
        }
        var slot = _slots++;
        _slotOf[key] = slot + 1;
        _slotKey[slot] = key;
        var compacted = GetCompacted(key);
        _slotLength[slot] = compacted.Length;
        compacted.CopyTo(Reserve(slot, compacted.Length + 2));
        return slot;
    }

    /// <summary>Moves a full slot to a place in the arena with more room; returns its entries' new room.</summary>
    private Span<long> Move(int slot, int capacity)
    {
        var old = _blocks[_slotBlock[slot]].AsSpan(_slotStart[slot], _slotLength[slot]);
        var room = Reserve(slot, capacity);
        old.CopyTo(room);
        return room;
    }

    /// <summary>Gives a slot room for <paramref name="capacity"/> entries in the arena, in the block being filled or a new one.</summary>
    private Span<long> Reserve(int slot, int capacity)
    {
        if (_block < 0 || _blockUsed + capacity > _blocks[_block].Length)
        {
            _block++;
            _blockUsed = 0;
            if (_block == _blocks.Count || _blocks[_block].Length < capacity) _blocks.Insert(_block, new long[Math.Max(BlockLength, capacity)]);
        }
        _slotBlock[slot] = _block;
        _slotStart[slot] = _blockUsed;
        _slotCapacity[slot] = capacity;
        _blockUsed += capacity;
        return _blocks[_block].AsSpan(_slotStart[slot], capacity);
    }

    private static int[] Grown(int[] array)
    {
        var grown = new int[array.Length * 2];
        Array.Copy(array, grown, array.Length);
        return grown;
    }

    private int OldOffset(int key) => key < KeyCount ? _offsets[key] : _offsets[KeyCount];

    public static long Pack(int month, uint mask) => ((long)month << 32) | mask;

    public static int Month(long entry) => (int)(entry >> 32);

    public static uint Mask(long entry) => (uint)entry;

    /// <summary>The day numbers of a month's mask.</summary>
    public static IEnumerable<int> Days(int month, uint mask)
    {
        var first = ProjectCalendar.FirstDayOfMonth(month);
        while (mask != 0)
        {
            var bit = BitOperations.TrailingZeroCount(mask);
            yield return first + bit;
            mask &= mask - 1;
        }
    }
}
