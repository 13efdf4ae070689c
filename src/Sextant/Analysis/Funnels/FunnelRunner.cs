using Sextant.Events;
using Sextant.Stats;

namespace Sextant.Analysis.Funnels;

/// <summary>Computes funnels on an <see cref="EventTable"/>, in parallel over users.</summary>
public static class FunnelRunner
{
    private const string NoValue = "(none)";
    private const string OtherValues = "Other";

    /// <summary>Runs the funnel.</summary>
    /// <exception cref="SextantException">Fewer than two steps, more than 64, a non-positive window, or an unknown breakdown attribute.</exception>
    public static FunnelResult Run(EventTable table, FunnelQuery query)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(query);
        var steps = query.Steps.Count;
        if (steps < 2) throw new SextantException($"a funnel needs at least 2 steps, got {steps}");
        if (steps > 64) throw new SextantException($"a funnel has at most 64 steps, got {steps}");
        if (query.Window <= TimeSpan.Zero) throw new SextantException($"the conversion window must be positive, got {query.Window}");

        var matcher = new FunnelMatcher(table, query);
        var depth = new int[table.UserCount];
        var timings = new Timings(new long[table.UserCount * (long)steps], new long[table.UserCount * (long)steps], steps);
        Parallel.For(0, table.UserCount, () => new long[steps], (user, _, scratch) =>
        {
            depth[user] = matcher.Match(user, timings.FromPrevious.AsSpan(user * steps, steps), timings.FromStart.AsSpan(user * steps, steps), scratch);
            return scratch;
        }, _ => { });

        var everyone = Enumerable.Range(0, table.UserCount).Where(u => depth[u] >= 0).ToArray();
        var overall = Steps(query, everyone, depth, timings);
        var breakdown = query.Breakdown is null ? [] : Breakdown(table, query, everyone, depth, timings, overall);
        int? biggestDrop = null;
        for (var k = 1; k < overall.Count; k++)
            if (overall[k - 1].Users > 0 && (biggestDrop is null || overall[k].ConversionFromPrevious < overall[biggestDrop.Value].ConversionFromPrevious))
                biggestDrop = k;
        return new FunnelResult(query.Order, query.Window.TotalSeconds, overall, breakdown, depth.LongCount(d => d < 0), biggestDrop);
    }

    private static List<FunnelStepResult> Steps(FunnelQuery query, IReadOnlyList<int> users, int[] depth, Timings timings)
    {
        var steps = query.Steps.Count;
        var results = new List<FunnelStepResult>(steps);
        long first = 0, previous = 0;
        for (var k = 0; k < steps; k++)
        {
            long reached = 0;
            var fromPrevious = new List<double>();
            var fromStart = new List<double>();
            foreach (var user in users)
            {
                if (depth[user] <= k) continue;
                reached++;
                if (k == 0) continue;
                fromPrevious.Add(timings.FromPrevious[user * steps + k] / 1e6);
                fromStart.Add(timings.FromStart[user * steps + k] / 1e6);
            }
            if (k == 0) first = previous = reached;
            var fromPreviousCi = Proportions.Wilson(reached, previous);
            var fromStartCi = Proportions.Wilson(reached, first);
            results.Add(new FunnelStepResult(
                query.Steps[k].Name,
                reached,
                previous == 0 ? 0 : reached / (double)previous,
                first == 0 ? 0 : reached / (double)first,
                fromPreviousCi.Low, fromPreviousCi.High, fromStartCi.Low, fromStartCi.High,
                previous - reached,
                Quantiles.Of(fromPrevious, 0.5), Quantiles.Of(fromPrevious, 0.9),
                Quantiles.Of(fromStart, 0.5), Quantiles.Of(fromStart, 0.9)));
            previous = reached;
        }
        return results;
    }

    private static List<FunnelBreakdown> Breakdown(EventTable table, FunnelQuery query, int[] users, int[] depth, Timings timings, List<FunnelStepResult> overall)
    {
        var column = table.Attributes[query.Breakdown!]
            ?? throw new SextantException(NameCheck.Unknown("breakdown", query.Breakdown!, null, table.Attributes.Names));
        string ValueOf(int user) => user < column.Codes.Length ? column[user] ?? NoValue : NoValue;

        var starters = users.Where(u => depth[u] > 0).GroupBy(ValueOf).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var kept = starters.Take(Math.Max(1, query.BreakdownLimit)).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var groups = users.GroupBy(u => kept.Contains(ValueOf(u)) ? ValueOf(u) : OtherValues)
            .OrderByDescending(g => g.Count(u => depth[u] > 0)).ThenBy(g => g.Key, StringComparer.Ordinal);

        var last = query.Steps.Count - 1;
        var totalStart = overall[0].Users;
        var totalEnd = overall[last].Users;
        var result = new List<FunnelBreakdown>();
        foreach (var group in groups)
        {
            var members = group.ToArray();
            var steps = Steps(query, members, depth, timings);
            var start = steps[0].Users;
            var end = steps[last].Users;
            if (start == 0) continue;
            var ratio = Proportions.RiskRatio(totalEnd - end, totalStart - start, end, start);
            var test = Proportions.TwoProportionZ(totalEnd - end, totalStart - start, end, start);
            result.Add(new FunnelBreakdown(group.Key, steps, end / (double)start, ratio?.Ratio, ratio?.Interval.Low, ratio?.Interval.High, test.PValue));
        }
        return result;
    }

    /// <summary>Per user and step (index user × steps + step): µs from the previous step and from step 1.</summary>
    private sealed record Timings(long[] FromPrevious, long[] FromStart, int Steps);
}
