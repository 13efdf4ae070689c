using Sextant.Engine.InMemory;
using Sextant.Events;

namespace Sextant.Analysis.Engagement;

/// <summary>
/// Feature adoption counts (SEMANTICS.md, Activation and adoption): per feature event, the
/// signed-up users who used it in the range, the days from sign-up to their first use, the
/// monthly users out of the month's active users, and adopters per group. One pass over the events.
/// </summary>
internal static partial class EngagementMeasurer
{
    private static (long SignedUp, List<FeatureCounts> Features, List<GroupSize> Groups) Adoption(
        EventTable table, EngagementQuery query, MetricsWindow window, bool[] active, Func<int, bool>? include, UserScope? scope)
    {
        var names = query.Features.Count > 0
            ? query.Features.ToArray()
            : table.EventNames.Where(name => active[table.EventCode(name)] && !SystemEvents.Is(name)).Order(StringComparer.Ordinal).ToArray();
        var featureOf = new int[table.EventNames.Length];
        Array.Fill(featureOf, -1);
        for (var f = 0; f < names.Length; f++)
            if (table.EventCode(names[f]) is >= 0 and var code) featureOf[code] = f;

        var groupCount = scope?.GroupCount ?? 0;
        var periods = new CalendarPeriods(table.Calendar, CalendarPeriod.Month);
        var adopters = new long[names.Length];
        var adoptersByGroup = new long[names.Length, groupCount];
        var daysToFirstUse = Enumerable.Range(0, names.Length).Select(_ => new List<double>()).ToArray();
        // Months are numbered from the window's first month, so per-feature monthly counts are flat arrays.
        var firstMonth = window.IsEmpty ? 0 : periods.Of(window.Start);
        var months = window.IsEmpty ? 0 : periods.Of(window.End) - firstMonth + 1;
        var monthlyUsers = new long[names.Length * months];
        var monthlyActive = new long[months];
        var lastMonthUsed = new int[names.Length];
        var signedUp = 0L;
        var groupSizes = new long[groupCount];
        for (var user = 0; user < table.SignedUpUserCount; user++)
        {
            if (include is not null && !include(user)) continue;
            var signup = table.SignupAt[user];
            signedUp++;
            var group = scope?.GroupOf(user) ?? -1;
            if (group >= 0) groupSizes[group]++;
            Array.Fill(lastMonthUsed, int.MinValue);
            int lastActiveMonth = int.MinValue, day = int.MinValue, month = 0;
            for (var row = table.UserOffsets[user]; row < table.UserOffsets[user + 1]; row++)
            {
                var t = table.Timestamps[row];
                var code = table.EventCodes[row];
                if (!window.Contains(t) || !active[code]) continue;
                var rowDay = table.Calendar.DayOf(t);
                if (rowDay != day)
                {
                    day = rowDay;
                    month = periods.OfDay(rowDay) - firstMonth;
                }
                if (month != lastActiveMonth) { monthlyActive[month]++; lastActiveMonth = month; }
                var f = featureOf[code];
                if (f < 0 || lastMonthUsed[f] == month) continue;
                if (lastMonthUsed[f] == int.MinValue)
                {
                    adopters[f]++;
                    if (group >= 0) adoptersByGroup[f, group]++;
                    if (signup != long.MinValue) daysToFirstUse[f].Add(Math.Max(0, t - signup) / (double)Timestamp.MicrosPerDay);
                }
                lastMonthUsed[f] = month;
                monthlyUsers[f * months + month]++;
            }
        }

        // Only groups with signed-up users are groups of adoption, as a GROUP BY over them returns.
        var present = Enumerable.Range(0, groupCount).Where(g => groupSizes[g] > 0).ToList();
        var groups = present.Select(g => new GroupSize(scope!.Keys[g], groupSizes[g])).ToList();
        var features = new List<FeatureCounts>(names.Length);
        for (var f = 0; f < names.Length; f++)
        {
            var monthly = new List<MonthUse>(months);
            for (var m = 0; m < months; m++)
                if (monthlyActive[m] > 0)
                    monthly.Add(new MonthUse(periods.Label(firstMonth + m), monthlyUsers[f * months + m], monthlyActive[m], periods.IsComplete(firstMonth + m, window.End)));
            var feature = f;
            features.Add(new FeatureCounts(names[f], adopters[f], daysToFirstUse[f], monthly, present.Select(g => adoptersByGroup[feature, g]).ToList()));
        }
        return (signedUp, features, groups);
    }
}
