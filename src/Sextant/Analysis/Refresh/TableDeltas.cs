using System.Numerics;
using Sextant.Events;

namespace Sextant.Analysis.Refresh;

/// <summary>
/// Changes to <see cref="RefreshTables"/> gathered in plain arrays while a batch is folded in —
/// per day (events per source code, revenue, sign-ups, active users) and per sign-up cohort month
/// × activity month — and added to the tables once at the end (<see cref="ApplyTo"/>), instead of
/// a dictionary update per event and per person. The ranges of days and months grow to fit, either
/// way. A partition is marked touched exactly when the tables' own methods would mark it, so the
/// refresh reports the same kept and recomputed counts. People are replaced on every core, each
/// with its own deltas; <see cref="MergeInto"/> adds one set into another.
/// </summary>
internal sealed class TableDeltas
{
    private readonly int _sourceSlots;

    // Days: index = day − _firstDay.
    private int _firstDay;
    private int _days;
    private long[] _events = [];
    private decimal[] _revenue = [];
    private long[] _signups = [];
    private long[] _activeUsers = [];
    private bool[] _dayTouched = [];

    // Months: index = month − _firstMonth; a cell is [cohort index × _months + month index].
    private int _firstMonth;
    private int _months;
    private long[] _cohortSizes = [];
    private bool[] _cohortTouched = [];
    private long[] _cellUsers = [];
    private long[] _cellDays = [];
    private bool[] _cellTouched = [];

    /// <param name="sourceCount">Source codes run from 0 (none) to this.</param>
    public TableDeltas(int sourceCount) => _sourceSlots = sourceCount + 1;

    public void AddEvents(int day, int sourceCode, long count)
    {
        var at = DayIndex(day);
        _events[at * _sourceSlots + sourceCode] += count;
        _dayTouched[at] = true;
    }

    public void AddRevenue(int day, decimal amount)
    {
        var at = DayIndex(day);
        _revenue[at] += amount;
        _dayTouched[at] = true;
    }

    /// <summary>As <see cref="RefreshTables.AddSignup"/>.</summary>
    public void AddSignup(int day, int sign)
    {
        var at = DayIndex(day);
        _signups[at] += sign;
        _dayTouched[at] = true;
        var cohort = MonthIndex(ProjectCalendar.MonthOfDay(day));
        _cohortSizes[cohort] += sign;
        _cohortTouched[cohort] = true;
    }

    /// <summary>As <see cref="RefreshTables.AddActiveDays"/>.</summary>
    public void AddActiveDays(int month, uint mask, int sign)
    {
        if (mask == 0) return;
        var first = ProjectCalendar.FirstDayOfMonth(month);
        DayIndex(first);
        DayIndex(first + 31 - BitOperations.LeadingZeroCount(mask));
        for (; mask != 0; mask &= mask - 1)
        {
            var at = first + BitOperations.TrailingZeroCount(mask) - _firstDay;
            _activeUsers[at] += sign;
            _dayTouched[at] = true;
        }
    }

    /// <summary>As <see cref="RefreshTables.AddCell"/>.</summary>
    public void AddCell(int cohort, int month, uint mask, int sign)
    {
        if (mask == 0) return;
        var at = CellIndex(cohort, month);
        _cellUsers[at] += sign;
        _cellDays[at] += sign * BitOperations.PopCount(mask);
        _cellTouched[at] = true;
    }

    /// <summary>Adds these deltas into <paramref name="target"/>, touched marks included.</summary>
    public void MergeInto(TableDeltas target)
    {
        for (var at = 0; at < _days; at++)
        {
            if (!_dayTouched[at]) continue;
            var to = target.DayIndex(_firstDay + at);
            for (var source = 0; source < _sourceSlots; source++) target._events[to * _sourceSlots + source] += _events[at * _sourceSlots + source];
            target._revenue[to] += _revenue[at];
            target._signups[to] += _signups[at];
            target._activeUsers[to] += _activeUsers[at];
            target._dayTouched[to] = true;
        }
        for (var cohort = 0; cohort < _months; cohort++)
        {
            if (_cohortTouched[cohort])
            {
                var to = target.MonthIndex(_firstMonth + cohort);
                target._cohortSizes[to] += _cohortSizes[cohort];
                target._cohortTouched[to] = true;
            }
            for (var month = 0; month < _months; month++)
            {
                var at = cohort * _months + month;
                if (!_cellTouched[at]) continue;
                var to = target.CellIndex(_firstMonth + cohort, _firstMonth + month);
                target._cellUsers[to] += _cellUsers[at];
                target._cellDays[to] += _cellDays[at];
                target._cellTouched[to] = true;
            }
        }
    }

    /// <summary>Adds the deltas to the tables; <paramref name="sources"/> names source code c as sources[c − 1].</summary>
    public void ApplyTo(RefreshTables tables, IReadOnlyList<string> sources)
    {
        for (var at = 0; at < _days; at++)
        {
            if (!_dayTouched[at]) continue;
            var day = _firstDay + at;
            ref var figures = ref tables.Day(day);
            figures.Signups += _signups[at];
            figures.ActiveUsers += _activeUsers[at];
            if (_revenue[at] != 0) figures.Revenue += _revenue[at];
            for (var source = 0; source < _sourceSlots; source++)
            {
                var count = _events[at * _sourceSlots + source];
                if (count != 0) tables.AddEvents(day, source == 0 ? "" : sources[source - 1], count);
            }
        }
        for (var cohort = 0; cohort < _months; cohort++)
        {
            if (_cohortTouched[cohort]) tables.AddCohortMembers(_firstMonth + cohort, _cohortSizes[cohort]);
            for (var month = 0; month < _months; month++)
            {
                var at = cohort * _months + month;
                if (_cellTouched[at]) tables.AddToCell(_firstMonth + cohort, _firstMonth + month, _cellUsers[at], _cellDays[at]);
            }
        }
    }

    private int DayIndex(int day)
    {
        if (day < _firstDay || day >= _firstDay + _days) GrowDays(day);
        return day - _firstDay;
    }

    private int MonthIndex(int month)
    {
        if (month < _firstMonth || month >= _firstMonth + _months) GrowMonths(month);
        return month - _firstMonth;
    }

    private int CellIndex(int cohort, int month)
    {
        // Both are fitted before either index is taken: fitting the second may move the range.
        MonthIndex(cohort);
        MonthIndex(month);
        return (cohort - _firstMonth) * _months + month - _firstMonth;
    }

    private void GrowDays(int day)
    {
        var (first, end) = GrowingRange.Widened(_firstDay, _days, day);
        var shift = _firstDay - first;
        var days = end - first;
        _events = GrowingRange.Moved(_events, _days * _sourceSlots, days * _sourceSlots, shift * _sourceSlots);
        _revenue = GrowingRange.Moved(_revenue, _days, days, shift);
        _signups = GrowingRange.Moved(_signups, _days, days, shift);
        _activeUsers = GrowingRange.Moved(_activeUsers, _days, days, shift);
        _dayTouched = GrowingRange.Moved(_dayTouched, _days, days, shift);
        (_firstDay, _days) = (first, days);
    }

    private void GrowMonths(int month)
    {
        var (first, end) = GrowingRange.Widened(_firstMonth, _months, month);
        var shift = _firstMonth - first;
        var months = end - first;
        _cohortSizes = GrowingRange.Moved(_cohortSizes, _months, months, shift);
        _cohortTouched = GrowingRange.Moved(_cohortTouched, _months, months, shift);
        _cellUsers = GrowingRange.MovedSquare(_cellUsers, _months, months, shift);
        _cellDays = GrowingRange.MovedSquare(_cellDays, _months, months, shift);
        _cellTouched = GrowingRange.MovedSquare(_cellTouched, _months, months, shift);
        (_firstMonth, _months) = (first, months);
    }
}
