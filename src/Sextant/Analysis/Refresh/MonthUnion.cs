namespace Sextant.Analysis.Refresh;

/// <summary>
/// A person's active months merged from their own entries and those of the anonymous ids linked
/// to them (ordered by month, masks of the same month or-ed): a reusable buffer, one per thread.
/// </summary>
internal sealed class MonthUnion
{
    private long[] _entries = new long[32];

    public int Count { get; private set; }

    public ReadOnlySpan<long> Entries => _entries.AsSpan(0, Count);

    public void Clear() => Count = 0;

    /// <summary>Merges month entries (ordered by month) into the union.</summary>
    public void Add(ReadOnlySpan<long> entries)
    {
        foreach (var entry in entries)
        {
            var month = ActiveDays.Month(entry);
            var at = Count;
            while (at > 0 && ActiveDays.Month(_entries[at - 1]) > month) at--;
            if (at > 0 && ActiveDays.Month(_entries[at - 1]) == month)
            {
                _entries[at - 1] |= (long)ActiveDays.Mask(entry);
                continue;
            }
            if (Count == _entries.Length)
            {
                var grown = new long[_entries.Length * 2];
                Array.Copy(_entries, grown, Count);
                _entries = grown;
            }
            Array.Copy(_entries, at, _entries, at + 1, Count - at);
            _entries[at] = entry;
            Count++;
        }
    }
}
