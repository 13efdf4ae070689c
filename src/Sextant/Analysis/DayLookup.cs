using System.Runtime.CompilerServices;
using Sextant.Events;

namespace Sextant.Analysis;

/// <summary>
/// The ISO week and month of every day of the data, looked up by day number: a pass over
/// millions of events changes day millions of times, and working a week or month out from a
/// date each time costs more than the rest of the pass. Days outside the data are computed.
/// </summary>
internal sealed class DayLookup
{
    private readonly int _firstDay;
    private readonly int[] _weeks;
    private readonly int[] _months;

    public DayLookup(EventTable table)
    {
        Calendar = table.Calendar;
        var empty = table.MaxTimestamp < table.MinTimestamp;
        _firstDay = empty ? 0 : Calendar.DayOf(table.MinTimestamp);
        var count = empty ? 0 : Calendar.DayOf(table.MaxTimestamp) - _firstDay + 1;
        _weeks = new int[count];
        _months = new int[count];
        for (var i = 0; i < count; i++)
        {
            _weeks[i] = ProjectCalendar.WeekOfDay(_firstDay + i);
            _months[i] = ProjectCalendar.MonthOfDay(_firstDay + i);
        }
    }

    public ProjectCalendar Calendar { get; }

    /// <summary>Day number of the Monday that starts the day's ISO week.</summary>
    public int WeekOfDay(int day)
    {
        var index = day - _firstDay;
        return (uint)index < (uint)_weeks.Length ? _weeks[index] : ProjectCalendar.WeekOfDay(day);
    }

    /// <summary>Month index (year × 12 + month − 1) of the day.</summary>
    public int MonthOfDay(int day)
    {
        var index = day - _firstDay;
        return (uint)index < (uint)_months.Length ? _months[index] : ProjectCalendar.MonthOfDay(day);
    }

    /// <summary>The period number of the day, as <see cref="CalendarPeriods.OfDay"/> numbers it.</summary>
    public int PeriodOfDay(CalendarPeriod period, int day) => period switch
    {
        CalendarPeriod.Day => day,
        CalendarPeriod.Week => WeekOfDay(day) / 7,
        _ => MonthOfDay(day),
    };
}

/// <summary>
/// The day of instants met in time order: the calendar is asked only when an instant leaves the
/// current day's [start, end), not for every event.
/// </summary>
internal struct DayCursor
{
    private readonly ProjectCalendar _calendar;
    private long _start;
    private long _end;

    public DayCursor(ProjectCalendar calendar)
    {
        _calendar = calendar;
        _start = long.MaxValue;
        _end = long.MinValue;
        Day = int.MinValue;
    }

    /// <summary>The day number of the last instant moved to (int.MinValue before the first).</summary>
    public int Day { get; private set; }

    /// <summary>Moves to the day of <paramref name="instant"/>; true when it differs from the previous day.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MoveTo(long instant) => (instant < _start || instant >= _end) && Enter(instant);

    private bool Enter(long instant)
    {
        var day = _calendar.DayOf(instant);
        _start = _calendar.DayStart(day);
        _end = _calendar.DayStart(day + 1);
        var changed = day != Day;
        Day = day;
        return changed;
    }
}
