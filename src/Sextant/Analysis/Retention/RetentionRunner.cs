using Sextant.Events;
using Sextant.Stats;

namespace Sextant.Analysis.Retention;

/// <summary>
/// Cohort retention on an <see cref="EventTable"/> (SEMANTICS.md, Retention): signed-up users
/// grouped by the calendar period of their sign-up (or first start event), each cell the share
/// active in period k, marked partial until the period has ended; the average curve weights
/// complete cells by cohort size; day-N retention counts each user whose day N has ended.
/// </summary>
public static class RetentionRunner
{
    /// <summary>Runs the retention analysis.</summary>
    /// <exception cref="SextantException">A start or return event that was never stored.</exception>
    public static RetentionResult Run(EventTable table, RetentionQuery query)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(query);
        var dataEnd = query.AsOf ?? table.MaxTimestamp;
        var active = ActiveCodes(table, query);
        var groups = query.Breakdown is null ? null : UserGroups.Of(table, query.Breakdown, query.BreakdownLimit);
        var breakdown = new RetentionBreakdown[groups?.Labels.Count ?? 0];
        var overall = Task.Run(() => Compute(table, query, dataEnd, active, null));
        Parallel.For(0, breakdown.Length, g =>
        {
            var (rows, average, days) = Compute(table, query, dataEnd, active, user => groups!.Of(user) == g);
            breakdown[g] = new RetentionBreakdown(groups!.Labels[g], rows.Sum(r => r.Size), average, days);
        });
        var (cohortRows, averageCurve, dayRates) = overall.GetAwaiter().GetResult();
        return new RetentionResult(query.Period, query.Mode, new Timestamp(dataEnd).ToString(), cohortRows, averageCurve, dayRates,
            Compare(cohortRows, query.CompareCohorts), query.Breakdown, breakdown);
    }

    private static (List<RetentionCohort> Rows, List<RetentionRate> Average, List<RetentionRate> Days) Compute(
        EventTable table, RetentionQuery query, long dataEnd, bool[] active, Func<int, bool>? include)
    {
        var calendar = table.Calendar;
        var startCode = query.StartEvent is null ? -1 : Code(table, query.StartEvent, "start event");
        var periods = new CalendarPeriods(calendar, query.Period);
        var lastPeriod = table.EventCount == 0 ? 0 : periods.Of(dataEnd);

        var cohorts = new SortedDictionary<int, (long Size, long[] Retained)>();
        var dayN = RetentionQuery.DayN;
        var dayRetained = new long[dayN.Count];
        var dayEligible = new long[dayN.Count];
        var activeDays = new List<int>();
        for (var user = 0; user < table.SignedUpUserCount; user++)
        {
            if (include is not null && !include(user)) continue;
            var start = table.UserOffsets[user];
            var end = table.UserOffsets[user + 1];
            var cohortInstant = startCode < 0 ? table.SignupAt[user] : FirstOf(table, start, end, startCode);
            if (cohortInstant == long.MinValue || cohortInstant > dataEnd) continue;
            var cohort = periods.Of(cohortInstant);
            if (!cohorts.TryGetValue(cohort, out var row))
            {
                row = (0, new long[lastPeriod - cohort + 1]);
            }
            row.Size++;

            var seen = new bool[row.Retained.Length];
            var latest = -1;
            activeDays.Clear();
            for (var i = start; i < end; i++)
            {
                var t = table.Timestamps[i];
                if (t < cohortInstant || t > dataEnd || !active[table.EventCodes[i]]) continue;
                var k = periods.Of(t) - cohort;
                seen[k] = true;
                latest = Math.Max(latest, k);
                var day = calendar.DayOf(t);
                if (activeDays.Count == 0 || activeDays[^1] != day) activeDays.Add(day);
            }
            for (var k = 0; k < seen.Length; k++)
                if (query.Mode == RetentionMode.On ? seen[k] : k <= latest) row.Retained[k]++;
            cohorts[cohort] = row;

            var signupDay = calendar.DayOf(cohortInstant);
            for (var n = 0; n < dayN.Count; n++)
            {
                var day = signupDay + dayN[n];
                if (calendar.DayStart(day + 1) > dataEnd + 1) continue;
                dayEligible[n]++;
                if (activeDays.BinarySearch(day) >= 0) dayRetained[n]++;
            }
        }

        var rows = cohorts.Select(pair => new RetentionCohort(periods.Label(pair.Key), pair.Value.Size,
            pair.Value.Retained.Select((users, k) => Cell(k, users, pair.Value.Size, periods.Start(pair.Key + k + 1) <= dataEnd + 1)).ToList())).ToList();
        var average = Average(rows);
        var days = dayN.Select((n, i) => Rate(n, dayRetained[i], dayEligible[i])).ToList();
        return (rows, average, days);
    }

    private static bool[] ActiveCodes(EventTable table, RetentionQuery query)
    {
        if (query.ReturnEvent is null) return ActiveEvents.Mask(table, query.ExcludeEvents);
        var active = new bool[table.EventNames.Length];
        active[Code(table, query.ReturnEvent, "return event")] = true;
        return active;
    }

    private static int Code(EventTable table, string name, string what)
    {
        var code = table.EventCode(name);
        return code >= 0 ? code : throw new SextantException(NameCheck.Unknown(what, name, null, table.EventNames));
    }

    private static long FirstOf(EventTable table, int start, int end, int code)
    {
        for (var i = start; i < end; i++) if (table.EventCodes[i] == code) return table.Timestamps[i];
        return long.MinValue;
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
