using System.Numerics;
using System.Runtime.InteropServices;
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
/// <see cref="RefreshCsv"/> turns it into files. The touched sets record which partitions the last
/// change visited.
/// </summary>
internal sealed class RefreshTables
{
    public Dictionary<int, DayFigures> Days { get; } = [];

    public Dictionary<(int Day, string Source), long> SourceEvents { get; } = [];

    public Dictionary<int, long> CohortSizes { get; } = [];

    public Dictionary<(int Cohort, int Month), CohortCell> Cells { get; } = [];

    /// <summary>The latest event instant (long.MinValue without events): the data end that decides which periods are complete.</summary>
    public long DataEnd { get; set; } = long.MinValue;

    public HashSet<int> TouchedDays { get; } = [];

    public HashSet<int> TouchedCohorts { get; } = [];

    public HashSet<(int Cohort, int Month)> TouchedCells { get; } = [];

    public void ClearTouched()
    {
        TouchedDays.Clear();
        TouchedCohorts.Clear();
        TouchedCells.Clear();
    }

    /// <summary>Revenue as stored (invariant decimal text), or null.</summary>
    public static decimal? ParseRevenue(string? text) =>
        text is null ? null : decimal.Parse(text, System.Globalization.NumberStyles.Number | System.Globalization.NumberStyles.AllowExponent, System.Globalization.CultureInfo.InvariantCulture);

    public ref DayFigures Day(int day)
    {
        TouchedDays.Add(day);
        return ref CollectionsMarshal.GetValueRefOrAddDefault(Days, day, out _);
    }

    public void AddEvent(int day, string source, decimal? revenue)
    {
        ref var figures = ref Day(day);
        figures.Events++;
        if (revenue is { } amount) figures.Revenue += amount;
        CollectionsMarshal.GetValueRefOrAddDefault(SourceEvents, (day, source), out _)++;
    }

    /// <summary>Adds <paramref name="count"/> events of a source on a day (the incremental path counts a chunk first).</summary>
    public void AddEvents(int day, string source, long count)
    {
        Day(day).Events += count;
        CollectionsMarshal.GetValueRefOrAddDefault(SourceEvents, (day, source), out _) += count;
    }

    public void AddSignup(int day, int sign)
    {
        Day(day).Signups += sign;
        var cohort = ProjectCalendar.MonthOfDay(day);
        TouchedCohorts.Add(cohort);
        CollectionsMarshal.GetValueRefOrAddDefault(CohortSizes, cohort, out _) += sign;
    }

    /// <summary>Adds (sign +1) or removes (−1) a user's active month for their cohort.</summary>
    public void AddCell(int cohort, int month, uint mask, int sign)
    {
        if (mask == 0) return;
        TouchedCells.Add((cohort, month));
        ref var cell = ref CollectionsMarshal.GetValueRefOrAddDefault(Cells, (cohort, month), out _);
        cell.ActiveUsers += sign;
        cell.ActiveUserDays += sign * BitOperations.PopCount(mask);
    }

    /// <summary>Adds <paramref name="count"/> members (negative: removes) to a cohort's size, marking it touched.</summary>
    public void AddCohortMembers(int cohort, long count)
    {
        TouchedCohorts.Add(cohort);
        CollectionsMarshal.GetValueRefOrAddDefault(CohortSizes, cohort, out _) += count;
    }

    /// <summary>Adds active users and active user-days to a cell, marking it touched.</summary>
    public void AddToCell(int cohort, int month, long activeUsers, long activeUserDays)
    {
        TouchedCells.Add((cohort, month));
        ref var cell = ref CollectionsMarshal.GetValueRefOrAddDefault(Cells, (cohort, month), out _);
        cell.ActiveUsers += activeUsers;
        cell.ActiveUserDays += activeUserDays;
    }

    /// <summary>Adds (+1) or removes (−1) the active days of a month's mask.</summary>
    public void AddActiveDays(int month, uint mask, int sign)
    {
        if (mask == 0) return;
        var first = ProjectCalendar.FirstDayOfMonth(month);
        for (; mask != 0; mask &= mask - 1) Day(first + BitOperations.TrailingZeroCount(mask)).ActiveUsers += sign;
    }
}
