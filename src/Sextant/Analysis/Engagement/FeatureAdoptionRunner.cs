using Sextant.Events;
using Sextant.Stats;

namespace Sextant.Analysis.Engagement;

/// <summary>
/// Feature adoption (SEMANTICS.md, Activation and adoption): per feature event, the share of
/// signed-up users who ever used it (with a Wilson interval), the median days from sign-up to
/// first use, the monthly share of active users who used it, and ever-adoption per value of a
/// profile attribute. One pass over the events.
/// </summary>
internal static class FeatureAdoptionRunner
{
    public static IReadOnlyList<FeatureAdoption> Run(EventTable table, EngagementQuery query, MetricsWindow window, bool[] active, UserGroups? groups)
    {
        var names = query.Features is { Count: > 0 } listed
            ? listed.ToArray()
            : table.EventNames.Where(name => active[table.EventCode(name)] && !SystemEvents.Is(name)).Order(StringComparer.Ordinal).ToArray();
        var featureOf = new int[table.EventNames.Length];
        Array.Fill(featureOf, -1);
        for (var f = 0; f < names.Length; f++)
            if (table.EventCode(names[f]) is >= 0 and var code) featureOf[code] = f;

        var periods = new CalendarPeriods(table.Calendar, CalendarPeriod.Month);
        var adopters = new long[names.Length];
        var adoptersByGroup = new long[names.Length, groups?.Labels.Count ?? 0];
        var daysToFirstUse = Enumerable.Range(0, names.Length).Select(_ => new List<double>()).ToArray();
        // Months are numbered from the window's first month, so per-feature monthly counts are flat arrays.
        var firstMonth = window.IsEmpty ? 0 : periods.Of(window.Start);
        var months = window.IsEmpty ? 0 : periods.Of(window.End) - firstMonth + 1;
        var monthlyUsers = new long[names.Length * months];
        var monthlyActive = new long[months];
        var lastMonthUsed = new int[names.Length];
        var signedUp = 0L;
        var groupSizes = new long[groups?.Labels.Count ?? 0];
        for (var user = 0; user < table.SignedUpUserCount; user++)
        {
            var signup = table.SignupAt[user];
            signedUp++;
            var group = groups?.Of(user) ?? -1;
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

        var results = new List<FeatureAdoption>(names.Length);
        for (var f = 0; f < names.Length; f++)
        {
            var interval = Proportions.Wilson(adopters[f], signedUp);
            var monthly = new List<PeriodShare>(months);
            for (var m = 0; m < months; m++)
            {
                if (monthlyActive[m] == 0) continue;
                var users = monthlyUsers[f * months + m];
                monthly.Add(new PeriodShare(periods.Label(firstMonth + m), users, monthlyActive[m], users / (double)monthlyActive[m], periods.IsComplete(firstMonth + m, window.End)));
            }
            var byGroup = groups is null ? [] : groups.Labels.Select((label, g) =>
            {
                var ci = Proportions.Wilson(adoptersByGroup[f, g], groupSizes[g]);
                return new GroupShare(label, adoptersByGroup[f, g], groupSizes[g], groupSizes[g] == 0 ? 0 : adoptersByGroup[f, g] / (double)groupSizes[g], ci.Low, ci.High);
            }).ToList();
            results.Add(new FeatureAdoption(names[f], adopters[f], signedUp, signedUp == 0 ? 0 : adopters[f] / (double)signedUp, interval.Low, interval.High,
                Quantiles.Of(daysToFirstUse[f], 0.5), monthly, byGroup));
        }
        return results;
    }
}
