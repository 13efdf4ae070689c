using System.Buffers;
using System.Runtime.InteropServices;

namespace Sextant.Analysis;

/// <summary>
/// Durations measured on several cores, handed over sorted: the µs durations of every range are
/// joined and sorted with a radix sort, then turned into the caller's unit. Shapers take
/// quantiles by sorting a copy, and a sort over sorted values costs a fraction of one over values
/// in user order: with millions of values per list, that was most of an analysis's time. The
/// values are the same, only their order changes.
/// </summary>
internal static class SortedRuns
{
    private const int DigitBits = 16;
    private const int Buckets = 1 << DigitBits;

    /// <summary>Sorts values in place (a radix sort when none is negative).</summary>
    public static void Sort(Span<long> span)
    {
        if (span.Length < 2) return;
        long max = 0;
        foreach (var value in span) max |= value;
        if (max < 0)
        {
            span.Sort();
            return;
        }
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
        // Sorted as µs in the result's own memory, then turned into the unit in place: no second list of millions.
        var merged = new double[total];
        var micros = MemoryMarshal.Cast<double, long>(merged.AsSpan());
        var at = 0;
        foreach (var run in runs) at += run.MoveTo(micros[at..]);
        Sort(micros);
        for (var i = 0; i < total; i++) merged[i] = micros[i] / unit;
        return merged;
    }

    /// <summary>The values of every list, sorted; the runs are emptied as they are read.</summary>
    public static long[] Merge(IReadOnlyList<DurationList> runs)
    {
        var total = 0;
        foreach (var run in runs) total += run.Count;
        var values = new long[total];
        var at = 0;
        foreach (var run in runs) at += run.MoveTo(values.AsSpan(at));
        Sort(values);
        return values;
    }
}

/// <summary>
/// Durations in µs, appended in blocks: a list of millions grows without copying itself and
/// without leaving the smaller copies behind as garbage, as a List would; blocks start small, so
/// many short lists (one per breakdown group and step) stay small.
/// </summary>
internal sealed class DurationList
{
    private const int FirstBlock = 64;
    private const int LargestBlock = 1 << 14;
    private readonly List<long[]> _blocks = [];
    private long[] _last = [];
    private int _used;

    public int Count { get; private set; }

    public void Add(long micros)
    {
        if (_used == _last.Length)
        {
            _last = new long[Math.Clamp(_last.Length * 2, FirstBlock, LargestBlock)];
            _blocks.Add(_last);
            _used = 0;
        }
        _last[_used++] = micros;
        Count++;
    }

    /// <summary>Copies the values to <paramref name="target"/>, empties the list and returns how many it held.</summary>
    public int MoveTo(Span<long> target)
    {
        var at = 0;
        foreach (var block in _blocks)
        {
            var length = Math.Min(block.Length, Count - at);
            block.AsSpan(0, length).CopyTo(target[at..]);
            at += length;
        }
        _blocks.Clear();
        _last = [];
        _used = 0;
        Count = 0;
        return at;
    }
}
