using System.Collections.Concurrent;
using Sextant.Events;

namespace Sextant.Analysis.Paths;

internal static partial class PathMeasurer
{
    /// <summary>
    /// Co-usage is counted only among this many events, the most used ones. Counting every pair
    /// an entity did grows with the square of its distinct events (50 users with 2,000 distinct
    /// names each make 100 million pairs); with the cap the matrix is fixed in size and each
    /// entity costs at most this many squared.
    /// </summary>
    internal const int MaxCoUsageEvents = 500;

    /// <summary>
    /// The events co-usage is counted among: those used by at least the pair support (a pair's
    /// users never exceed either event's), and at most <see cref="MaxCoUsageEvents"/> of them,
    /// most users first, ties by name.
    /// </summary>
    internal static int[] CoUsageEvents(long[] usersPerEvent, string[] names, int minSupport)
    {
        var floor = Math.Max(1, minSupport);
        var events = new List<int>();
        for (var code = 0; code < usersPerEvent.Length; code++)
            if (usersPerEvent[code] >= floor) events.Add(code);
        if (events.Count <= MaxCoUsageEvents) return [.. events];
        return [.. events.OrderByDescending(e => usersPerEvent[e]).ThenBy(e => names[e], StringComparer.Ordinal).Take(MaxCoUsageEvents).Order()];
    }

    /// <summary>
    /// Entities who did both events of a pair, over <paramref name="events"/> only; pairs are at
    /// (lower index, higher index) into <paramref name="events"/>.
    /// </summary>
    private static PairCounts CountCoUsers(EventTable table, ScanSettings settings, int[] events)
    {
        var total = new PairCounts(events.Length);
        if (events.Length < 2 || table.UserCount == 0) return total;
        var index = new int[settings.Names];
        Array.Fill(index, -1);
        for (var i = 0; i < events.Length; i++) index[events[i]] = i;

        var parts = new ConcurrentBag<PairCounts>();
        Parallel.ForEach(Partitioner.Create(0, table.UserCount, EntitiesPerChunk),
            () => new CoUsageScan(table, settings, index, events.Length),
            (range, _, scan) =>
            {
                for (var user = range.Item1; user < range.Item2; user++)
                    if (settings.Scope.Includes(user)) scan.Entity(user);
                return scan;
            },
            scan => parts.Add(scan.Pairs));
        foreach (var part in parts) total.Merge(part);
        return total;
    }

    /// <summary>One thread's co-usage counts over the entities it scanned.</summary>
    private sealed class CoUsageScan(EventTable table, ScanSettings settings, int[] index, int size)
    {
        private readonly int[] _seenBy = Enumerable.Repeat(-1, size).ToArray();
        private readonly List<int> _distinct = [];

        public PairCounts Pairs { get; } = new(size);

        public void Entity(int user)
        {
            var codes = table.EventCodes;
            var timestamps = table.Timestamps;
            var (from, to) = (settings.Range.FromMicros, settings.Range.ToMicros);
            _distinct.Clear();
            for (var row = table.UserOffsets[user]; row < table.UserOffsets[user + 1]; row++)
            {
                var time = timestamps[row];
                if (time >= to) break;
                if (time < from) continue;
                var cleaned = settings.Map[codes[row]];
                if (cleaned < 0) continue;
                var at = index[cleaned];
                if (at < 0 || _seenBy[at] == user) continue;
                _seenBy[at] = user;
                _distinct.Add(at);
            }
            _distinct.Sort();
            for (var i = 0; i < _distinct.Count; i++)
                for (var j = i + 1; j < _distinct.Count; j++) Pairs.Add(_distinct[i], _distinct[j]);
        }
    }
}
