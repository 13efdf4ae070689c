using System.Globalization;
using System.Text;
using Sextant.Events;

namespace Sextant.Analysis.Refresh;

/// <summary>
/// Writes <see cref="RefreshTables"/> as the three CSV files of <c>sextant refresh</c>, with
/// fixed formatting (invariant numbers, ISO dates, LF line ends, rows in key order), so equal
/// results are equal bytes. A day is complete when it ends at or before the data end (the latest
/// event); a month likewise.
/// </summary>
internal static class RefreshCsv
{
    public const string DailySeries = "daily_series.csv";
    public const string DailySourceVolume = "daily_source_volume.csv";
    public const string CohortActivity = "cohort_activity.csv";

    /// <summary>The three files, in the order <see cref="Render"/> gives them.</summary>
    public static readonly IReadOnlyList<string> FileNames = [DailySeries, DailySourceVolume, CohortActivity];

    /// <summary>The files' names and texts.</summary>
    public static IReadOnlyList<(string Name, string Text)> Render(RefreshTables tables, ProjectCalendar calendar)
    {
        var days = SeriesDays(tables);
        return [(DailySeries, Series(tables, calendar, days)), (DailySourceVolume, Sources(tables, calendar)), (CohortActivity, Cohorts(tables, calendar))];
    }

    /// <summary>Rows of the daily series: every day from the first to the last day with an event or a sign-up.</summary>
    public static (int First, int Last)? SeriesDays(RefreshTables tables)
    {
        int? first = null, last = null;
        for (var day = tables.FirstDay; day < tables.EndDay; day++)
        {
            var figures = tables.DayAt(day);
            if (figures.Events == 0 && figures.Signups == 0) continue;
            first ??= day;
            last = day;
        }
        return first is null ? null : (first.Value, last!.Value);
    }

    /// <summary>Rows of the cohort table: each cohort with members, from its month to the data end's month.</summary>
    public static IEnumerable<(int Cohort, int Month)> CohortRows(RefreshTables tables, ProjectCalendar calendar)
    {
        var lastMonth = tables.DataEnd == long.MinValue ? int.MinValue : calendar.MonthOf(tables.DataEnd);
        for (var cohort = tables.FirstMonth; cohort < tables.EndMonth; cohort++)
        {
            if (tables.CohortSize(cohort) == 0) continue;
            for (var month = cohort; month <= Math.Max(cohort, lastMonth); month++)
                yield return (cohort, month);
        }
    }

    private static string Series(RefreshTables tables, ProjectCalendar calendar, (int First, int Last)? days)
    {
        var text = new StringBuilder("day,events,active_users,signups,revenue,complete\n");
        if (days is { } range)
            for (var day = range.First; day <= range.Last; day++)
            {
                var figures = tables.DayAt(day);
                text.Append(Day(day)).Append(',').Append(Number(figures.Events)).Append(',').Append(Number(figures.ActiveUsers)).Append(',')
                    .Append(Number(figures.Signups)).Append(',').Append(figures.Revenue.ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(DayComplete(tables, calendar, day)).Append('\n');
            }
        return text.ToString();
    }

    private static string Sources(RefreshTables tables, ProjectCalendar calendar)
    {
        var text = new StringBuilder("day,source,events,complete\n");
        // Sources in ordinal order of their names, within each day.
        var names = tables.Sources.ToArray();
        var numbers = Enumerable.Range(0, names.Length).ToArray();
        Array.Sort(names, numbers, StringComparer.Ordinal);
        for (var day = tables.FirstDay; day < tables.EndDay; day++)
            for (var i = 0; i < names.Length; i++)
            {
                var events = tables.SourceEventsAt(numbers[i], day);
                if (events == 0) continue;
                text.Append(Day(day)).Append(',').Append(Quote(names[i])).Append(',').Append(Number(events)).Append(',').Append(DayComplete(tables, calendar, day)).Append('\n');
            }
        return text.ToString();
    }

    private static string Cohorts(RefreshTables tables, ProjectCalendar calendar)
    {
        var text = new StringBuilder("cohort_month,activity_month,cohort_size,active_users,active_user_days,cohort_complete,complete\n");
        foreach (var (cohort, month) in CohortRows(tables, calendar))
        {
            var cell = tables.Cell(cohort, month);
            text.Append(Month(cohort)).Append(',').Append(Month(month)).Append(',').Append(Number(tables.CohortSize(cohort))).Append(',')
                .Append(Number(cell.ActiveUsers)).Append(',').Append(Number(cell.ActiveUserDays)).Append(',')
                .Append(MonthComplete(tables, calendar, cohort)).Append(',').Append(MonthComplete(tables, calendar, month)).Append('\n');
        }
        return text.ToString();
    }

    // The latest event's own microsecond counts as observed (as CalendarPeriods.IsComplete): a period
    // ending right after it is complete.
    private static string DayComplete(RefreshTables tables, ProjectCalendar calendar, int day) =>
        calendar.DayStart(day + 1) <= tables.DataEnd + 1 ? "true" : "false";

    private static string MonthComplete(RefreshTables tables, ProjectCalendar calendar, int month) =>
        calendar.DayStart(ProjectCalendar.FirstDayOfMonth(month + 1)) <= tables.DataEnd + 1 ? "true" : "false";

    private static string Day(int day) => DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Month(int month) => (month / 12).ToString("D4", CultureInfo.InvariantCulture) + "-" + (month % 12 + 1).ToString("D2", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
