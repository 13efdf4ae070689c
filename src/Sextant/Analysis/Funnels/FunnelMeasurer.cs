using Sextant.Engine.InMemory;
using Sextant.Events;

namespace Sextant.Analysis.Funnels;

/// <summary>
/// Matches every user against a funnel in memory, on every core over ranges of users, each
/// range counting its users per group and step and keeping their timings; the ranges' counts
/// are added and their timings joined, sorted, at the end.
/// </summary>
internal static class FunnelMeasurer
{
    /// <exception cref="SextantException">Fewer than two steps, more than 64, a non-positive window, or an unknown breakdown.</exception>
    public static FunnelMeasures Measure(EventTable table, FunnelQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return MeasureEach(table, query, [query.Breakdowns])[0];
    }

    /// <summary>
    /// The measures of <paramref name="query"/> with each of several breakdowns in turn, from one
    /// match of every user (a report shows the same funnel by segment and by channel).
    /// </summary>
    /// <exception cref="SextantException">Fewer than two steps, more than 64, a non-positive window, or an unknown breakdown.</exception>
    public static FunnelMeasures[] MeasureEach(EventTable table, FunnelQuery query, IReadOnlyList<ValueList<Breakdown>> breakdowns)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(breakdowns);
        Validate(query);
        var steps = query.Steps.Count;
        // An event-property breakdown takes the value on the step-1 event of the counted attempt
        // (SEMANTICS.md, Funnels), known only after matching: match once for those rows, group
        // on the same cohort filter, then count.
        var byEvent = breakdowns.Any(set => set.Any(b => b.Source == BreakdownSource.Event));
        var cohort = UserScope.Of(table, query with { Breakdowns = default });
        UserScope[] Scopes(int[]? startRows) => [.. breakdowns.Select(set => set.Count == 0 ? cohort : cohort.Regroup(table, set, query.Range, startRows))];
        var scopes = byEvent ? null : Scopes(null);
        var matcher = new FunnelMatcher(table, query);
        var ranges = UserRanges.Of(table, table.UserCount);
        scopes ??= Scopes(StartRows(table, cohort, matcher, ranges, steps));

        var parts = UserRanges.Run(ranges, (from, to) =>
        {
            var byScope = scopes.Select(scope => new Part(scope.GroupCount, steps)).ToArray();
            Span<long> fromPrevious = stackalloc long[steps];
            Span<long> fromStart = stackalloc long[steps];
            Span<long> scratch = stackalloc long[steps];
            for (var user = from; user < to; user++)
            {
                if (!cohort.Includes(user)) continue;
                var depth = matcher.Match(user, fromPrevious, fromStart, scratch, out _);
                for (var s = 0; s < scopes.Length; s++) byScope[s].Add(scopes[s].GroupOf(user), depth, fromPrevious, fromStart);
            }
            return byScope;
        });
        return [.. scopes.Select((scope, s) => Measures(scope, steps, [.. parts.Select(p => p[s])]))];
    }

    /// <summary>The measures of one breakdown from every range's counts.</summary>
    private static FunnelMeasures Measures(UserScope scope, int steps, Part[] parts)
    {
        var measured = new List<FunnelGroupMeasures>();
        for (var g = 0; g < scope.GroupCount; g++)
        {
            if (!parts.Any(p => p.Reached[g])) continue;
            var at = g * steps;
            measured.Add(new FunnelGroupMeasures(scope.Keys[g], [.. Enumerable.Range(0, steps).Select(k => new FunnelStepMeasures(
                parts.Sum(p => p.Users[at + k]), Timings(parts, p => p.FromPrevious[at + k]), Timings(parts, p => p.FromStart[at + k])))]));
        }
        return new FunnelMeasures(measured, parts.Sum(p => p.Excluded));
    }

    /// <summary>Each included user's step-1 row of the counted attempt, −1 for none.</summary>
    private static int[] StartRows(EventTable table, UserScope scope, FunnelMatcher matcher, (int From, int To)[] ranges, int steps)
    {
        var startRow = new int[table.UserCount];
        UserRanges.Run(ranges, (from, to) =>
        {
            Span<long> fromPrevious = stackalloc long[steps];
            Span<long> fromStart = stackalloc long[steps];
            Span<long> scratch = stackalloc long[steps];
            // Users outside the cohort keep row 0, as they always have: their group is never counted.
            for (var user = from; user < to; user++)
                if (scope.Includes(user)) matcher.Match(user, fromPrevious, fromStart, scratch, out startRow[user]);
            return true;
        });
        return startRow;
    }

    /// <summary>One step's timings from every range, sorted.</summary>
    private static long[] Timings(Part[] parts, Func<Part, DurationList?> of) =>
        SortedRuns.Merge([.. parts.Select(of).OfType<DurationList>()]);

    /// <summary>Throws for a funnel no engine can compute.</summary>
    /// <exception cref="SextantException">Fewer than two steps, more than 64, or a non-positive window.</exception>
    internal static void Validate(FunnelQuery query)
    {
        var steps = query.Steps.Count;
        if (steps < 2) throw new SextantException($"a funnel needs at least 2 steps, got {steps}");
        if (steps > FunnelQuery.MaxSteps) throw new SextantException($"a funnel has at most {FunnelQuery.MaxSteps} steps, got {steps}");
        if (query.Window <= TimeSpan.Zero) throw new SextantException($"the conversion window must be positive, got {query.Window}");
    }

    /// <summary>One range's users per group and step (group-major) and their timings, made on first use.</summary>
    private sealed class Part(int groups, int steps)
    {
        public long[] Users { get; } = new long[groups * steps];

        public bool[] Reached { get; } = new bool[groups];

        public DurationList?[] FromPrevious { get; } = new DurationList?[groups * steps];

        public DurationList?[] FromStart { get; } = new DurationList?[groups * steps];

        public long Excluded { get; private set; }

        /// <summary>Counts a user of <paramref name="group"/> who reached <paramref name="depth"/> steps (−1: excluded).</summary>
        public void Add(int group, int depth, ReadOnlySpan<long> fromPrevious, ReadOnlySpan<long> fromStart)
        {
            if (depth < 0) Excluded++;
            if (depth <= 0) return;
            Reached[group] = true;
            var at = group * steps;
            for (var k = 0; k < depth; k++)
            {
                Users[at + k]++;
                if (k == 0) continue;
                (FromPrevious[at + k] ??= new DurationList()).Add(fromPrevious[k]);
                (FromStart[at + k] ??= new DurationList()).Add(fromStart[k]);
            }
        }
    }
}
