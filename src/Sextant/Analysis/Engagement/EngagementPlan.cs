using Sextant.Engine.InMemory;
using Sextant.Events;

namespace Sextant.Analysis.Engagement;

/// <summary>
/// What every part of an engagement run needs to know before the pass over the events: the
/// window, the calendar periods it spans, the feature and activation events by code and the
/// groups adoption is compared across. Read-only, shared by the ranges counted in parallel.
/// </summary>
internal sealed class EngagementPlan
{
    public EngagementPlan(EventTable table, EngagementQuery query, MetricsWindow window, bool[] active, UserScope? adoptionScope)
    {
        Table = table;
        Query = query;
        Window = window;
        Active = active;
        AdoptionScope = adoptionScope;
        var calendar = table.Calendar;
        FirstDay = window.IsEmpty ? 0 : calendar.DayOf(window.Start);
        var lastDay = window.IsEmpty ? -1 : calendar.DayOf(window.End);
        DayCount = Math.Max(0, lastDay - FirstDay + 1);
        Days = new DayLookup(table);
        FirstWeek = ProjectCalendar.WeekOfDay(FirstDay);
        Weeks = window.IsEmpty ? 0 : (ProjectCalendar.WeekOfDay(lastDay) - FirstWeek) / 7 + 1;
        FirstMonth = window.IsEmpty ? 0 : ProjectCalendar.MonthOfDay(FirstDay);
        Months = window.IsEmpty ? 0 : ProjectCalendar.MonthOfDay(lastDay) - FirstMonth + 1;
        // The last complete day: the data end's day when the data end is that day's last instant, else the day before.
        LastCompleteDay = window.IsEmpty ? 0 : calendar.DayStart(lastDay + 1) <= window.End + 1 ? lastDay : lastDay - 1;

        Features = query.Features.Count > 0
            ? query.Features.ToArray()
            : table.EventNames.Where(name => active[table.EventCode(name)] && !SystemEvents.Is(name)).Order(StringComparer.Ordinal).ToArray();
        FeatureOf = new int[table.EventNames.Length];
        Array.Fill(FeatureOf, -1);
        for (var f = 0; f < Features.Length; f++)
            if (table.EventCode(Features[f]) is >= 0 and var code) FeatureOf[code] = f;

        MonthPeriods = new CalendarPeriods(calendar, CalendarPeriod.Month);
        LifecyclePeriods = new CalendarPeriods(calendar, query.LifecyclePeriod);
        LifecycleFirst = window.IsEmpty ? 0 : LifecyclePeriods.Of(window.Start);
        LifecycleSpan = window.IsEmpty ? 0 : LifecyclePeriods.Of(window.End) - LifecycleFirst + 1;

        // A code's position among the activation events, as Array.IndexOf finds it (the first when one is listed twice).
        var codes = query.ActivationEvents.Select(table.EventCode).ToArray();
        ActivationEventCount = codes.Length;
        ActivationIndexOf = new int[table.EventNames.Length];
        for (var code = 0; code < ActivationIndexOf.Length; code++) ActivationIndexOf[code] = Array.IndexOf(codes, code);
        ActivationWindow = query.ActivationWindowDays * Timestamp.MicrosPerDay;
    }

    public EventTable Table { get; }

    public EngagementQuery Query { get; }

    public MetricsWindow Window { get; }

    /// <summary>True per event code that counts as activity.</summary>
    public bool[] Active { get; }

    /// <summary>The groups adoption is compared across, or null for none.</summary>
    public UserScope? AdoptionScope { get; }

    /// <summary>Day number of the window's first day; daily counts are indexed from it.</summary>
    public int FirstDay { get; }

    /// <summary>Days in the window.</summary>
    public int DayCount { get; }

    /// <summary>The week and month of each day.</summary>
    public DayLookup Days { get; }

    /// <summary>Day number of the Monday of the window's first ISO week; weeks are indexed from it in steps of 7 days.</summary>
    public int FirstWeek { get; }

    public int Weeks { get; }

    /// <summary>Month index of the window's first month; monthly counts are indexed from it.</summary>
    public int FirstMonth { get; }

    public int Months { get; }

    /// <summary>The last day that had ended by the data end (power users look back from it).</summary>
    public int LastCompleteDay { get; }

    /// <summary>The feature events adoption is counted for, in output order.</summary>
    public string[] Features { get; }

    /// <summary>Feature index per event code, −1 for none.</summary>
    public int[] FeatureOf { get; }

    /// <summary>Calendar months, numbered as month indexes.</summary>
    public CalendarPeriods MonthPeriods { get; }

    public CalendarPeriods LifecyclePeriods { get; }

    /// <summary>Lifecycle period of the window's start; lifecycle counts are indexed from it.</summary>
    public int LifecycleFirst { get; }

    public int LifecycleSpan { get; }

    public int ActivationEventCount { get; }

    /// <summary>Index among the activation events per event code, −1 for none.</summary>
    public int[] ActivationIndexOf { get; }

    /// <summary>Activation window after sign-up, µs.</summary>
    public long ActivationWindow { get; }
}
