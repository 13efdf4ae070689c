using Sextant.Events;
using Sextant.Stats;

namespace Sextant.Analysis.Retention;

/// <summary>
/// Turns retention counts into the result (SEMANTICS.md, Retention): each cell the share of its
/// cohort retained, marked partial until its period has ended; the average curve weights complete
/// cells by cohort size; day-N rates over users whose day N has ended; the largest breakdown
/// groups keep their own curves and the rest are merged into Other.
/// </summary>
public static class RetentionShaper
{
    /// <summary>The result of <paramref name="query"/> from its measures.</summary>
    public static RetentionResult Shape(RetentionQuery query, RetentionMeasures measures)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(measures);
        // Every signed-up user in scope is in exactly one group, so everyone's counts are the groups' sums.
        var (rows, average, days) = Curves(Merge(measures.Groups));
        var breakdown = new List<RetentionBreakdown>();
        if (query.Breakdowns.Count > 0)
        {
            var groups = measures.Groups;
            var (kept, other) = TopGroups.Split(groups.Select(g => g.Key).ToList(), i => groups[i].Users, query.BreakdownLimit);
            foreach (var i in kept) breakdown.Add(Breakdown(groups[i].Key, [groups[i]]));
            if (other.Count > 0) breakdown.Add(Breakdown([Breakdowns.OtherValues], other.Select(i => groups[i]).ToList()));
        }
        return new RetentionResult(query.Period, query.Mode, new Timestamp(measures.DataEnd).ToString(), rows, average, days,
            Compare(rows, query.CompareCohorts), query.Breakdowns.Count == 0 ? null : Breakdowns.Label(query.Breakdowns.Select(b => b.ToString()).ToList()), breakdown);
    }

    private static RetentionBreakdown Breakdown(ValueList<string> values, IReadOnlyList<RetentionGroupCounts> groups)
    {
        var (rows, average, days) = Curves(Merge(groups));
        return new RetentionBreakdown(Breakdowns.Label(values), rows.Sum(r => r.Size), average, days) { Values = values };
    }

    /// <summary>The groups' counts added up cohort by cohort.</summary>
    private static RetentionGroupCounts Merge(IReadOnlyList<RetentionGroupCounts> groups)
    {
        var days = RetentionQuery.DayN.Count;
        if (groups.Count == 1) return groups[0];
        var cohorts = new SortedDictionary<string, (long Size, long[] Retained, int Complete)>(StringComparer.Ordinal);
        var retained = new long[days];
        var eligible = new long[days];
        foreach (var group in groups)
        {
            foreach (var cohort in group.Cohorts)
            {
                if (!cohorts.TryGetValue(cohort.Cohort, out var sum)) sum = (0, new long[cohort.Retained.Count], cohort.CompletePeriods);
                for (var k = 0; k < cohort.Retained.Count; k++) sum.Retained[k] += cohort.Retained[k];
                cohorts[cohort.Cohort] = (sum.Size + cohort.Size, sum.Retained, sum.Complete);
            }
            for (var n = 0; n < days; n++)
            {
                retained[n] += group.DayRetained[n];
                eligible[n] += group.DayEligible[n];
            }
        }
        return new RetentionGroupCounts(default, groups.Sum(g => g.Users),
            cohorts.Select(pair => new RetentionCohortCounts(pair.Key, pair.Value.Size, pair.Value.Retained, pair.Value.Complete)).ToList(), retained, eligible);
    }

    private static (List<RetentionCohort> Rows, List<RetentionRate> Average, List<RetentionRate> Days) Curves(RetentionGroupCounts counts)
    {
        var rows = counts.Cohorts.Select(cohort => new RetentionCohort(cohort.Cohort, cohort.Size,
            cohort.Retained.Select((users, k) => Cell(k, users, cohort.Size, k < cohort.CompletePeriods)).ToList())).ToList();
        var days = RetentionQuery.DayN.Select((n, i) => Rate(n, counts.DayRetained[i], counts.DayEligible[i])).ToList();
        return (rows, Average(rows), days);
    }

    private static RetentionCell Cell(int period, long users, long size, bool complete)
    {
        var interval = Proportions.Wilson(users, size);
        return new RetentionCell(period, users, size == 0 ? 0 : users / (double)size, interval.Low, interval.High, complete);
    }

    private static RetentionRate Rate(int period, long users, long eligible)
    {
        var interval = Proportions.Wilson(users, eligible);
        return new RetentionRate(period, users, eligible, eligible == 0 ? 0 : users / (double)eligible, interval.Low, interval.High);
    }

    /// <summary>Cohort-size-weighted mean over complete cells only.</summary>
    private static List<RetentionRate> Average(List<RetentionCohort> rows)
    {
        var longest = rows.Count == 0 ? 0 : rows.Max(r => r.Periods.Count);
        var average = new List<RetentionRate>();
        for (var k = 0; k < longest; k++)
        {
            long users = 0, eligible = 0;
            foreach (var row in rows)
            {
                if (k >= row.Periods.Count || !row.Periods[k].Complete) continue;
                users += row.Periods[k].Users;
                eligible += row.Size;
            }
            if (eligible > 0) average.Add(Rate(k, users, eligible));
        }
        return average;
    }

    /// <summary>Period-1 retention of the first vs the last cohorts whose period 1 is complete.</summary>
    private static CohortComparison? Compare(List<RetentionCohort> rows, int count)
    {
        var complete = rows.Where(r => r.Periods.Count > 1 && r.Periods[1].Complete).ToList();
        var take = Math.Min(count, complete.Count / 2);
        if (take < 1) return null;
        var early = complete.Take(take).ToList();
        var late = complete.TakeLast(take).ToList();
        var earlyRate = Rate(1, early.Sum(r => r.Periods[1].Users), early.Sum(r => r.Size));
        var lateRate = Rate(1, late.Sum(r => r.Periods[1].Users), late.Sum(r => r.Size));
        var test = Proportions.TwoProportionZ(earlyRate.Users, earlyRate.Eligible, lateRate.Users, lateRate.Eligible);
        return new CohortComparison(early.Select(r => r.Cohort).ToList(), late.Select(r => r.Cohort).ToList(), earlyRate, lateRate,
            lateRate.Rate - earlyRate.Rate, earlyRate.Rate == 0 ? 0 : lateRate.Rate / earlyRate.Rate - 1, test.PValue);
    }
}
