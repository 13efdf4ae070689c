using Sextant.Events;

namespace Sextant.Analysis.Engagement;

/// <summary>
/// Engagement counts of some users, from one pass over each user's events: the activity series,
/// activation, and (unless only those two are asked for) feature adoption, power users, lifecycle
/// and activation speed. Tallies of disjoint users add up with <see cref="Add(EngagementTally)"/>:
/// integer counts give the same totals in any order. Durations are kept as µs, for
/// <see cref="SortedRuns.Merge(IReadOnlyList{DurationList}, double)"/> to join and sort across tallies.
/// </summary>
internal sealed class EngagementTally
{
    // Users are rarely more active than this many events; larger counts go to a dictionary.
    private const int DenseEventCounts = 1024;

    private readonly EngagementPlan _plan;
    private readonly bool _all;
    private readonly long[] _firstSeen;
    private readonly int[] _lastMonthUsed;

    /// <param name="plan">The run's window, periods and events.</param>
    /// <param name="all">False to count only the activity series and activation (a breakdown group's headline).</param>
    public EngagementTally(EngagementPlan plan, bool all)
    {
        _plan = plan;
        _all = all;
        _firstSeen = new long[plan.ActivationEventCount];
        Dau = new long[plan.DayCount];
        WauDelta = new long[plan.DayCount + 31];
        MauDelta = new long[plan.DayCount + 31];
        Weekly = new long[plan.Weeks];
        Monthly = new long[plan.Months];
        if (!all)
        {
            _lastMonthUsed = [];
            return;
        }
        var features = plan.Features.Length;
        var groups = plan.AdoptionScope?.GroupCount ?? 0;
        _lastMonthUsed = new int[features];
        Adopters = new long[features];
        AdoptersByGroup = new long[features * groups];
        MicrosToFirstUse = [.. Enumerable.Range(0, features).Select(_ => new DurationList())];
        MonthlyUsers = new long[features * plan.Months];
        MonthlyActive = new long[plan.Months];
        GroupSizes = new long[groups];
        Last7 = new long[8];
        Last30 = new long[31];
        EventsPerUser = new long[DenseEventCounts];
        Fresh = new long[plan.LifecycleSpan];
        Returning = new long[plan.LifecycleSpan];
        Resurrecting = new long[plan.LifecycleSpan];
        Dormant = new long[plan.LifecycleSpan];
    }

    public long[] Dau { get; }

    public long[] WauDelta { get; }

    public long[] MauDelta { get; }

    /// <summary>Users active per ISO week of the window.</summary>
    public long[] Weekly { get; }

    /// <summary>Users active per month of the window.</summary>
    public long[] Monthly { get; }

    public long Eligible { get; private set; }

    public long Activated { get; private set; }

    public long Fast { get; private set; }

    /// <summary>µs from sign-up to activation of each activated user.</summary>
    public DurationList MicrosToActivate { get; } = new();

    public long SignedUp { get; private set; }

    public long[] Adopters { get; } = [];

    /// <summary>Adopters per feature and adoption group, feature-major.</summary>
    public long[] AdoptersByGroup { get; } = [];

    /// <summary>Per feature, µs from sign-up to first use of each adopter with a sign-up time.</summary>
    public DurationList[] MicrosToFirstUse { get; } = [];

    /// <summary>Users per feature and month of the window, feature-major.</summary>
    public long[] MonthlyUsers { get; } = [];

    public long[] MonthlyActive { get; } = [];

    public long[] GroupSizes { get; } = [];

    public long[] Last7 { get; } = [];

    public long[] Last30 { get; } = [];

    /// <summary>Users per number of active events in the window, for small numbers.</summary>
    public long[] EventsPerUser { get; } = [];

    /// <summary>Users per number of active events, for numbers past the dense ones.</summary>
    public Dictionary<long, long> ManyEventsPerUser { get; } = [];

    public long[] Fresh { get; } = [];

    public long[] Returning { get; } = [];

    public long[] Resurrecting { get; } = [];

    public long[] Dormant { get; } = [];

    /// <summary>Users per activation speed (within a day, later, never) whose first full month after sign-up had ended.</summary>
    public long[] SpeedUsers { get; } = new long[3];

    /// <summary>Of those, the users active in that month.</summary>
    public long[] SpeedRetained { get; } = new long[3];

    /// <summary>Counts one signed-up user (the caller applies the cohort filter).</summary>
    public void Add(int user)
    {
        var plan = _plan;
        var table = plan.Table;
        var calendar = table.Calendar;
        var window = plan.Window;
        var active = plan.Active;
        var timestamps = table.Timestamps;
        var eventCodes = table.EventCodes;
        var signup = table.SignupAt[user];
        var query = plan.Query;

        // Activation: a user whose activation window had ended by the data end; with a range start, one who signed up in it.
        var eligible = signup != long.MinValue && signup + plan.ActivationWindow <= window.End && (query.Range.From is null || signup >= query.Range.FromMicros);
        var activationEnd = signup + plan.ActivationWindow;
        if (eligible) _firstSeen.AsSpan().Fill(long.MaxValue);
        // Activation speed: month-1 activity of an eligible user whose month 1 had ended.
        var monthOne = eligible ? plan.Days.MonthOfDay(calendar.DayOf(signup)) + 1 : 0;
        var speedCounted = _all && eligible && plan.MonthPeriods.IsComplete(monthOne, window.End);
        var retainedInMonthOne = false;

        var adoptionGroup = -1;
        var lifecycleSignup = int.MinValue;
        if (_all)
        {
            SignedUp++;
            adoptionGroup = plan.AdoptionScope?.GroupOf(user) ?? -1;
            if (adoptionGroup >= 0) GroupSizes[adoptionGroup]++;
            Array.Fill(_lastMonthUsed, int.MinValue);
            lifecycleSignup = signup == long.MinValue ? int.MinValue : plan.Days.PeriodOfDay(query.LifecyclePeriod, calendar.DayOf(signup));
        }

        // The calendar of the current row's day, recomputed only when the day changes.
        int day = int.MinValue, week = 0, month = 0, lifecyclePeriod = 0;
        // Series: the previous active day and how far the rolling windows are covered.
        int seriesDay = int.MinValue, weekCoveredTo = int.MinValue, monthCoveredTo = int.MinValue, lastWeek = int.MinValue, lastMonth = int.MinValue;
        // Adoption, power users and lifecycle: each part's previous day or period.
        int lastActiveMonth = int.MinValue, powerDay = int.MinValue, days7 = 0, days30 = 0;
        int lifecyclePrevious = int.MinValue, firstActive = int.MinValue;
        long events = 0;
        var lifecycle = _all && !window.IsEmpty;
        var firstDay = plan.FirstDay;
        var days = plan.Days;
        var cursor = new DayCursor(calendar);
        // Locals, not fields, in the loop: the JIT keeps them in registers.
        long windowStart = window.Start, windowEnd = window.End;
        var activationIndexOf = plan.ActivationIndexOf;
        var firstSeen = _firstSeen;
        var featureOf = plan.FeatureOf;
        var lastMonthUsed = _lastMonthUsed;
        var monthlyActive = MonthlyActive;
        var monthlyUsers = MonthlyUsers;
        int firstMonth = plan.FirstMonth, months = plan.Months, lastCompleteDay = plan.LastCompleteDay;
        var all = _all;
        var end = table.UserOffsets[user + 1];
        for (var row = table.UserOffsets[user]; row < end; row++)
        {
            var t = timestamps[row];
            // Every part stops at the data end (activation windows end by it).
            if (t > windowEnd) break;
            var code = eventCodes[row];
            if (eligible && t >= signup && t <= activationEnd)
            {
                var index = activationIndexOf[code];
                if (index >= 0 && firstSeen[index] == long.MaxValue) firstSeen[index] = t;
            }
            if (!active[code]) continue;
            if (cursor.MoveTo(t))
            {
                day = cursor.Day;
                week = days.WeekOfDay(day);
                month = days.MonthOfDay(day);
                lifecyclePeriod = days.PeriodOfDay(query.LifecyclePeriod, day);
            }
            if (speedCounted && month == monthOne) retainedInMonthOne = true;
            // Activity before the window still decides whether a period in it is new or returning.
            if (lifecycle && lifecyclePeriod != lifecyclePrevious) Lifecycle(lifecyclePeriod, lifecycleSignup, ref lifecyclePrevious, ref firstActive);
            if (t < windowStart) continue;

            if (day != seriesDay)
            {
                seriesDay = day;
                var index = day - firstDay;
                Dau[index]++;
                Cover(WauDelta, index, 7, ref weekCoveredTo);
                Cover(MauDelta, index, 30, ref monthCoveredTo);
                if (week != lastWeek) { lastWeek = week; Weekly[(week - plan.FirstWeek) / 7]++; }
                if (month != lastMonth) { lastMonth = month; Monthly[month - plan.FirstMonth]++; }
            }
            if (!all) continue;

            var monthIndex = month - firstMonth;
            if (monthIndex != lastActiveMonth) { monthlyActive[monthIndex]++; lastActiveMonth = monthIndex; }
            var f = featureOf[code];
            if (f >= 0 && lastMonthUsed[f] != monthIndex)
            {
                if (lastMonthUsed[f] == int.MinValue)
                {
                    Adopters[f]++;
                    if (adoptionGroup >= 0) AdoptersByGroup[f * GroupSizes.Length + adoptionGroup]++;
                    if (signup != long.MinValue) MicrosToFirstUse[f].Add(Math.Max(0, t - signup));
                }
                lastMonthUsed[f] = monthIndex;
                monthlyUsers[f * months + monthIndex]++;
            }

            events++;
            if (day != powerDay && day <= lastCompleteDay)
            {
                powerDay = day;
                if (day > lastCompleteDay - 7) days7++;
                if (day > lastCompleteDay - 30) days30++;
            }
        }

        if (eligible) Activate(signup, retainedInMonthOne, speedCounted);
        if (!_all || plan.Window.IsEmpty) return;
        if (lifecyclePrevious != int.MinValue) DormantIn(lifecyclePrevious + 1);
        Last7[days7]++;
        Last30[days30]++;
        if (events == 0) return;
        if (events < DenseEventCounts) EventsPerUser[events]++;
        else ManyEventsPerUser[events] = ManyEventsPerUser.GetValueOrDefault(events) + 1;
    }

    /// <summary>Completes an eligible user's activation and activation-speed counts.</summary>
    private void Activate(long signup, bool retainedInMonthOne, bool speedCounted)
    {
        long completedAt;
        if (_plan.Query.ActivationMatchAll)
        {
            completedAt = long.MinValue;
            foreach (var seen in _firstSeen) completedAt = Math.Max(completedAt, seen);
        }
        else
        {
            completedAt = long.MaxValue;
            foreach (var seen in _firstSeen) completedAt = Math.Min(completedAt, seen);
        }
        Eligible++;
        var hours = double.PositiveInfinity;
        if (_firstSeen.Length > 0 && completedAt != long.MaxValue)
        {
            Activated++;
            hours = (completedAt - signup) / (double)Timestamp.MicrosPerHour;
            MicrosToActivate.Add(completedAt - signup);
            if (hours < 24) Fast++;
        }
        if (!speedCounted) return;
        var group = double.IsPositiveInfinity(hours) ? 2 : hours < 24 ? 0 : 1;
        SpeedUsers[group]++;
        if (retainedInMonthOne) SpeedRetained[group]++;
    }

    /// <summary>One step of the lifecycle: the user is active in a new period.</summary>
    private void Lifecycle(int period, int signupPeriod, ref int previous, ref int firstActive)
    {
        if (firstActive == int.MinValue) firstActive = period;
        var first = _plan.LifecycleFirst;
        if (period >= first)
        {
            var index = period - first;
            if (period == signupPeriod && period == firstActive) Fresh[index]++;
            else if (previous == period - 1) Returning[index]++;
            else Resurrecting[index]++;
        }
        if (previous != int.MinValue && previous != period - 1) DormantIn(previous + 1);
        previous = period;
    }

    private void DormantIn(int period)
    {
        var index = period - _plan.LifecycleFirst;
        if (index >= 0 && index < Dormant.Length) Dormant[index]++;
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

    /// <summary>Adds the counts of <paramref name="other"/> (its durations stay in it).</summary>
    public void Add(EngagementTally other)
    {
        AddTo(Dau, other.Dau);
        AddTo(WauDelta, other.WauDelta);
        AddTo(MauDelta, other.MauDelta);
        AddTo(Weekly, other.Weekly);
        AddTo(Monthly, other.Monthly);
        Eligible += other.Eligible;
        Activated += other.Activated;
        Fast += other.Fast;
        SignedUp += other.SignedUp;
        AddTo(Adopters, other.Adopters);
        AddTo(AdoptersByGroup, other.AdoptersByGroup);
        AddTo(MonthlyUsers, other.MonthlyUsers);
        AddTo(MonthlyActive, other.MonthlyActive);
        AddTo(GroupSizes, other.GroupSizes);
        AddTo(Last7, other.Last7);
        AddTo(Last30, other.Last30);
        AddTo(EventsPerUser, other.EventsPerUser);
        foreach (var (events, users) in other.ManyEventsPerUser) ManyEventsPerUser[events] = ManyEventsPerUser.GetValueOrDefault(events) + users;
        AddTo(Fresh, other.Fresh);
        AddTo(Returning, other.Returning);
        AddTo(Resurrecting, other.Resurrecting);
        AddTo(Dormant, other.Dormant);
        AddTo(SpeedUsers, other.SpeedUsers);
        AddTo(SpeedRetained, other.SpeedRetained);
    }

    private static void AddTo(long[] total, long[] part)
    {
        for (var i = 0; i < total.Length; i++) total[i] += part[i];
    }
}
