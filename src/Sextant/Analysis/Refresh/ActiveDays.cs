using System.Numerics;
using System.Runtime.InteropServices;
using Sextant.Events;

namespace Sextant.Analysis.Refresh;

/// <summary>
/// The calendar days each key (a user code or an anonymous code) was active, as one entry per
/// month: the month index in the high 32 bits and a bitmask of its days (bit 0 = the 1st) in the
/// low 32, entries ordered by month. Kept as one flat array with offsets per key, plus a list per
/// key changed since the last <see cref="Compact"/>, so a refresh touches only the keys it changes.
/// </summary>
internal sealed class ActiveDays
{
    private int[] _offsets;
    private long[] _entries;
    private readonly Dictionary<int, List<long>> _changed = [];

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
        if (_changed.TryGetValue(key, out var list)) return CollectionsMarshal.AsSpan(list);
        return key < KeyCount ? _entries.AsSpan(_offsets[key], _offsets[key + 1] - _offsets[key]) : default;
    }

    /// <summary>The key's month entries as of the last <see cref="Compact"/>, ignoring changes since.</summary>
    public ReadOnlySpan<long> GetCompacted(int key) =>
        key < KeyCount ? _entries.AsSpan(_offsets[key], _offsets[key + 1] - _offsets[key]) : default;

    /// <summary>Marks a day active for the key: <paramref name="bit"/> is the day of <paramref name="month"/> (0 = the 1st).</summary>
    public void Add(int key, int month, int bit)
    {
        if (!_changed.TryGetValue(key, out var list))
        {
            list = [.. Get(key)];
            _changed[key] = list;
        }
        var mask = 1u << bit;
        for (var i = list.Count - 1; i >= 0; i--)
        {
            var entryMonth = (int)(list[i] >> 32);
            if (entryMonth == month)
            {
                list[i] |= mask;
                return;
            }
            if (entryMonth < month)
            {
                list.Insert(i + 1, Pack(month, mask));
                return;
            }
        }
        list.Insert(0, Pack(month, mask));
    }

    /// <summary>
    /// Folds the changed keys into the flat arrays, for <paramref name="keyCount"/> keys: the runs
    /// of unchanged keys between changed ones are copied whole, their offsets shifted.
    /// </summary>
    public void Compact(int keyCount)
    {
        if (_changed.Count == 0 && keyCount == KeyCount) return;
        var changed = _changed.Keys.Where(key => key < keyCount).Order().ToArray();
        long total = OldOffset(keyCount);
        foreach (var key in changed) total += _changed[key].Count - (OldOffset(key + 1) - OldOffset(key));
        var offsets = new int[keyCount + 1];
        var entries = new long[total];
        var position = 0;
        var from = 0;
        foreach (var key in changed.Append(keyCount))
        {
            var start = OldOffset(from);
            var length = OldOffset(key) - start;
            Array.Copy(_entries, start, entries, position, length);
            var shift = position - start;
            for (var k = from; k < key; k++) offsets[k] = OldOffset(k) + shift;
            position += length;
            if (key == keyCount) break;
            offsets[key] = position;
            var list = _changed[key];
            list.CopyTo(entries, position);
            position += list.Count;
            from = key + 1;
        }
        offsets[keyCount] = position;
        _offsets = offsets;
        _entries = entries;
        _changed.Clear();
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

    /// <summary>Merges month entries into <paramref name="union"/> (kept ordered by month).</summary>
    public static void UnionInto(List<long> union, ReadOnlySpan<long> entries)
    {
        foreach (var entry in entries)
        {
            var month = Month(entry);
            var at = union.Count;
            while (at > 0 && Month(union[at - 1]) > month) at--;
            if (at > 0 && Month(union[at - 1]) == month) union[at - 1] |= (long)Mask(entry);
            else union.Insert(at, entry);
        }
    }
}
