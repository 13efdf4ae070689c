using Sextant.Events;

namespace Sextant.Engine.InMemory;

/// <summary>
/// Splits entities into contiguous ranges with about the same number of events, so that a pass
/// runs on every core with per-range partial counts that are merged afterwards in range order.
/// Merging in range order keeps lists of values in entity order, exactly as a serial pass fills
/// them; integer counts add up to the same totals in any order. Several ranges per core even out
/// a machine whose cores are also busy with other work.
/// </summary>
internal static class UserRanges
{
    private const int RangesPerCore = 4;

    /// <summary>Entities [0, <paramref name="userCount"/>) in ranges of about equal event counts.</summary>
    public static (int From, int To)[] Of(EventTable table, int userCount)
    {
        var offsets = table.UserOffsets;
        var count = userCount == 0 ? 1 : Math.Min(userCount, Environment.ProcessorCount * RangesPerCore);
        var ranges = new (int From, int To)[count];
        var first = offsets[0];
        long events = offsets[userCount] - first;
        var from = 0;
        for (var r = 0; r < count; r++)
        {
            var to = r == count - 1 ? userCount : Math.Max(from, FirstUserAtOrAfter(offsets, userCount, first + events * (r + 1) / count));
            ranges[r] = (from, to);
            from = to;
        }
        return ranges;
    }

    /// <summary>Runs <paramref name="body"/> on each range in parallel and returns its results in range order.</summary>
    public static T[] Run<T>((int From, int To)[] ranges, Func<int, int, T> body)
    {
        var results = new T[ranges.Length];
        Parallel.For(0, ranges.Length, r => results[r] = body(ranges[r].From, ranges[r].To));
        return results;
    }

    /// <summary>The first entity whose rows start at or after <paramref name="row"/>.</summary>
    private static int FirstUserAtOrAfter(int[] offsets, int userCount, long row)
    {
        int low = 0, high = userCount;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (offsets[middle] < row) low = middle + 1;
            else high = middle;
        }
        return low;
    }
}
