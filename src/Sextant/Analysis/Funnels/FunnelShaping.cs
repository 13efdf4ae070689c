using System.Runtime.InteropServices;
using Sextant.Stats;

namespace Sextant.Analysis.Funnels;

/// <summary>
/// What the step funnel and the lifecycle funnel shape alike: step rows with Wilson intervals
/// and time quantiles, the biggest drop, and breakdown groups cut to the largest by step-1 users
/// with the rest merged into Other, each compared with everyone else.
/// </summary>
internal static class FunnelShaping
{
    /// <summary>The steps of several groups together: counts added, timings pooled.</summary>
    public static FunnelStepMeasures[] Merge(int steps, IEnumerable<IReadOnlyList<FunnelStepMeasures>> groups)
    {
        var users = new long[steps];
        var fromPrevious = Enumerable.Range(0, steps).Select(_ => new List<long>()).ToArray();
        var fromStart = Enumerable.Range(0, steps).Select(_ => new List<long>()).ToArray();
        foreach (var group in groups)
            for (var k = 0; k < steps; k++)
            {
                users[k] += group[k].Users;
                fromPrevious[k].AddRange(group[k].MicrosFromPrevious);
                fromStart[k].AddRange(group[k].MicrosFromStart);
            }
        // Sorted once here (the same values), the quantiles below sort sorted lists, which is quick.
        for (var k = 0; k < steps; k++)
        {
            SortedRuns.Sort(CollectionsMarshal.AsSpan(fromPrevious[k]));
            SortedRuns.Sort(CollectionsMarshal.AsSpan(fromStart[k]));
        }
        return [.. Enumerable.Range(0, steps).Select(k => new FunnelStepMeasures(users[k], fromPrevious[k], fromStart[k]))];
    }

    /// <summary>One result row per step: conversions with Wilson 95% intervals, drop-off, median and p90 times (null without timings).</summary>
    public static List<FunnelStepResult> Steps(IReadOnlyList<string> names, IReadOnlyList<FunnelStepMeasures> steps)
    {
        var results = new List<FunnelStepResult>(steps.Count);
        var first = steps.Count == 0 ? 0 : steps[0].Users;
        var previous = first;
        for (var k = 0; k < steps.Count; k++)
        {
            var reached = steps[k].Users;
            var fromPrevious = steps[k].MicrosFromPrevious.Select(m => m / 1e6).ToList();
            var fromStart = steps[k].MicrosFromStart.Select(m => m / 1e6).ToList();
            var fromPreviousCi = Proportions.Wilson(reached, previous);
            var fromStartCi = Proportions.Wilson(reached, first);
            results.Add(new FunnelStepResult(
                names[k],
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

    /// <summary>The step (≥ 1) with the lowest conversion from a previous step that has users, or null.</summary>
    public static int? BiggestDrop(IReadOnlyList<FunnelStepResult> steps)
    {
        int? biggestDrop = null;
        for (var k = 1; k < steps.Count; k++)
            if (steps[k - 1].Users > 0 && (biggestDrop is null || steps[k].ConversionFromPrevious < steps[biggestDrop.Value].ConversionFromPrevious))
                biggestDrop = k;
        return biggestDrop;
    }

    /// <summary>
    /// One row per group with step-1 users: the <paramref name="limit"/> largest by step-1 users
    /// (ties by label) keep their row, the rest are merged into Other; rows come largest first.
    /// Each is compared on overall conversion (last step / step 1) with all other groups' users.
    /// </summary>
    public static List<FunnelBreakdown> Breakdown(IReadOnlyList<string> names, IReadOnlyList<FunnelGroupMeasures> groups, int limit)
    {
        var started = groups.Where(g => g.Steps[0].Users > 0).ToList();
        var (kept, other) = TopGroups.Split([.. started.Select(g => g.Values)], i => started[i].Steps[0].Users, limit);
        var rows = kept.Select(i => (Values: started[i].Values, Label: Breakdowns.Label(started[i].Values), Steps: started[i].Steps)).ToList();
        if (other.Count > 0)
            rows.Add(([Breakdowns.OtherValues], Breakdowns.OtherValues, Merge(names.Count, other.Select(i => started[i].Steps))));

        var last = names.Count - 1;
        var totalStart = started.Sum(g => g.Steps[0].Users);
        var totalEnd = started.Sum(g => g.Steps[last].Users);
        return rows.OrderByDescending(r => r.Steps[0].Users).ThenBy(r => r.Label, StringComparer.Ordinal).Select(row =>
        {
            var steps = Steps(names, row.Steps);
            var start = steps[0].Users;
            var end = steps[last].Users;
            var ratio = Proportions.RiskRatio(totalEnd - end, totalStart - start, end, start);
            var test = Proportions.TwoProportionZ(totalEnd - end, totalStart - start, end, start);
            return new FunnelBreakdown(row.Label, steps, end / (double)start, ratio?.Ratio, ratio?.Interval.Low, ratio?.Interval.High, test.PValue) { Values = row.Values };
        }).ToList();
    }
}
