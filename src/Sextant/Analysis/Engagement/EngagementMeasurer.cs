using System.Globalization;
using Sextant.Engine.InMemory;
using Sextant.Events;

namespace Sextant.Analysis.Engagement;

/// <summary>
/// Counts engagement in memory: DAU / WAU / MAU, calendar week and month actives, activation,
/// feature adoption, power users, lifecycle and activation speed in one pass over each user's
/// events (<see cref="EngagementTally"/>), on every core over ranges of users; the North Star in
/// its own pass over users grouped by workspace. Only signed-up users in the scope's cohort count
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
        var filtered = query.Cohort is not null;
        // Without a breakdown, adoption is still compared across segments when users have one.
        var adoptionScope = query.Breakdowns.Count > 0 ? scope
            : table.Attributes[EngagementQuery.DefaultAdoptionAttribute] is null ? null
            : scope.Regroup(table, [Breakdown.Profile(EngagementQuery.DefaultAdoptionAttribute)], query.Range);
        var plan = new EngagementPlan(table, query, window, active, adoptionScope);

        var northStar = Task.Run(() => NorthStarWeeks(table, query, window, active, filtered ? scope : null));
        var tallies = UserRanges.Run(UserRanges.Of(table, table.SignedUpUserCount), (from, to) =>
        {
            var tally = new EngagementTally(plan, all: true);
            for (var user = from; user < to; user++)
                if (!filtered || scope.Includes(user)) tally.Add(user);
            return tally;
        });
        var total = tallies[0];
        foreach (var part in tallies.Skip(1)) total.Add(part);
        var groups = query.Breakdowns.Count == 0 ? [] : Groups(table, plan, scope);
        return new EngagementMeasures(window.End, SeriesOf(plan, total), ActivationOf(tallies), new ActivationSpeedCounts(total.SpeedUsers, total.SpeedRetained),
            northStar.GetAwaiter().GetResult(), total.SignedUp, FeaturesOf(plan, tallies), AdoptionGroupsOf(plan, total), PowerUsersOf(plan, total), LifecycleOf(plan, total), groups);
    }

    /// <summary>Headline counts of every group with signed-up users, in the scope's order.</summary>
    private static List<EngagementGroupCounts> Groups(EventTable table, EngagementPlan plan, UserScope scope)
    {
        // Each group's included signed-up users, in user order (a counting sort), so each group reads only its own users.
        var sizes = new int[scope.GroupCount + 1];
        for (var user = 0; user < table.SignedUpUserCount; user++)
            if (scope.Includes(user)) sizes[scope.GroupOf(user) + 1]++;
        for (var g = 0; g < scope.GroupCount; g++) sizes[g + 1] += sizes[g];
        var members = new int[sizes[scope.GroupCount]];
        var next = sizes[..^1];
        for (var user = 0; user < table.SignedUpUserCount; user++)
            if (scope.Includes(user)) members[next[scope.GroupOf(user)]++] = user;

        var present = Enumerable.Range(0, scope.GroupCount).Where(g => sizes[g + 1] > sizes[g]).ToList();
        var results = new EngagementGroupCounts[present.Count];
        Parallel.For(0, present.Count, i =>
        {
            var g = present[i];
            var tally = new EngagementTally(plan, all: false);
            for (var m = sizes[g]; m < sizes[g + 1]; m++) tally.Add(members[m]);
            results[i] = new EngagementGroupCounts(scope.Keys[g], sizes[g + 1] - sizes[g], SeriesOf(plan, tally).Days, ActivationOf([tally]));
        });
        return [.. results];
    }

    private static ActivityCounts SeriesOf(EngagementPlan plan, EngagementTally tally)
    {
        var calendar = plan.Table.Calendar;
        var dataEnd = plan.Window.End;
        var daySeries = new List<DayCounts>(plan.DayCount);
        long wau = 0, mau = 0;
        for (var i = 0; i < plan.DayCount; i++)
        {
            wau += tally.WauDelta[i];
            mau += tally.MauDelta[i];
            // A day is complete once it has ended by the data end.
            daySeries.Add(new DayCounts(Label(plan.FirstDay + i), tally.Dau[i], wau, mau, calendar.DayStart(plan.FirstDay + i + 1) <= dataEnd + 1));
        }
        var weeks = new List<PeriodCount>();
        for (var w = 0; w < plan.Weeks; w++)
        {
            var week = plan.FirstWeek + 7 * w;
            if (tally.Weekly[w] > 0) weeks.Add(new PeriodCount(Label(week), tally.Weekly[w], calendar.DayStart(week + 7) <= dataEnd + 1));
        }
        var months = new List<PeriodCount>();
        for (var m = 0; m < plan.Months; m++)
        {
            var month = plan.FirstMonth + m;
            if (tally.Monthly[m] > 0)
                months.Add(new PeriodCount(DateOnly.FromDayNumber(ProjectCalendar.FirstDayOfMonth(month)).ToString("yyyy-MM", CultureInfo.InvariantCulture), tally.Monthly[m],
                    calendar.DayStart(ProjectCalendar.FirstDayOfMonth(month + 1)) <= dataEnd + 1));
        }
        return new ActivityCounts(daySeries, weeks, months);
    }

    /// <summary>Activation counts of the users of <paramref name="tallies"/>, the first holding the totals; hours sorted.</summary>
    private static ActivationCounts ActivationOf(EngagementTally[] tallies) =>
        new(tallies[0].Eligible, tallies[0].Activated, tallies[0].Fast, DurationQuantiles.OfSorted(SortedRuns.Merge([.. tallies.Select(t => t.MicrosToActivate)], Timestamp.MicrosPerHour)));

    private static string Label(int dayNumber) => DateOnly.FromDayNumber(dayNumber).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
