using Sextant.Engine.InMemory;
using Sextant.Events;

namespace Sextant.Analysis.Revenue;

/// <summary>
/// Sums revenue and activity in memory by calendar month in the project time zone: one pass over
/// the events for active users, cohort sizes and on-or-after retention, one over the
/// subscriptions for prorated revenue and paying users.
/// </summary>
internal static class RevenueMeasurer
{
    private const int NoCohort = int.MinValue;

    /// <exception cref="SextantException">The cohort filter or a breakdown names something the store does not have.</exception>
    public static RevenueMeasures Measure(EventTable table, RevenueQuery query)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(query);
        var scope = UserScope.Of(table, query);
        var subscriptions = table.Subscriptions;
        var (currency, skipped) = MainCurrency(subscriptions);
        var dataEnd = query.Range.LastInstant ?? table.MaxTimestamp;
        if (dataEnd == long.MinValue) return new RevenueMeasures(null, currency, skipped, subscriptions.UnmatchedCount, [], [], []);

        var periods = new CalendarPeriods(table.Calendar, CalendarPeriod.Month);
        var lastMonth = periods.Of(dataEnd);
        var lastComplete = periods.IsComplete(lastMonth, dataEnd) ? lastMonth : lastMonth - 1;
        var firstMonth = FirstMonth(table, periods, currency, dataEnd, lastMonth);
        var count = lastMonth - firstMonth + 1;
        var months = new MonthTotals(new double[count], new long[count], new long[count]);
        // Per-group months only when there are breakdowns: everyone's totals need no groups.
        var groups = query.Breakdowns.Count == 0 ? null
            : Enumerable.Range(0, scope.GroupCount).Select(_ => new MonthTotals(new double[count], new long[count], new long[count])).ToArray();
        var groupUsers = new long[scope.GroupCount];
        var cohorts = new SortedDictionary<int, CohortSums>();
        var cohortOf = CountActivity(table, scope, ActiveEvents.Mask(table, query.ExcludeEvents), periods, dataEnd, firstMonth, lastMonth, months, groups, groupUsers, cohorts);
        AddRevenue(table, scope, periods, currency, dataEnd, firstMonth, months, groups, cohortOf, cohorts);

        // Months overlapping the range are reported whole, and so are the cohorts that signed up in them.
        var fromMonth = query.Range.From is { } from ? periods.Of(from.UnixMicroseconds) : int.MinValue;
        List<RevenueMonthCounts> Rows(MonthTotals totals) => Enumerable.Range(0, count).Where(i => firstMonth + i >= fromMonth)
            .Select(i => new RevenueMonthCounts(periods.Label(firstMonth + i), totals.Revenue[i], totals.Active[i], totals.Paying[i], firstMonth + i <= lastComplete)).ToList();
        var monthRows = Rows(months);
        var groupRows = groups is null ? [] : groups.Select((totals, g) => new RevenueGroupCounts(scope.Keys[g], groupUsers[g], Rows(totals)))
            .Where(group => group.Users > 0).ToList();
        var cohortRows = cohorts.Where(pair => pair.Key >= fromMonth)
            .Select(pair => new RevenueCohortCounts(periods.Label(pair.Key), pair.Value.Size, pair.Value.Revenue, pair.Value.Retained,
                Math.Clamp(lastComplete - pair.Key + 1, 0, pair.Value.Revenue.Length))).ToList();
        return new RevenueMeasures(dataEnd, currency, skipped, subscriptions.UnmatchedCount, monthRows, cohortRows, groupRows);
    }

    /// <summary>The most common currency among paying subscriptions (ties: ordinal order) and how many pay in another.</summary>
    private static (string? Currency, int Skipped) MainCurrency(SubscriptionTable subscriptions) =>
        MainCurrency(Enumerable.Range(0, subscriptions.Count).Where(subscriptions.Pays).GroupBy(i => subscriptions.Currency[i], StringComparer.Ordinal)
            .Select(g => (g.Key, (long)g.Count())));

    /// <summary>The currency with the most paying subscriptions (ties: ordinal order) and how many pay in another, from the counts per currency.</summary>
    internal static (string? Currency, int Skipped) MainCurrency(IEnumerable<(string Currency, long Paying)> payingByCurrency)
    {
        var byCurrency = payingByCurrency.OrderByDescending(c => c.Paying).ThenBy(c => c.Currency, StringComparer.Ordinal).ToList();
        return byCurrency.Count == 0 ? (null, 0) : (byCurrency[0].Currency, (int)byCurrency.Skip(1).Sum(c => c.Paying));
    }

    private static bool Counts(SubscriptionTable subscriptions, int i, string? currency) =>
        subscriptions.Pays(i) && subscriptions.Currency[i] == currency;

    /// <summary>The first month with an event or a counted subscription, so that every revenue month has a row.</summary>
    private static int FirstMonth(EventTable table, CalendarPeriods periods, string? currency, long dataEnd, int lastMonth)
    {
        var first = table.EventCount > 0 && table.MinTimestamp <= dataEnd ? periods.Of(table.MinTimestamp) : lastMonth;
        var subscriptions = table.Subscriptions;
        for (var i = 0; i < subscriptions.Count; i++)
            if (Counts(subscriptions, i, currency) && subscriptions.Start[i] <= dataEnd) first = Math.Min(first, periods.Of(subscriptions.Start[i]));
        return Math.Min(first, lastMonth);
    }

    /// <summary>One pass over the events: active users per month, cohort sizes and each member's last active month.</summary>
    private static int[] CountActivity(
        EventTable table, UserScope scope, bool[] active, CalendarPeriods periods, long dataEnd, int firstMonth, int lastMonth,
        MonthTotals months, MonthTotals[]? groups, long[] groupUsers, SortedDictionary<int, CohortSums> cohorts)
    {
        var cohortOf = new int[table.SignedUpUserCount];
        for (var user = 0; user < table.SignedUpUserCount; user++)
        {
            cohortOf[user] = NoCohort;
            if (!scope.Includes(user)) continue;
            var group = groups?[scope.GroupOf(user)];
            groupUsers[scope.GroupOf(user)]++;
            var signup = table.SignupAt[user];
            CohortSums? cohort = null;
            if (signup != long.MinValue && signup <= dataEnd)
            {
                cohortOf[user] = periods.Of(signup);
                if (!cohorts.TryGetValue(cohortOf[user], out cohort)) cohorts[cohortOf[user]] = cohort = new CohortSums(lastMonth - cohortOf[user] + 1);
                cohort.Size++;
            }

            int month = int.MinValue, counted = int.MinValue;
            long monthEnd = long.MinValue, lastActive = long.MinValue;
            for (var row = table.UserOffsets[user]; row < table.UserOffsets[user + 1]; row++)
            {
                var t = table.Timestamps[row];
                if (t > dataEnd) break;
                if (!active[table.EventCodes[row]]) continue;
                // Rows are in time order, so the month only needs recomputing once an event passes its end.
                if (t >= monthEnd) monthEnd = periods.Start((month = periods.Of(t)) + 1);
                if (month != counted)
                {
                    months.Active[(counted = month) - firstMonth]++;
                    if (group is not null) group.Active[month - firstMonth]++;
                }
                lastActive = t;
            }
            // As in retention, activity before the sign-up instant does not make a member retained.
            if (cohort is not null && lastActive >= signup) cohort.Retained[counted - cohortOf[user]]++;
        }
        // Members were counted at their last active month; on-or-after retention at k is the count from k on.
        foreach (var cohort in cohorts.Values)
            for (var k = cohort.Retained.Length - 2; k >= 0; k--) cohort.Retained[k] += cohort.Retained[k + 1];
        return cohortOf;
    }

    /// <summary>Prorates every counted subscription over the months it ran, into month totals and cohort cells.</summary>
    private static void AddRevenue(
        EventTable table, UserScope scope, CalendarPeriods periods, string? currency, long dataEnd, int firstMonth,
        MonthTotals months, MonthTotals[]? groups, int[] cohortOf, SortedDictionary<int, CohortSums> cohorts)
    {
        var calendar = table.Calendar;
        var subscriptions = table.Subscriptions;
        // The data end's own microsecond is observed, so the observed span is [.., dataEnd + 1).
        var observedEnd = dataEnd == long.MaxValue ? dataEnd : dataEnd + 1;
        var paying = new HashSet<(int User, int Month)>();
        for (var i = 0; i < subscriptions.Count; i++)
        {
            if (!Counts(subscriptions, i, currency)) continue;
            var (user, from, to) = (subscriptions.User[i], subscriptions.Start[i], Math.Min(subscriptions.End[i], observedEnd));
            if (from >= to || !scope.Includes(user)) continue;
            var group = groups?[scope.GroupOf(user)];
            for (var month = periods.Of(from); periods.Start(month) < to; month++)
            {
                var days = DayPosition(calendar, Math.Min(to, periods.Start(month + 1))) - DayPosition(calendar, Math.Max(from, periods.Start(month)));
                var amount = subscriptions.Mrr[i] * days / (periods.FirstDay(month + 1) - periods.FirstDay(month));
                months.Revenue[month - firstMonth] += amount;
                if (group is not null) group.Revenue[month - firstMonth] += amount;
                if (paying.Add((user, month)))
                {
                    months.Paying[month - firstMonth]++;
                    if (group is not null) group.Paying[month - firstMonth]++;
                }
                var cohort = cohortOf[user];
                if (cohort != NoCohort) cohorts[cohort].Revenue[Math.Max(0, month - cohort)] += amount;
            }
        }
    }

    /// <summary>Local days since day 0 as a fraction, so a 23- or 25-hour daylight-saving day still counts as one day.</summary>
    private static double DayPosition(ProjectCalendar calendar, long instant)
    {
        var day = calendar.DayOf(instant);
        var start = calendar.DayStart(day);
        return day + (instant - start) / (double)(calendar.DayStart(day + 1) - start);
    }

    private sealed record MonthTotals(double[] Revenue, long[] Active, long[] Paying);

    private sealed class CohortSums(int length)
    {
        public long Size { get; set; }
        public double[] Revenue { get; } = new double[length];
        public long[] Retained { get; } = new long[length];
    }
}
