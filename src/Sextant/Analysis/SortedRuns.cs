using System.Buffers;

namespace Sextant.Analysis;

/// <summary>
/// Durations measured on several cores, handed over sorted: the non-negative µs durations of
/// every range are joined and sorted with a radix sort, then turned into the caller's unit. Shapers take quantiles by sorting a copy, and a sort over sorted
/// values costs a fraction of one over values in user order: with millions of values per list,
/// that was most of an analysis's time. The values are the same, only their order changes.
/// </summary>
internal static class SortedRuns
{
    private const int DigitBits = 16;
    private const int Buckets = 1 << DigitBits;

    /// <summary>Sorts non-negative values in place.</summary>
    public static void Sort(Span<long> span)
    {
        if (span.Length < 2) return;
        long max = 0;
        foreach (var value in span) max |= value;
        var scratch = ArrayPool<long>.Shared.Rent(span.Length);
        var bucketCounts = ArrayPool<int>.Shared.Rent(Buckets);
        try
        {
            var source = span;
            var target = scratch.AsSpan(0, span.Length);
            var counts = bucketCounts.AsSpan(0, Buckets);
            for (var shift = 0; shift < 64 && max >> shift != 0; shift += DigitBits)
            {
                counts.Clear();
                foreach (var value in source) counts[(int)((value >> shift) & (Buckets - 1))]++;
                var total = 0;
                for (var b = 0; b < Buckets; b++)
                {
                    var count = counts[b];
                    counts[b] = total;
                    total += count;
                }
                foreach (var value in source) target[counts[(int)((value >> shift) & (Buckets - 1))]++] = value;
                var swap = source;
                source = target;
                target = swap;
            }
            if (source != span) source.CopyTo(span);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(scratch);
            ArrayPool<int>.Shared.Return(bucketCounts);
        }
    }

    /// <summary>
    /// The values of every list, sorted, each divided by <paramref name="unit"/>. Dividing keeps
    /// the order, so the result is sorted too.
    /// The runs are emptied as they are read, so their memory can go before the next list's.
    /// </summary>
    public static double[] Merge(IReadOnlyList<DurationList> runs, double unit)
    {
        var total = 0;
        foreach (var run in runs) total += run.Count;
        var values = ArrayPool<long>.Shared.Rent(total);
        try
        {
            var at = 0;
            foreach (var run in runs) at += run.MoveTo(values.AsSpan(at));
            var span = values.AsSpan(0, total);
            Sort(span);
            var merged = new double[total];
            for (var i = 0; i < total; i++) merged[i] = span[i] / unit;
            return merged;
        }
        finally
        {
            ArrayPool<long>.Shared.Return(values);
        }
    }
}

/// <summary>
/// Durations in µs, appended in blocks: a list of millions grows without copying itself and
/// without leaving the smaller copies behind as garbage, as a List would.
/// </summary>
internal sealed class DurationList
{
    private const int BlockSize = 1 << 14;
    private readonly List<long[]> _blocks = [];
    private int _used = BlockSize;

    public int Count { get; private set; }

    public void Add(long micros)
    {
        if (_used == BlockSize)
        {
            _blocks.Add(new long[BlockSize]);
            _used = 0;
        }
        _blocks[^1][_used++] = micros;
        Count++;
    }

    /// <summary>Copies the values to <paramref name="target"/>, empties the list and returns how many it held.</summary>
    public int MoveTo(Span<long> target)
    {
        var at = 0;
        foreach (var block in _blocks)
        {
            var length = Math.Min(BlockSize, Count - at);
            block.AsSpan(0, length).CopyTo(target[at..]);
            at += length;
        }
        _blocks.Clear();
        _used = BlockSize;
        Count = 0;
        return at;
    }
}
