using Sextant.Events;

namespace Sextant.Analysis.Funnels;

/// <summary>
/// Finds how far one user gets through a funnel (SEMANTICS.md, Funnels): every step-1
/// occurrence opens an attempt; later steps match greedily at the earliest qualifying instant at
/// or after the previous step's instant, within the window from step 1 (inclusive); the user's
/// result is the furthest step over all attempts, and each step's timings come from the
/// earliest attempt that reached it. Only step-1 events inside the query's range open attempts;
/// later steps may fall after its end.
/// </summary>
internal sealed class FunnelMatcher
{
    private readonly EventTable _table;
    private readonly ulong[] _stepMask;
    private readonly bool[] _excluded;
    private readonly int _steps;
    private readonly long _window;
    private readonly FunnelOrder _order;
    private readonly bool _hasExclusions;
    private readonly ulong[]? _rowMask;
    private readonly long _from;
    private readonly long _to;

    public FunnelMatcher(EventTable table, FunnelQuery query)
    {
        _table = table;
        _steps = query.Steps.Count;
        _window = query.Window.Ticks / 10;
        _order = query.Order;
        _from = query.Range.FromMicros;
        _to = query.Range.ToMicros;
        _stepMask = new ulong[table.EventNames.Length];
        for (var step = 0; step < _steps; step++)
            foreach (var name in query.Steps[step].Events)
            {
                var code = table.EventCode(name);
                if (code >= 0) _stepMask[code] |= 1UL << step;
            }
        _excluded = new bool[table.EventNames.Length];
        foreach (var name in query.Exclude)
        {
            var code = table.EventCode(name);
            if (code >= 0) _excluded[code] = true;
        }
        _hasExclusions = _excluded.Contains(true);
        if (query.Steps.Any(step => step.Filters.Count > 0)) _rowMask = RowMasks(table, query, _stepMask);
    }

    /// <summary>The steps row <paramref name="row"/> satisfies, as a bit per step.</summary>
    private ulong MaskOf(int row) => _rowMask?[row] ?? _stepMask[_table.EventCodes[row]];

    /// <summary>Per-row step masks when some step filters on event properties: the event must match and every filter hold.</summary>
    private static ulong[] RowMasks(EventTable table, FunnelQuery query, ulong[] stepMask)
    {
        var masks = new ulong[table.EventCount];
        for (var row = 0; row < masks.Length; row++) masks[row] = stepMask[table.EventCodes[row]];
        var columns = new Dictionary<string, CodedColumn>(StringComparer.Ordinal);
        for (var step = 0; step < query.Steps.Count; step++)
            foreach (var filter in query.Steps[step].Filters)
            {
                if (!columns.TryGetValue(filter.Property, out var column)) columns[filter.Property] = column = table.Property(filter.Property);
                var bit = 1UL << step;
                for (var row = 0; row < masks.Length; row++)
                    if ((masks[row] & bit) != 0 && !filter.Holds(column[row])) masks[row] &= ~bit;
            }
        return masks;
    }

    /// <summary>
    /// Returns the depth reached, or −1 when an exclusion event removes the user, and fills, for
    /// each step after the first, the time (µs) from the previous step and from step 1 in the
    /// earliest attempt that reached it. <paramref name="countedStart"/> is the step-1 row of the
    /// counted attempt (the earliest that reached the user's depth), or −1 when none opened.
    /// </summary>
    public int Match(int user, Span<long> fromPrevious, Span<long> fromStart, Span<long> scratch, out int countedStart) =>
        Match(user, _from, _to, fromPrevious, fromStart, scratch, out countedStart);

    /// <summary>True when row <paramref name="row"/> can open an attempt (step 1; any step of an unordered funnel), wherever it lies in time.</summary>
    public bool Opens(int row) => _order == FunnelOrder.Unordered ? MaskOf(row) != 0 : (MaskOf(row) & 1) != 0;

    /// <summary>
    /// <see cref="Match(int, Span{long}, Span{long}, Span{long}, out int)"/> with attempts opening in
    /// [<paramref name="from"/>, <paramref name="to"/>) instead of the query's range: the funnel of
    /// the users who entered on one day, say, without building a matcher per day.
    /// </summary>
    public int Match(int user, long from, long to, Span<long> fromPrevious, Span<long> fromStart, Span<long> scratch, out int countedStart)
    {
        countedStart = -1;
        var recorded = 1;
        var start = _table.UserOffsets[user];
        var end = _table.UserOffsets[user + 1];
        var best = 0;
        long bestStart = 0, bestLast = 0;
        for (var row = start; row < end; row++)
        {
            // Attempts open inside the range only; rows are in time order within a user.
            var t = _table.Timestamps[row];
            if (t < from) continue;
            if (t >= to) break;
            var mask = MaskOf(row);
            var opens = _order == FunnelOrder.Unordered ? mask != 0 : (mask & 1) != 0;
            if (!opens) continue;
            var depth = _order switch
            {
                FunnelOrder.Strict => Strict(row, end, scratch),
                FunnelOrder.Unordered => Unordered(row, end, scratch),
                _ => Ordered(row, start, end, scratch),
            };
            for (; recorded < depth; recorded++)
            {
                fromPrevious[recorded] = scratch[recorded] - scratch[recorded - 1];
                fromStart[recorded] = scratch[recorded] - scratch[0];
            }
            if (depth > best)
            {
                best = depth;
                countedStart = row;
                bestStart = scratch[0];
                bestLast = scratch[depth - 1];
            }
            if (best == _steps) break;
        }
        if (best > 0 && HasExclusion(start, end, bestStart, bestLast)) return -1;
        return best;
    }

    private int Ordered(int first, int start, int end, Span<long> instants)
    {
        var times = _table.Timestamps;
        var deadline = times[first] + _window;
        instants[0] = times[first];
        Span<int> used = stackalloc int[_steps];
        used[0] = first;
        var depth = 1;
        var previous = first;
        for (var step = 1; step < _steps; step++)
        {
            // "At or after the previous step's instant": rows with the same instant count even if stored before it.
            var row = previous;
            while (row > start && times[row - 1] == times[previous]) row--;
            var found = -1;
            for (; row < end && times[row] <= deadline; row++)
            {
                if ((MaskOf(row) & (1UL << step)) == 0 || used[..depth].Contains(row)) continue;
                found = row;
                break;
            }
            if (found < 0) break;
            used[depth] = found;
            instants[depth] = times[found];
            depth++;
            previous = found;
        }
        return depth;
    }

    private int Strict(int first, int end, Span<long> instants)
    {
        var times = _table.Timestamps;
        var deadline = times[first] + _window;
        instants[0] = times[first];
        var depth = 1;
        for (var row = first + 1; row < end && depth < _steps && times[row] <= deadline; row++)
        {
            var mask = MaskOf(row);
            if ((mask & (1UL << depth)) != 0)
            {
                instants[depth++] = times[row];
            }
            else if (mask == 0)
            {
                break; // an event that is no step resets progress
            }
        }
        return depth;
    }

    private int Unordered(int first, int end, Span<long> instants)
    {
        var times = _table.Timestamps;
        var deadline = times[first] + _window;
        ulong done = 0;
        var depth = 0;
        for (var row = first; row < end && depth < _steps && times[row] <= deadline; row++)
        {
            var open = MaskOf(row) & ~done;
            if (open == 0) continue;
            done |= open & (~open + 1); // the lowest step this event can still complete
            instants[depth++] = times[row];
        }
        return depth;
    }

    private bool HasExclusion(int start, int end, long from, long to)
    {
        if (!_hasExclusions) return false;
        for (var row = start; row < end; row++)
        {
            var t = _table.Timestamps[row];
            if (t > to) break;
            if (t >= from && _excluded[_table.EventCodes[row]]) return true;
        }
        return false;
    }
}
