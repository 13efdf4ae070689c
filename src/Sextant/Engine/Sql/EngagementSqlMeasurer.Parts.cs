using System.Globalization;
using Sextant.Analysis;
using Sextant.Analysis.Engagement;
using Sextant.Events;

namespace Sextant.Engine.Sql;

/// <summary>Each part's rows laid out as the in-memory measurer lays out its tallies (EngagementMeasurer and its parts).</summary>
internal static partial class EngagementSqlMeasurer
{
    internal static ActivityCounts Activity(EngagementSqlPlan plan, List<PartRow> rows)
    {
        var at = rows.ToLookup(r => r.Part);
        var dau = at["dau"].ToDictionary(r => r.A, r => r.N);
        var wauDelta = Deltas(at["wau_in"], at["wau_out"]);
        var mauDelta = Deltas(at["mau_in"], at["mau_out"]);
        var days = new List<DayCounts>(plan.DayCount);
        long wau = 0, mau = 0;
        for (var i = 0; i < plan.DayCount; i++)
        {
            var day = plan.FirstDay + i;
            wau += wauDelta.GetValueOrDefault(day);
            mau += mauDelta.GetValueOrDefault(day);
            days.Add(new DayCounts(Label(day), dau.GetValueOrDefault(day), wau, mau, plan.EndedBefore(day + 1)));
        }
        var weekly = at["week"].ToDictionary(r => r.A * 7, r => r.N);
        var weeks = new List<PeriodCount>();
        for (var w = 0; w < plan.Weeks; w++)
        {
            var week = plan.FirstWeek + 7 * w;
            if (weekly.GetValueOrDefault(week) > 0) weeks.Add(new PeriodCount(Label(week), weekly[week], plan.EndedBefore(week + 7)));
        }
        var monthly = at["month"].ToDictionary(r => r.A, r => r.N);
        var months = new List<PeriodCount>();
        for (var m = 0; m < plan.Months; m++)
        {
            var month = plan.FirstMonth + m;
            if (monthly.GetValueOrDefault(month) > 0)
                months.Add(new PeriodCount(plan.MonthPeriods.Label(month), monthly[month], plan.EndedBefore(ProjectCalendar.FirstDayOfMonth(month + 1))));
        }
        return new ActivityCounts(days, weeks, months);

        // A run's start and end rows, as +n and −n on their days; runs that start before the window do not exist (every day is in it).
        static Dictionary<long, long> Deltas(IEnumerable<PartRow> starts, IEnumerable<PartRow> ends)
        {
            var delta = new Dictionary<long, long>();
            foreach (var row in starts) delta[row.A] = delta.GetValueOrDefault(row.A) + row.N;
            foreach (var row in ends) delta[row.A] = delta.GetValueOrDefault(row.A) - row.N;
            return delta;
        }
    }

    private static (ActivationCounts Counts, ActivationSpeedCounts Speed) NoActivation() =>
        (new ActivationCounts(0, 0, 0, DurationQuantiles.Empty), new ActivationSpeedCounts(new long[3], new long[3]));

    internal static (ActivationCounts Counts, ActivationSpeedCounts Speed) Activation(List<PartRow> rows)
    {
        long Count(string part) => rows.Where(r => r.Part == part).Sum(r => r.N);
        long[] users = new long[3], retained = new long[3];
        foreach (var row in rows.Where(r => r.Part == "speed"))
        {
            users[row.A] += row.N;
            if (row.B == 1) retained[row.A] += row.N;
        }
        var hours = Quantiles(rows.Where(r => r.Part == "hours"), Timestamp.MicrosPerHour);
        return (new ActivationCounts(Count("eligible"), Count("activated"), Count("fast"), hours), new ActivationSpeedCounts(users, retained));
    }

    internal static List<PeriodCount> NorthStar(EngagementSqlPlan plan, List<PartRow> rows)
    {
        var counts = rows.Where(r => r.Part == "north_star").ToDictionary(r => r.A * 7, r => r.N);
        return Enumerable.Range(0, plan.Weeks).Select(w => plan.FirstWeek + 7 * w)
            .Select(week => new PeriodCount(Label(week), counts.GetValueOrDefault(week), plan.EndedBefore(week + 7))).ToList();
    }

    /// <summary>
    /// Signed-up users per adoption group, by the group's label (Breakdowns.Label) in ordinal order, as
    /// the in-memory measurer lists the groups, and each feature's adopters per group label.
    /// </summary>
    internal sealed record GroupRows(SortedDictionary<string, GroupSize> Sizes, Dictionary<(string Feature, string Group), long> Adopters);

    /// <summary>The features statement's rows: the adoption groups' apart, the others as part rows.</summary>
    /// <param name="session">The warehouse.</param>
    /// <param name="statement">The features statement.</param>
    /// <param name="breakdowns">The query's breakdowns: with any, a group's values are the columns after n; without, the grp column (the segment).</param>
    internal static (List<PartRow> Features, GroupRows Groups) ReadFeatures(SqlSession session, string statement, int breakdowns = 0)
    {
        var features = new List<PartRow>();
        var groups = new GroupRows(new SortedDictionary<string, GroupSize>(StringComparer.Ordinal), []);
        session.Read(statement, row =>
        {
            var part = row.GetString(0);
            if (part is not ("group" or "group_adopters"))
            {
                features.Add(new PartRow(part, row.GetString(1), row.GetInt64(3), row.GetInt64(4), row.GetInt64(5)));
                return;
            }
            var values = breakdowns == 0 ? [row.GetString(2)] : Enumerable.Range(0, breakdowns).Select(i => row.GetString(6 + i)).ToArray();
            var label = Breakdowns.Label(values);
            if (part == "group") groups.Sizes[label] = new GroupSize(ValueList.From(values), row.GetInt64(5));
            else groups.Adopters[(row.GetString(1), label)] = row.GetInt64(5);
        });
        return (features, groups);
    }

    internal static List<GroupSize> AdoptionGroups(GroupRows groups) => [.. groups.Sizes.Values];

    /// <summary>The users active in each month of the window from a script's month_active rows (the engine reads them from the activity).</summary>
    internal static List<PeriodCount> ActiveMonths(EngagementSqlPlan plan, List<PartRow> rows) =>
        rows.Where(r => r.Part == "month_active").OrderBy(r => r.A).Select(r => new PeriodCount(plan.MonthPeriods.Label((int)r.A), r.N, false)).ToList();

    /// <summary>Each feature's counts, in the plan's order.</summary>
    /// <param name="plan">The window and features.</param>
    /// <param name="rows">The features statement's rows.</param>
    /// <param name="activeMonths">The activity's months: the users active in each month of the window are the base of monthly use.</param>
    /// <param name="groups">The adoption groups statement's rows.</param>
    internal static List<FeatureCounts> Features(EngagementSqlPlan plan, List<PartRow> rows, IReadOnlyList<PeriodCount> activeMonths, GroupRows groups)
    {
        var adopters = rows.Where(r => r.Part == "adopters").ToDictionary(r => r.Name, r => r.N, StringComparer.Ordinal);
        var monthly = rows.Where(r => r.Part == "monthly").ToDictionary(r => (r.Name, r.A), r => r.N);
        var days = rows.Where(r => r.Part == "days").ToLookup(r => r.Name, StringComparer.Ordinal);
        var active = activeMonths.ToDictionary(m => m.Period, m => m.Users, StringComparer.Ordinal);
        return plan.Features.Select(feature =>
        {
            var months = new List<MonthUse>();
            for (var m = 0; m < plan.Months; m++)
            {
                var month = plan.FirstMonth + m;
                var label = plan.MonthPeriods.Label(month);
                if (active.GetValueOrDefault(label) > 0)
                    months.Add(new MonthUse(label, monthly.GetValueOrDefault((feature, month)), active[label], plan.MonthPeriods.IsComplete(month, plan.End)));
            }
            var byGroup = groups.Sizes.Keys.Select(group => groups.Adopters.GetValueOrDefault((feature, group))).ToList();
            return new FeatureCounts(feature, adopters.GetValueOrDefault(feature), Quantiles(days[feature], Timestamp.MicrosPerDay), months, byGroup);
        }).ToList();
    }

    internal static PowerUserCounts PowerUsers(EngagementSqlPlan plan, List<PartRow> rows, long signedUp)
    {
        if (plan.IsEmpty) return new PowerUserCounts("", new long[8], new long[31], []);
        return new PowerUserCounts(Label(plan.LastCompleteDay), Histogram("l7", 7), Histogram("l30", 30),
            rows.Where(r => r.Part == "events").OrderBy(r => r.A).Select(r => new EventCountBin(r.A, r.N)).ToList());

        // Users without an active day in the window have no row: they are the rest of the signed-up users, at 0 days.
        long[] Histogram(string part, int days)
        {
            var counts = new long[days + 1];
            foreach (var row in rows.Where(r => r.Part == part)) counts[row.A] += row.N;
            counts[0] += signedUp - counts.Sum();
            return counts;
        }
    }

    private static List<LifecyclePeriod> Lifecycle(EngagementSqlPlan plan, List<PartRow> rows)
    {
        var counts = rows.Where(r => r.Part is "new" or "returning" or "resurrecting" or "dormant").ToDictionary(r => (r.Part, r.A), r => r.N);
        return Enumerable.Range(plan.LifecycleFirst, plan.LifecycleSpan).Select(p => (long)p).Select(period => new LifecyclePeriod(plan.LifecyclePeriods.Label((int)period),
            counts.GetValueOrDefault(("new", period)), counts.GetValueOrDefault(("returning", period)), counts.GetValueOrDefault(("resurrecting", period)),
            -counts.GetValueOrDefault(("dormant", period)), plan.LifecyclePeriods.IsComplete((int)period, plan.End))).ToList();
    }

    private static string Label(int dayNumber) => DateOnly.FromDayNumber(dayNumber).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
