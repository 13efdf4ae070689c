using System.Globalization;
using Sextant.Events;
using Sextant.Stats;

namespace Sextant.Analysis.Engagement;

/// <summary>
/// Every engagement metric of <c>sextant metrics</c> on an <see cref="EventTable"/>: DAU / WAU /
/// MAU, stickiness, calendar week and month actives and activation here; the North Star, feature
/// adoption, power users and lifecycle in their own runners, run side by side on both cores.
/// Only signed-up users count as active users (visitors never do).
/// Rolling counts come from each user's distinct active days: a day a makes the user count in
/// WAU on days a..a+6 and in MAU on a..a+29, accumulated with a difference array, so the whole
/// series costs one pass over active days.
/// </summary>
public static class EngagementRunner
{
    /// <summary>Computes engagement.</summary>
    /// <exception cref="SextantException">The breakdown attribute does not exist.</exception>
    public static EngagementResult Run(EventTable table, EngagementQuery query)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(query);
        var window = MetricsWindow.Of(table, query);
        var active = ActiveEvents.Mask(table, query.ExcludeEvents);
        var groups = query.Breakdown is null
            ? table.Attributes["segment"] is null ? null : UserGroups.Of(table, "segment", query.BreakdownLimit)
            : UserGroups.Of(table, query.Breakdown, query.BreakdownLimit);

        var series = Task.Run(() => Series(table, window, active, null));
        var northStar = series.ContinueWith(done => NorthStarRunner.Run(table, query, window, active, done.Result.Mau), TaskScheduler.Default);
        var adoption = Task.Run(() => FeatureAdoptionRunner.Run(table, query, window, active, groups));
        var powerUsers = Task.Run(() => PowerUserRunner.Run(table, window, active));
        var lifecycle = Task.Run(() => LifecycleRunner.Run(table, query, window, active));
        var hoursToActivate = new double[table.SignedUpUserCount];
        var activation = ActivationOf(table, query, window.End, null, hoursToActivate);
        var speed = ActivationSpeedRunner.Run(table, window, active, hoursToActivate);
        var breakdown = query.Breakdown is null ? [] : Breakdown(table, query, window, active, groups!);
        var (dau, wau, mau, stickiness, weekly, monthly) = series.GetAwaiter().GetResult();
        var (curves, concentration) = powerUsers.GetAwaiter().GetResult();
        return new EngagementResult(new Timestamp(window.End).ToString(), dau, wau, mau, stickiness, weekly, monthly, activation, speed,
            northStar.GetAwaiter().GetResult(), adoption.GetAwaiter().GetResult(), curves, concentration, lifecycle.GetAwaiter().GetResult(),
            query.Breakdown, breakdown)
        { ExcludedEvents = query.ExcludeEvents ?? [] };
    }

    private static List<EngagementBreakdown> Breakdown(EventTable table, EngagementQuery query, MetricsWindow window, bool[] active, UserGroups groups)
    {
        var results = new EngagementBreakdown[groups.Labels.Count];
        Parallel.For(0, groups.Labels.Count, g =>
        {
            bool Member(int user) => groups.Of(user) == g;
            var series = Series(table, window, active, Member);
            var users = Enumerable.Range(0, table.SignedUpUserCount).LongCount(Member);
            var last = series.Dau.Count - 1;
            results[g] = new EngagementBreakdown(groups.Labels[g], users,
                last < 0 ? 0 : series.Dau[last].Users, last < 0 ? 0 : series.Wau[last].Users, last < 0 ? 0 : series.Mau[last].Users,
                series.Stickiness.Headline, ActivationOf(table, query, window.End, Member));
        });
        return [.. results];
    }

    private static (List<DailyCount> Dau, List<DailyCount> Wau, List<DailyCount> Mau, Stickiness Stickiness, List<PeriodCount> Weekly, List<PeriodCount> Monthly)
        Series(EventTable table, MetricsWindow window, bool[] active, Func<int, bool>? include)
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

        string Date(int index) => DateOnly.FromDayNumber(firstDay + index).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var dauSeries = new List<DailyCount>(days);
        var wauSeries = new List<DailyCount>(days);
        var mauSeries = new List<DailyCount>(days);
        var ratios = new List<DailyRatio>(days);
        long wau = 0, mau = 0;
        for (var i = 0; i < days; i++)
        {
            wau += wauDelta[i];
            mau += mauDelta[i];
            var date = Date(i);
            dauSeries.Add(new DailyCount(date, dau[i]));
            wauSeries.Add(new DailyCount(date, wau));
            mauSeries.Add(new DailyCount(date, mau));
            ratios.Add(new DailyRatio(date, mau == 0 ? 0 : dau[i] / (double)mau));
        }
        // Headline: the final 30 complete days (a day is complete once it has ended by the data end).
        var completeDays = Enumerable.Range(0, days).Where(i => calendar.DayStart(firstDay + i + 1) <= dataEnd + 1).ToList();
        var headlineDays = completeDays.TakeLast(30).ToList();
        var headline = headlineDays.Count == 0 ? 0 : headlineDays.Average(i => ratios[i].Value);

        var weeks = weekly.OrderBy(p => p.Key).Select(p => new PeriodCount(
            DateOnly.FromDayNumber(p.Key).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.Value, calendar.DayStart(p.Key + 7) <= dataEnd + 1)).ToList();
        var months = monthly.OrderBy(p => p.Key).Select(p => new PeriodCount(
            DateOnly.FromDayNumber(ProjectCalendar.FirstDayOfMonth(p.Key)).ToString("yyyy-MM", CultureInfo.InvariantCulture), p.Value,
            calendar.DayStart(ProjectCalendar.FirstDayOfMonth(p.Key + 1)) <= dataEnd + 1)).ToList();

        return (dauSeries, wauSeries, mauSeries, new Stickiness(headline, headlineDays.Count, ratios), weeks, months);
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
    private static Activation ActivationOf(EventTable table, EngagementQuery query, long dataEnd, Func<int, bool>? include, double[]? hoursToActivate = null)
    {
        if (hoursToActivate is not null) Array.Fill(hoursToActivate, double.NaN);
        var events = query.ActivationEvents ?? [];
        var codes = events.Select(table.EventCode).ToArray();
        var window = query.ActivationWindowDays * Timestamp.MicrosPerDay;
        long eligible = 0, activated = 0, fast = 0;
        var hours = new List<double>();
        Span<long> firstSeen = stackalloc long[codes.Length];
        for (var user = 0; user < table.SignedUpUserCount; user++)
        {
            var signup = table.SignupAt[user];
            if (signup == long.MinValue || signup + window > dataEnd || (include is not null && !include(user))) continue;
            // With --from, the activation rate is that of users who signed up in the window.
            if (query.From is { } from && signup < from) continue;
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
        var interval = Proportions.Wilson(activated, eligible);
        return new Activation(events, query.ActivationMatchAll ? "all" : "any", query.ActivationWindowDays, eligible, activated,
            eligible == 0 ? 0 : activated / (double)eligible, interval.Low, interval.High,
            Quantiles.Of(hours, 0.5), Quantiles.Of(hours, 0.9), fast, activated == 0 ? 0 : fast / (double)activated);
    }
}
