using System.Globalization;
using Sextant.Engine.InMemory;
using Sextant.Events;

namespace Sextant.Analysis.Engagement;

/// <summary>
/// Counts engagement in memory: DAU / WAU / MAU, calendar week and month actives and activation
/// here; the North Star, feature adoption, power users, lifecycle and activation speed in their
/// own parts, run side by side on both cores. Only signed-up users in the scope's cohort count
/// as active users (visitors never do).
/// Rolling counts come from each user's distinct active days: a day a makes the user count in
/// WAU on days a..a+6 and in MAU on a..a+29, accumulated with a difference array, so the whole
/// series costs one pass over active days.
/// </summary>
internal static partial class EngagementMeasurer
{
    /// <exception cref="SextantException">A breakdown or the cohort names an attribute, property or event the store does not have.</exception>
    public static EngagementMeasures Measure(EventTable table, EngagementQuery query)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(query);
        var scope = UserScope.Of(table, query);
        var window = MetricsWindow.Of(table, query);
        var active = ActiveEvents.Mask(table, query.ExcludeEvents);
        Func<int, bool>? included = query.Cohort is null ? null : scope.Includes;
        // Without a breakdown, adoption is still compared across segments when users have one.
        var adoptionScope = query.Breakdowns.Count > 0 ? scope
            : table.Attributes[EngagementQuery.DefaultAdoptionAttribute] is null ? null
            : scope.Regroup(table, [Breakdown.Profile(EngagementQuery.DefaultAdoptionAttribute)], query.Range);

        var series = Task.Run(() => Series(table, window, active, included));
        var adoption = Task.Run(() => Adoption(table, query, window, active, included, adoptionScope));
        var powerUsers = Task.Run(() => PowerUsers(table, window, active, included));
        var lifecycle = Task.Run(() => Lifecycle(table, query, window, active, included));
        var northStar = Task.Run(() => NorthStarWeeks(table, query, window, active, included));
        var hoursToActivate = new double[table.SignedUpUserCount];
        var activation = ActivationOf(table, query, window.End, included, hoursToActivate);
        var speed = ActivationSpeed(table, window, active, hoursToActivate);
        var groups = query.Breakdowns.Count == 0 ? [] : Groups(table, query, window, active, scope);
        var (signedUp, features, adoptionGroups) = adoption.GetAwaiter().GetResult();
        return new EngagementMeasures(window.End, series.GetAwaiter().GetResult(), activation, speed, northStar.GetAwaiter().GetResult(),
            signedUp, features, adoptionGroups, powerUsers.GetAwaiter().GetResult(), lifecycle.GetAwaiter().GetResult(), groups);
    }

    /// <summary>Included signed-up users per group of <paramref name="scope"/>.</summary>
    private static long[] GroupSizes(EventTable table, UserScope scope)
    {
        var sizes = new long[scope.GroupCount];
        for (var user = 0; user < table.SignedUpUserCount; user++)
            if (scope.Includes(user)) sizes[scope.GroupOf(user)]++;
        return sizes;
    }

    /// <summary>Headline counts of every group with signed-up users, in the scope's order.</summary>
    private static List<EngagementGroupCounts> Groups(EventTable table, EngagementQuery query, MetricsWindow window, bool[] active, UserScope scope)
    {
        var sizes = GroupSizes(table, scope);
        var present = Enumerable.Range(0, scope.GroupCount).Where(g => sizes[g] > 0).ToList();
        var results = new EngagementGroupCounts[present.Count];
        Parallel.For(0, present.Count, i =>
        {
            var g = present[i];
            bool Member(int user) => scope.Includes(user) && scope.GroupOf(user) == g;
            var series = Series(table, window, active, Member);
            results[i] = new EngagementGroupCounts(scope.Keys[g], sizes[g], series.Days, ActivationOf(table, query, window.End, Member));
        });
        return [.. results];
    }

    private static ActivityCounts Series(EventTable table, MetricsWindow window, bool[] active, Func<int, bool>? include)
    {
        var calendar = table.Calendar;
        var dataEnd = window.End;
        var firstDay = window.IsEmpty ? 0 : calendar.DayOf(window.Start);
        var lastDay = window.IsEmpty ? -1 : calendar.DayOf(dataEnd);
        var days = Math.Max(0, lastDay - firstDay + 1);

        var dau = new long[days];
        var wauDelta = new long[days + 31];
        var mauDelta = new long[days + 31];
        var weekly = new Dictionary<int, long>();
        var monthly = new Dictionary<int, long>();
        for (var user = 0; user < table.SignedUpUserCount; user++)
        {
            if (include is not null && !include(user)) continue;
            int previousDay = int.MinValue, weekCoveredTo = int.MinValue, monthCoveredTo = int.MinValue, lastWeek = int.MinValue, lastMonth = int.MinValue;
            for (var row = table.UserOffsets[user]; row < table.UserOffsets[user + 1]; row++)
            {
                var t = table.Timestamps[row];
                if (!window.Contains(t) || !active[table.EventCodes[row]]) continue;
                var day = calendar.DayOf(t);
                if (day == previousDay) continue;
                previousDay = day;
                var index = day - firstDay;
                dau[index]++;
                Cover(wauDelta, index, 7, ref weekCoveredTo);
                Cover(mauDelta, index, 30, ref monthCoveredTo);
                var week = ProjectCalendar.WeekOfDay(day);
                if (week != lastWeek) { lastWeek = week; weekly[week] = weekly.GetValueOrDefault(week) + 1; }
                var month = ProjectCalendar.MonthOfDay(day);
                if (month != lastMonth) { lastMonth = month; monthly[month] = monthly.GetValueOrDefault(month) + 1; }
            }
        }

        var daySeries = new List<DayCounts>(days);
        long wau = 0, mau = 0;
        for (var i = 0; i < days; i++)
        {
            wau += wauDelta[i];
            mau += mauDelta[i];
            // A day is complete once it has ended by the data end.
            daySeries.Add(new DayCounts(Label(firstDay + i), dau[i], wau, mau, calendar.DayStart(firstDay + i + 1) <= dataEnd + 1));
        }
        var weeks = weekly.OrderBy(p => p.Key).Select(p => new PeriodCount(Label(p.Key), p.Value, calendar.DayStart(p.Key + 7) <= dataEnd + 1)).ToList();
        var months = monthly.OrderBy(p => p.Key).Select(p => new PeriodCount(
            DateOnly.FromDayNumber(ProjectCalendar.FirstDayOfMonth(p.Key)).ToString("yyyy-MM", CultureInfo.InvariantCulture), p.Value,
            calendar.DayStart(ProjectCalendar.FirstDayOfMonth(p.Key + 1)) <= dataEnd + 1)).ToList();
        return new ActivityCounts(daySeries, weeks, months);
    }

    /// <summary>Adds +1 over [index, index + length) without double-counting days already covered by this user.</summary>
    private static void Cover(long[] delta, int index, int length, ref int coveredTo)
    {
        var from = Math.Max(index, coveredTo);
        var to = index + length;
        if (from >= to) return;
        delta[from]++;
        delta[to]--;
        coveredTo = to;
    }

    /// <summary>
    /// Activation among included users; fills <paramref name="hoursToActivate"/> (when given) with each user's
    /// hours to activate, +∞ for an eligible user who did not activate and NaN for one not eligible.
    /// </summary>
    private static ActivationCounts ActivationOf(EventTable table, EngagementQuery query, long dataEnd, Func<int, bool>? include, double[]? hoursToActivate = null)
    {
        if (hoursToActivate is not null) Array.Fill(hoursToActivate, double.NaN);
        var codes = query.ActivationEvents.Select(table.EventCode).ToArray();
        var window = query.ActivationWindowDays * Timestamp.MicrosPerDay;
        long eligible = 0, activated = 0, fast = 0;
        var hours = new List<double>();
        Span<long> firstSeen = stackalloc long[codes.Length];
        for (var user = 0; user < table.SignedUpUserCount; user++)
        {
            var signup = table.SignupAt[user];
            if (signup == long.MinValue || signup + window > dataEnd || (include is not null && !include(user))) continue;
            // With a range start, the activation rate is that of users who signed up in the range.
            if (query.Range.From is not null && signup < query.Range.FromMicros) continue;
            eligible++;
            firstSeen.Fill(long.MaxValue);
            for (var row = table.UserOffsets[user]; row < table.UserOffsets[user + 1]; row++)
            {
                var t = table.Timestamps[row];
                if (t < signup || t > signup + window) continue;
                var index = Array.IndexOf(codes, table.EventCodes[row]);
                if (index >= 0 && firstSeen[index] == long.MaxValue) firstSeen[index] = t;
            }
            long completedAt;
            if (query.ActivationMatchAll)
            {
                completedAt = long.MinValue;
                foreach (var seen in firstSeen) completedAt = Math.Max(completedAt, seen);
            }
            else
            {
                completedAt = long.MaxValue;
                foreach (var seen in firstSeen) completedAt = Math.Min(completedAt, seen);
            }
            if (codes.Length == 0 || completedAt == long.MaxValue)
            {
                if (hoursToActivate is not null) hoursToActivate[user] = double.PositiveInfinity;
                continue;
            }
            activated++;
            var elapsed = (completedAt - signup) / (double)Timestamp.MicrosPerHour;
            if (hoursToActivate is not null) hoursToActivate[user] = elapsed;
            hours.Add(elapsed);
            if (elapsed < 24) fast++;
        }
        return new ActivationCounts(eligible, activated, fast, hours);
    }

    private static string Label(int dayNumber) => DateOnly.FromDayNumber(dayNumber).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
