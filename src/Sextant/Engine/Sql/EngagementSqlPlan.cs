using Sextant.Analysis;
using Sextant.Analysis.Engagement;
using Sextant.Events;

namespace Sextant.Engine.Sql;

/// <summary>
/// What the pushed-down engagement measurer lays rows out against, worked out as the in-memory
/// plan does (EngagementPlan, MetricsWindow): the window, its days, weeks and months, the last
/// complete day, the lifecycle periods and the features, in the project calendar.
/// </summary>
internal sealed class EngagementSqlPlan
{
    public EngagementSqlPlan(ProjectCalendar calendar, EngagementQuery query, long start, long end, IReadOnlyList<string> features)
    {
        Calendar = calendar;
        Start = start;
        End = end;
        Features = features;
        FirstDay = IsEmpty ? 0 : calendar.DayOf(start);
        var lastDay = IsEmpty ? -1 : calendar.DayOf(end);
        DayCount = Math.Max(0, lastDay - FirstDay + 1);
        FirstWeek = ProjectCalendar.WeekOfDay(FirstDay);
        Weeks = IsEmpty ? 0 : (ProjectCalendar.WeekOfDay(lastDay) - FirstWeek) / 7 + 1;
        FirstMonth = IsEmpty ? 0 : ProjectCalendar.MonthOfDay(FirstDay);
        Months = IsEmpty ? 0 : ProjectCalendar.MonthOfDay(lastDay) - FirstMonth + 1;
        LastCompleteDay = IsEmpty ? 0 : calendar.DayStart(lastDay + 1) <= end + 1 ? lastDay : lastDay - 1;
        MonthPeriods = new CalendarPeriods(calendar, CalendarPeriod.Month);
        LifecyclePeriods = new CalendarPeriods(calendar, query.LifecyclePeriod);
        LifecycleFirst = IsEmpty ? 0 : LifecyclePeriods.Of(start);
        LifecycleSpan = IsEmpty ? 0 : LifecyclePeriods.Of(end) - LifecycleFirst + 1;
    }

    public ProjectCalendar Calendar { get; }

    /// <summary>The window's first instant (UTC µs).</summary>
    public long Start { get; }

    /// <summary>The data end (UTC µs): the window's last instant.</summary>
    public long End { get; }

    public bool IsEmpty => End < Start;

    /// <summary>The feature events adoption is counted for, in output order.</summary>
    public IReadOnlyList<string> Features { get; }

    public int FirstDay { get; }

    public int DayCount { get; }

    /// <summary>Day number of the Monday of the window's first ISO week.</summary>
    public int FirstWeek { get; }

    public int Weeks { get; }

    public int FirstMonth { get; }

    public int Months { get; }

    public int LastCompleteDay { get; }

    public CalendarPeriods MonthPeriods { get; }

    public CalendarPeriods LifecyclePeriods { get; }

    public int LifecycleFirst { get; }

    public int LifecycleSpan { get; }

    /// <summary>True when the period starting on day <paramref name="nextFirstDay"/> had started by the data end, so the one before it is complete.</summary>
    public bool EndedBefore(int nextFirstDay) => Calendar.DayStart(nextFirstDay) <= End + 1;
}
