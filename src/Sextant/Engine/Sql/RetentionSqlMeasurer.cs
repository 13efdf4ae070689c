using Sextant.Analysis;
using Sextant.Analysis.Retention;
using Sextant.Storage.Warehouse;

namespace Sextant.Engine.Sql;

/// <summary>
/// Retention pushed down: runs <see cref="RetentionSql"/> and lays its rows out as the
/// in-memory measurer does (cohorts oldest first, one cell per period up to the data end's,
/// complete periods and day-N eligibility judged against the data end).
/// </summary>
internal static class RetentionSqlMeasurer
{
    /// <param name="session">The warehouse and time zone.</param>
    /// <param name="query">What to measure.</param>
    /// <param name="statement">The statement to run instead of the one built for <paramref name="query"/> (a script of <c>sextant sql</c>, checked against the engine).</param>
    /// <exception cref="NotSupportedException">The query has breakdowns, or a cohort filter on a profile property.</exception>
    /// <exception cref="SextantException">The start or return event was never stored.</exception>
    public static RetentionMeasures Measure(SqlSession session, RetentionQuery query, string? statement = null)
    {
        BreakdownSql.RequireProfileColumns(session, query.Breakdowns, "retention");
        if (query.StartEvent is { } start) session.RequireEvent(start, "start event");
        if (query.ReturnEvent is { } returning) session.RequireEvent(returning, "return event");
        if (query.Cohort is { } filter) CohortSql.Validate(session, filter.Definition);

        var latest = session.LatestEventInstant();
        var dataEnd = query.Range.LastInstant ?? latest ?? long.MinValue;
        var calendar = session.CalendarAround(dataEnd);
        var periods = new CalendarPeriods(calendar, query.Period);
        var lastPeriod = latest is null ? 0 : periods.Of(dataEnd);

        // Rows carry the group's values after (part, a, b, n); without breakdowns every row is the one group's.
        var groups = new SortedDictionary<string, GroupRows>(StringComparer.Ordinal);
        if (query.Breakdowns.Count == 0) groups[""] = new GroupRows(default);
        GroupRows GroupOf(IWarehouseRow row)
        {
            var (key, values) = BreakdownSql.GroupOf(row, 4, query.Breakdowns.Count);
            if (!groups.TryGetValue(key, out var group)) groups[key] = group = new GroupRows(ValueList.From(values));
            return group;
        }
        statement ??= RetentionSql.Build(session.Sql, query, session.ZoneLiteral, SqlText.Literal(dataEnd), latest);
        session.Read(statement, row =>
        {
            var group = GroupOf(row);
            var a = (int)row.GetInt64(1);
            var b = (int)row.GetInt64(2);
            var n = row.GetInt64(3);
            switch (row.GetString(0))
            {
                case "users": group.Users = n; break;
                case "cohort_day": group.CohortDays[a] = n; break;
                case "cell": group.Cells[(a, b)] = n; break;
                default: group.DayRetained[(a, b)] = n; break;
            }
        });

        // Day N has ended when the day after it starts by the data end (as the measurer judges it).
        var lastCompleteDay = dataEnd == long.MinValue ? int.MinValue : calendar.DayOf(dataEnd + 1) - 1;
        var dayN = RetentionQuery.DayN;
        // With breakdowns, a group is kept when it has a signed-up user; without, the one group always.
        return new RetentionMeasures(dataEnd, [.. groups.Values.Where(group => query.Breakdowns.Count == 0 || group.Users > 0).Select(group =>
        {
            var sizes = new SortedDictionary<int, long>();
            foreach (var (day, count) in group.CohortDays)
            {
                var cohort = periods.OfDay(day);
                sizes[cohort] = sizes.GetValueOrDefault(cohort) + count;
            }
            var cohorts = sizes.Select(pair => Cohort(periods, pair.Key, pair.Value, lastPeriod, group.Cells, query.Mode, dataEnd)).ToList();
            var eligible = dayN.Select(n => group.CohortDays.Where(pair => pair.Key + n <= lastCompleteDay).Sum(pair => pair.Value)).ToArray();
            var retained = dayN.Select(n => group.DayRetained.Where(pair => pair.Key.N == n && pair.Key.CohortDay + n <= lastCompleteDay).Sum(pair => pair.Value)).ToArray();
            return new RetentionGroupCounts(group.Key, group.Users, cohorts, retained, eligible);
        })]);
    }

    /// <summary>One breakdown group's rows.</summary>
    private sealed class GroupRows(ValueList<string> key)
    {
        public ValueList<string> Key { get; } = key;

        public long Users { get; set; }

        public Dictionary<int, long> CohortDays { get; } = [];

        public Dictionary<(int Cohort, int Period), long> Cells { get; } = [];

        public Dictionary<(int N, int CohortDay), long> DayRetained { get; } = [];
    }

    private static RetentionCohortCounts Cohort(
        CalendarPeriods periods, int cohort, long size, int lastPeriod, Dictionary<(int Cohort, int Period), long> cells, RetentionMode mode, long dataEnd)
    {
        var retained = new long[lastPeriod - cohort + 1];
        foreach (var ((c, period), users) in cells)
            if (c == cohort) retained[period - cohort] = users;
        if (mode != RetentionMode.On)
        {
            // The rows count users by their latest period active: period k retains every user whose latest is k or later.
            long later = 0;
            for (var k = retained.Length - 1; k >= 0; k--) retained[k] = later += retained[k];
        }
        var complete = 0;
        while (complete < retained.Length && periods.Start(cohort + complete + 1) <= dataEnd + 1) complete++;
        return new RetentionCohortCounts(periods.Label(cohort), size, retained, complete);
    }
}
