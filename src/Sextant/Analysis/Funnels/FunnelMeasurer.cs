using Sextant.Engine.InMemory;
using Sextant.Events;

namespace Sextant.Analysis.Funnels;

/// <summary>Matches every user against a funnel in memory, in parallel over users.</summary>
internal static class FunnelMeasurer
{
    /// <exception cref="SextantException">Fewer than two steps, more than 64, a non-positive window, or an unknown breakdown.</exception>
    public static FunnelMeasures Measure(EventTable table, FunnelQuery query)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(query);
        Validate(query);
        var steps = query.Steps.Count;
        // An event-property breakdown takes the value on the step-1 event of the counted attempt
        // (SEMANTICS.md, Funnels), known only after matching: group then, on the same cohort filter.
        var byEvent = query.Breakdowns.Any(b => b.Source == BreakdownSource.Event);
        var scope = UserScope.Of(table, byEvent ? query with { Breakdowns = default } : query);
        var matcher = new FunnelMatcher(table, query);
        var depth = new int[table.UserCount];
        var startRow = new int[table.UserCount];
        var fromPrevious = new long[table.UserCount * (long)steps];
        var fromStart = new long[table.UserCount * (long)steps];
        Parallel.For(0, table.UserCount, () => new long[steps], (user, _, scratch) =>
        {
            if (scope.Includes(user))
                depth[user] = matcher.Match(user, fromPrevious.AsSpan(user * steps, steps), fromStart.AsSpan(user * steps, steps), scratch, out startRow[user]);
            return scratch;
        }, _ => { });
        if (byEvent) scope = scope.Regroup(table, query.Breakdowns, query.Range, startRow);

        var groups = new Group?[scope.GroupCount];
        long excluded = 0;
        for (var user = 0; user < depth.Length; user++)
        {
            if (depth[user] < 0) excluded++;
            if (depth[user] <= 0) continue;
            var group = groups[scope.GroupOf(user)] ??= new Group(steps);
            for (var k = 0; k < depth[user]; k++)
            {
                group.Users[k]++;
                if (k == 0) continue;
                group.FromPrevious[k].Add(fromPrevious[user * steps + k]);
                group.FromStart[k].Add(fromStart[user * steps + k]);
            }
        }
        var measured = new List<FunnelGroupMeasures>();
        for (var g = 0; g < groups.Length; g++)
            if (groups[g] is { } group)
                measured.Add(new FunnelGroupMeasures(scope.Keys[g],
                    [.. Enumerable.Range(0, steps).Select(k => new FunnelStepMeasures(group.Users[k], group.FromPrevious[k], group.FromStart[k]))]));
        return new FunnelMeasures(measured, excluded);
    }

    /// <summary>Throws for a funnel no engine can compute.</summary>
    /// <exception cref="SextantException">Fewer than two steps, more than 64, or a non-positive window.</exception>
    internal static void Validate(FunnelQuery query)
    {
        var steps = query.Steps.Count;
        if (steps < 2) throw new SextantException($"a funnel needs at least 2 steps, got {steps}");
        if (steps > FunnelQuery.MaxSteps) throw new SextantException($"a funnel has at most {FunnelQuery.MaxSteps} steps, got {steps}");
        if (query.Window <= TimeSpan.Zero) throw new SextantException($"the conversion window must be positive, got {query.Window}");
    }

    /// <summary>The step counts and timings of one group's users.</summary>
    private sealed class Group(int steps)
    {
        public long[] Users { get; } = new long[steps];

        public List<long>[] FromPrevious { get; } = [.. Enumerable.Range(0, steps).Select(_ => new List<long>())];

        public List<long>[] FromStart { get; } = [.. Enumerable.Range(0, steps).Select(_ => new List<long>())];
    }
}
