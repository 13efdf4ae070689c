using Sextant.Stats;

namespace Sextant.Analysis.Paths;

public static partial class PathRunner
{
    private static PathResult Report(PathScan scan, PairCounts coUsers, int[] coUsageEvents, string[] names, PathQuery query)
    {
        var paths = scan.Paths;
        var withPath = scan.SequencesWithPath;
        var top = TopPaths(paths, names, query.Top);
        var counts = top.Select(i => new PathCount(Names(paths.Steps(i), names), paths.Sequences(i), paths.Users(i), Share(paths.Sequences(i), withPath))).ToList();
        var (edges, dropoff) = Nodes(paths, names);
        var conversion = query.Converted is null ? null : Conversion(paths, top, names, query.Converted, withPath);
        var network = new FeatureNetwork(scan.UsersWithEvent, CoUsage(scan, coUsers, coUsageEvents, names, query), Transitions(scan, names, query.TopTransitions));
        return new PathResult(scan.Sequences, withPath, scan.UsersWithPath, paths.Count, counts, edges, dropoff, conversion, network);
    }

    private static double Share(long part, long whole) => whole == 0 ? 0 : part / (double)whole;

    private static string[] Names(ReadOnlySpan<int> codes, string[] names)
    {
        var steps = new string[codes.Length];
        for (var i = 0; i < steps.Length; i++) steps[i] = names[codes[i]];
        return steps;
    }

    /// <summary>The entries of the most frequent paths; ties in count go by steps, ordinally, element by element.</summary>
    private static List<int> TopPaths(PathTable paths, string[] names, int top)
    {
        if (paths.Count == 0) return [];
        // Only paths at least as frequent as the top-th need the (string) tie-break sort.
        var byCount = new long[paths.Count];
        for (var i = 0; i < byCount.Length; i++) byCount[i] = paths.Sequences(i);
        Array.Sort(byCount);
        var threshold = byCount[Math.Max(0, byCount.Length - top)];
        var candidates = new List<int>();
        for (var i = 0; i < paths.Count; i++)
            if (paths.Sequences(i) >= threshold) candidates.Add(i);
        candidates.Sort((x, y) =>
        {
            var byFrequency = paths.Sequences(y).CompareTo(paths.Sequences(x));
            return byFrequency != 0 ? byFrequency : CompareSteps(paths.Steps(x), paths.Steps(y), names);
        });
        return candidates.Take(top).ToList();
    }

    private static int CompareSteps(ReadOnlySpan<int> x, ReadOnlySpan<int> y, string[] names)
    {
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            var order = string.CompareOrdinal(names[x[i]], names[y[i]]);
            if (order != 0) return order;
        }
        return x.Length.CompareTo(y.Length);
    }

    /// <summary>Sankey edges and drop-off per node, over every distinct path weighted by its sequences.</summary>
    private static (List<PathEdge> Edges, List<PathDropoff> Dropoff) Nodes(PathTable paths, string[] names)
    {
        var edges = new Dictionary<(int Step, int From, int To), long>();
        var reaching = new Dictionary<(int Step, int Event), long>();
        var ends = new Dictionary<(int Step, int Event), long>();
        for (var i = 0; i < paths.Count; i++)
        {
            var steps = paths.Steps(i);
            var count = paths.Sequences(i);
            for (var k = 0; k < steps.Length; k++)
            {
                var node = (k + 1, steps[k]);
                reaching[node] = reaching.GetValueOrDefault(node) + count;
                if (k + 1 < steps.Length)
                {
                    var edge = (k + 1, steps[k], steps[k + 1]);
                    edges[edge] = edges.GetValueOrDefault(edge) + count;
                }
            }
            var last = (steps.Length, steps[^1]);
            ends[last] = ends.GetValueOrDefault(last) + count;
        }
        var edgeList = edges.Select(e => new PathEdge(e.Key.Step, names[e.Key.From], names[e.Key.To], e.Value))
            .OrderBy(e => e.Step).ThenByDescending(e => e.Count).ThenBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal).ToList();
        var dropoff = reaching.Select(n =>
            {
                var ended = ends.GetValueOrDefault(n.Key);
                return new PathDropoff(n.Key.Step, names[n.Key.Event], ended, n.Value, Share(ended, n.Value));
            })
            .OrderBy(d => d.Step).ThenByDescending(d => d.Ends).ThenBy(d => d.Event, StringComparer.Ordinal).ToList();
        return (edgeList, dropoff);
    }

    private static PathConversionSummary Conversion(PathTable paths, List<int> top, string[] names, string conversionEvent, long withPath)
    {
        long converted = 0;
        for (var i = 0; i < paths.Count; i++) converted += paths.Converted(i);
        var rows = new List<PathConversion>(top.Count);
        foreach (var i in top)
        {
            var sequences = paths.Sequences(i);
            var yes = paths.Converted(i);
            var interval = Proportions.Wilson(yes, sequences);
            rows.Add(new PathConversion(Names(paths.Steps(i), names), sequences, yes, Share(yes, sequences), interval.Low, interval.High,
                Share(converted - yes, withPath - sequences)));
        }
        return new PathConversionSummary(conversionEvent, withPath, converted, Share(converted, withPath), rows);
    }

    private static List<CoUsage> CoUsage(PathScan scan, PairCounts coUsers, int[] coUsageEvents, string[] names, PathQuery query)
    {
        var all = scan.UsersWithEvent;
        var pairs = new List<CoUsage>();
        foreach (var (i, j, both) in coUsers.NonZero())
        {
            if (both < query.MinPairSupport) continue;
            var (a, b) = (coUsageEvents[i], coUsageEvents[j]);
            var usersA = scan.UsersPerEvent[a];
            var usersB = scan.UsersPerEvent[b];
            var lift = both * (double)all / (usersA * (double)usersB);
            var (first, second, firstUsers, secondUsers) = string.CompareOrdinal(names[a], names[b]) <= 0
                ? (names[a], names[b], usersA, usersB)
                : (names[b], names[a], usersB, usersA);
            pairs.Add(new CoUsage(first, second, both, firstUsers, secondUsers, lift));
        }
        return pairs.OrderByDescending(p => p.Lift).ThenByDescending(p => p.Users)
            .ThenBy(p => p.A, StringComparer.Ordinal).ThenBy(p => p.B, StringComparer.Ordinal).Take(query.TopPairs).ToList();
    }

    private static List<Transition> Transitions(PathScan scan, string[] names, int top)
    {
        var outgoing = new long[names.Length];
        var all = scan.Transitions.NonZero().ToList();
        foreach (var (from, _, count) in all) outgoing[from] += count;
        return all.Select(t => new Transition(names[t.A], names[t.B], t.Count, Share(t.Count, outgoing[t.A])))
            .OrderByDescending(t => t.Count).ThenBy(t => t.From, StringComparer.Ordinal).ThenBy(t => t.To, StringComparer.Ordinal).Take(top).ToList();
    }
}
