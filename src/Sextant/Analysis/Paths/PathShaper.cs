using Sextant.Stats;

namespace Sextant.Analysis.Paths;

/// <summary>Turns path counts into the top paths, Sankey edges, drop-off, conversion per path and the feature network.</summary>
public static class PathShaper
{
    /// <summary>The result of <paramref name="query"/> from its measures.</summary>
    public static PathResult Shape(PathQuery query, PathMeasures measures)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(measures);
        var names = measures.Events;
        var paths = measures.Paths;
        var withPath = measures.SequencesWithPath;
        var top = TopPaths(paths, names, query.Top);
        var counts = top.Select(p => new PathCount(Names(p.Steps, names), p.Sequences, p.Users, Share(p.Sequences, withPath))).ToList();
        var (edges, dropoff) = Nodes(paths, names);
        var conversion = query.Converted is null ? null : Conversion(paths, top, names, query.Converted, withPath);
        var network = new FeatureNetwork(measures.UsersWithEvent, CoUsage(measures, query), Transitions(measures, query.TopTransitions));
        return new PathResult(measures.Sequences, withPath, measures.UsersWithPath, paths.Count, counts, edges, dropoff, conversion, network)
        {
            Groups = query.Breakdowns.Count == 0 ? null : Groups(query, measures),
        };
    }

    /// <summary>The largest groups by entities with a path (ties by label), the rest added up path by path as Other.</summary>
    private static List<PathGroup> Groups(PathQuery query, PathMeasures measures)
    {
        var groups = measures.Groups;
        var (kept, other) = TopGroups.Split(groups.Select(g => g.Values).ToList(), i => groups[i].UsersWithPath, query.BreakdownLimit);
        var rows = kept.Select(i => Group(Breakdowns.Label(groups[i].Values), groups[i], query.Top, measures.Events)).ToList();
        if (other.Count == 0) return rows;
        // Groups are disjoint, so a path's entities add up across them.
        var merged = other.SelectMany(i => groups[i].Paths).GroupBy(p => p.Steps)
            .Select(g => new PathTally(g.Key, g.Sum(p => p.Sequences), g.Sum(p => p.Users), g.Sum(p => p.Converted))).ToList();
        var otherGroup = new PathGroupMeasures([Breakdowns.OtherValues], other.Sum(i => groups[i].SequencesWithPath), other.Sum(i => groups[i].UsersWithPath), merged);
        rows.Add(Group(Breakdowns.OtherValues, otherGroup, query.Top, measures.Events));
        return rows;
    }

    private static PathGroup Group(string label, PathGroupMeasures group, int top, IReadOnlyList<string> names) =>
        new(label, group.Values, group.UsersWithPath, group.SequencesWithPath,
            TopPaths(group.Paths, names, top).Select(p => new PathCount(Names(p.Steps, names), p.Sequences, p.Users, Share(p.Sequences, group.SequencesWithPath))).ToList());

    private static double Share(long part, long whole) => whole == 0 ? 0 : part / (double)whole;

    private static string[] Names(ValueList<int> codes, IReadOnlyList<string> names)
    {
        var steps = new string[codes.Count];
        for (var i = 0; i < steps.Length; i++) steps[i] = names[codes[i]];
        return steps;
    }

    /// <summary>The most frequent paths; ties in count go by steps, ordinally, element by element.</summary>
    private static List<PathTally> TopPaths(IReadOnlyList<PathTally> paths, IReadOnlyList<string> names, int top)
    {
        if (paths.Count == 0) return [];
        // Only paths at least as frequent as the top-th need the (string) tie-break sort.
        var byCount = new long[paths.Count];
        for (var i = 0; i < byCount.Length; i++) byCount[i] = paths[i].Sequences;
        Array.Sort(byCount);
        var threshold = byCount[Math.Max(0, byCount.Length - top)];
        var candidates = paths.Where(p => p.Sequences >= threshold).ToList();
        candidates.Sort((x, y) =>
        {
            var byFrequency = y.Sequences.CompareTo(x.Sequences);
            return byFrequency != 0 ? byFrequency : CompareSteps(x.Steps, y.Steps, names);
        });
        return candidates.Take(top).ToList();
    }

    private static int CompareSteps(ValueList<int> x, ValueList<int> y, IReadOnlyList<string> names)
    {
        for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
        {
            var order = string.CompareOrdinal(names[x[i]], names[y[i]]);
            if (order != 0) return order;
        }
        return x.Count.CompareTo(y.Count);
    }

    /// <summary>Sankey edges and drop-off per node, over every distinct path weighted by its sequences.</summary>
    private static (List<PathEdge> Edges, List<PathDropoff> Dropoff) Nodes(IReadOnlyList<PathTally> paths, IReadOnlyList<string> names)
    {
        var edges = new Dictionary<(int Step, int From, int To), long>();
        var reaching = new Dictionary<(int Step, int Event), long>();
        var ends = new Dictionary<(int Step, int Event), long>();
        foreach (var path in paths)
        {
            var steps = path.Steps;
            var count = path.Sequences;
            for (var k = 0; k < steps.Count; k++)
            {
                var node = (k + 1, steps[k]);
                reaching[node] = reaching.GetValueOrDefault(node) + count;
                if (k + 1 < steps.Count)
                {
                    var edge = (k + 1, steps[k], steps[k + 1]);
                    edges[edge] = edges.GetValueOrDefault(edge) + count;
                }
            }
            var last = (steps.Count, steps[^1]);
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

    private static PathConversionSummary Conversion(IReadOnlyList<PathTally> paths, List<PathTally> top, IReadOnlyList<string> names, string conversionEvent, long withPath)
    {
        long converted = 0;
        foreach (var path in paths) converted += path.Converted;
        var rows = new List<PathConversion>(top.Count);
        foreach (var path in top)
        {
            var sequences = path.Sequences;
            var yes = path.Converted;
            var interval = Proportions.Wilson(yes, sequences);
            rows.Add(new PathConversion(Names(path.Steps, names), sequences, yes, Share(yes, sequences), interval.Low, interval.High,
                Share(converted - yes, withPath - sequences)));
        }
        return new PathConversionSummary(conversionEvent, withPath, converted, Share(converted, withPath), rows);
    }

    private static List<CoUsage> CoUsage(PathMeasures measures, PathQuery query)
    {
        var names = measures.Events;
        var all = measures.UsersWithEvent;
        var pairs = new List<CoUsage>();
        foreach (var (a, b, both) in measures.CoUsers)
        {
            if (both < query.MinPairSupport) continue;
            var usersA = measures.UsersPerEvent[a];
            var usersB = measures.UsersPerEvent[b];
            var lift = both * (double)all / (usersA * (double)usersB);
            var (first, second, firstUsers, secondUsers) = string.CompareOrdinal(names[a], names[b]) <= 0
                ? (names[a], names[b], usersA, usersB)
                : (names[b], names[a], usersB, usersA);
            pairs.Add(new CoUsage(first, second, both, firstUsers, secondUsers, lift));
        }
        return pairs.OrderByDescending(p => p.Lift).ThenByDescending(p => p.Users)
            .ThenBy(p => p.A, StringComparer.Ordinal).ThenBy(p => p.B, StringComparer.Ordinal).Take(query.TopPairs).ToList();
    }

    private static List<Transition> Transitions(PathMeasures measures, int top)
    {
        var names = measures.Events;
        var outgoing = new long[names.Count];
        foreach (var (from, _, count) in measures.Transitions) outgoing[from] += count;
        return measures.Transitions.Select(t => new Transition(names[t.First], names[t.Second], t.Count, Share(t.Count, outgoing[t.First])))
            .OrderByDescending(t => t.Count).ThenBy(t => t.From, StringComparer.Ordinal).ThenBy(t => t.To, StringComparer.Ordinal).Take(top).ToList();
    }
}
