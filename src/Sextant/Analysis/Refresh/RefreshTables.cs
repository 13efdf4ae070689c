using System.Numerics;
using Sextant.Events;

namespace Sextant.Analysis.Refresh;

/// <summary>One calendar day's figures.</summary>
internal struct DayFigures
{
    public long Events;
    public long ActiveUsers;
    public long Signups;
    public decimal Revenue;
}

/// <summary>One (sign-up cohort month, activity month) cell: cohort members active in the month, and their active days summed.</summary>
internal struct CohortCell
{
    public long ActiveUsers;
    public long ActiveUserDays;
}

/// <summary>
/// The materialised results of <c>sextant refresh</c> (docs/REFRESH.md), by partition: per
/// calendar day (events, active users, sign-ups, revenue; events per source) and per sign-up
/// cohort month × activity month. Both the incremental path and the reference fill it; only
/// <see cref="RefreshCsv"/> turns it into files. The touched marks record which partitions the
/// last change visited. Partitions are plain arrays indexed by day or month number over ranges
/// that grow to fit (a few hundred days, a few dozen months), so reading, changing and writing
/// them is array work, in key order, with no hashing.
/// </summary>
internal sealed class RefreshTables
{
    // Days: index = day − _firstDay.
    private int _firstDay;
    private int _dayCount;
    private DayFigures[] _days = [];
    private bool[] _dayTouched = [];
    // Events per source over the same days: sources numbered in order of first use.
    private readonly List<string> _sources = [];
    private readonly Dictionary<string, int> _sourceNumbers = new(StringComparer.Ordinal);
    private readonly List<long[]> _sourceEvents = [];

    // Months: index = month − _firstMonth; a cell is [cohort index × _monthCount + month index].
    private int _firstMonth;
    private int _monthCount;
    private long[] _cohortSizes = [];
    private bool[] _cohortTouched = [];
    private CohortCell[] _cells = [];
    private bool[] _cellTouched = [];

    /// <summary>The latest event instant (long.MinValue without events): the data end that decides which periods are complete.</summary>
    public long DataEnd { get; set; } = long.MinValue;

    /// <summary>Days [FirstDay, EndDay) may have figures; any other day has none.</summary>
    public int FirstDay => _firstDay;

    public int EndDay => _firstDay + _dayCount;

    /// <summary>Months [FirstMonth, EndMonth) may be cohorts or activity months with figures.</summary>
    public int FirstMonth => _firstMonth;

    public int EndMonth => _firstMonth + _monthCount;

    /// <summary>Source names, in order of first use.</summary>
    public IReadOnlyList<string> Sources => _sources;

    public void ClearTouched()
    {
        Array.Clear(_dayTouched);
        Array.Clear(_cohortTouched);
        Array.Clear(_cellTouched);
    }

    /// <summary>Revenue as stored (invariant decimal text), or null.</summary>
    public static decimal? ParseRevenue(string? text) =>
        text is null ? null : decimal.Parse(text, System.Globalization.NumberStyles.Number | System.Globalization.NumberStyles.AllowExponent, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The day's figures, to change: the day is marked touched.</summary>
    public ref DayFigures Day(int day)
    {
        var at = DayIndex(day);
        _dayTouched[at] = true;
        return ref _days[at];
    }

    /// <summary>The day's figures (zero for a day without any).</summary>
    public DayFigures DayAt(int day) => day >= _firstDay && day < EndDay ? _days[day - _firstDay] : default;

    public bool IsTouchedDay(int day) => day >= _firstDay && day < EndDay && _dayTouched[day - _firstDay];

    /// <summary>Events of source <paramref name="source"/> (a number of <see cref="Sources"/>) on the day.</summary>
    public long SourceEventsAt(int source, int day) => day >= _firstDay && day < EndDay ? _sourceEvents[source][day - _firstDay] : 0;

    public long CohortSize(int cohort) => cohort >= _firstMonth && cohort < EndMonth ? _cohortSizes[cohort - _firstMonth] : 0;

    public bool IsTouchedCohort(int cohort) => cohort >= _firstMonth && cohort < EndMonth && _cohortTouched[cohort - _firstMonth];

    public CohortCell Cell(int cohort, int month) =>
        InMonths(cohort) && InMonths(month) ? _cells[(cohort - _firstMonth) * _monthCount + month - _firstMonth] : default;

    public bool IsTouchedCell(int cohort, int month) =>
        InMonths(cohort) && InMonths(month) && _cellTouched[(cohort - _firstMonth) * _monthCount + month - _firstMonth];

    public void AddEvent(int day, string source, decimal? revenue)
    {
        ref var figures = ref Day(day);
        figures.Events++;
        if (revenue is { } amount) figures.Revenue += amount;
        var at = day - _firstDay;
        _sourceEvents[SourceNumber(source)][at]++;
    }

    /// <summary>Adds <paramref name="count"/> events of a source on a day (the incremental path counts a batch first).</summary>
    public void AddEvents(int day, string source, long count)
    {
        Day(day).Events += count;
        var at = day - _firstDay;
        _sourceEvents[SourceNumber(source)][at] += count;
    }

    public void AddSignup(int day, int sign)
    {
        Day(day).Signups += sign;
        AddCohortMembers(ProjectCalendar.MonthOfDay(day), sign);
    }

    /// <summary>Adds events of a source on a day to the source's volume only (the day's own figures are read apart from the state).</summary>
    public void AddSourceEvents(int day, string source, long count)
    {
        var at = DayIndex(day);
        _sourceEvents[SourceNumber(source)][at] += count;
    }

    /// <summary>Adds <paramref name="count"/> members (negative: removes) to a cohort's size, marking it touched.</summary>
    public void AddCohortMembers(int cohort, long count)
    {
        var at = MonthIndex(cohort);
        _cohortSizes[at] += count;
        _cohortTouched[at] = true;
    }

    /// <summary>Adds (sign +1) or removes (−1) a user's active month for their cohort.</summary>
    public void AddCell(int cohort, int month, uint mask, int sign)
    {
        if (mask == 0) return;
        AddToCell(cohort, month, sign, sign * BitOperations.PopCount(mask));
    }

    /// <summary>Adds active users and active user-days to a cell, marking it touched.</summary>
    public void AddToCell(int cohort, int month, long activeUsers, long activeUserDays)
    {
        MonthIndex(cohort);
        MonthIndex(month);
        var at = (cohort - _firstMonth) * _monthCount + month - _firstMonth;
        _cells[at].ActiveUsers += activeUsers;
        _cells[at].ActiveUserDays += activeUserDays;
        _cellTouched[at] = true;
    }

    /// <summary>Adds (+1) or removes (−1) the active days of a month's mask.</summary>
    public void AddActiveDays(int month, uint mask, int sign)
    {
        if (mask == 0) return;
        var first = ProjectCalendar.FirstDayOfMonth(month);
        for (; mask != 0; mask &= mask - 1) Day(first + BitOperations.TrailingZeroCount(mask)).ActiveUsers += sign;
    }

    private bool InMonths(int month) => month >= _firstMonth && month < EndMonth;

    private int SourceNumber(string source)
    {
        if (_sourceNumbers.TryGetValue(source, out var number)) return number;
        number = _sources.Count;
        _sources.Add(source);
        _sourceNumbers[source] = number;
        _sourceEvents.Add(new long[_dayCount]);
        return number;
    }

    private int DayIndex(int day)
    {
        if (day < _firstDay || day >= EndDay)
        {
            var (first, end) = GrowingRange.Widened(_firstDay, _dayCount, day);
            var shift = _firstDay - first;
            _days = GrowingRange.Moved(_days, _dayCount, end - first, shift);
            _dayTouched = GrowingRange.Moved(_dayTouched, _dayCount, end - first, shift);
            for (var source = 0; source < _sourceEvents.Count; source++)
                _sourceEvents[source] = GrowingRange.Moved(_sourceEvents[source], _dayCount, end - first, shift);
            (_firstDay, _dayCount) = (first, end - first);
        }
        return day - _firstDay;
    }

    private int MonthIndex(int month)
    {
        if (month < _firstMonth || month >= EndMonth)
        {
            var (first, end) = GrowingRange.Widened(_firstMonth, _monthCount, month);
            var shift = _firstMonth - first;
            _cohortSizes = GrowingRange.Moved(_cohortSizes, _monthCount, end - first, shift);
            _cohortTouched = GrowingRange.Moved(_cohortTouched, _monthCount, end - first, shift);
            _cells = GrowingRange.MovedSquare(_cells, _monthCount, end - first, shift);
            _cellTouched = GrowingRange.MovedSquare(_cellTouched, _monthCount, end - first, shift);
            (_firstMonth, _monthCount) = (first, end - first);
        }
        return month - _firstMonth;
    }
}
