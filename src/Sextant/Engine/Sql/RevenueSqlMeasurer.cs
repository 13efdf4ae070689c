using Sextant.Analysis;
using Sextant.Analysis.Revenue;

namespace Sextant.Engine.Sql;

/// <summary>
/// Revenue pushed down: runs <see cref="RevenueSql"/>, picks the main currency from its per-currency
/// rows (most paying subscriptions, ties in ordinal order, compared here rather than in a database
/// collation) and lays the rows out as the in-memory measurer does: every month from the first with
/// data to the data end's, the months and cohorts overlapping the range, complete months judged
/// against the data end.
/// </summary>
internal static class RevenueSqlMeasurer
{
    /// <param name="session">The warehouse and time zone.</param>
    /// <param name="query">What to measure.</param>
    /// <param name="statement">The statement to run instead of the one built for <paramref name="query"/> (a script of <c>sextant sql</c>, checked against the engine).</param>
    /// <exception cref="NotSupportedException">The query has breakdowns, or a cohort filter on a profile property.</exception>
    /// <exception cref="SextantException">The cohort filter names an event never stored, or is malformed.</exception>
    public static RevenueMeasures Measure(SqlSession session, RevenueQuery query, string? statement = null)
    {
        BreakdownSql.RequireProfileColumns(session, query.Breakdowns, "revenue");
        if (query.Cohort is { } filter) CohortSql.Validate(session, filter.Definition);

        var latest = session.LatestEventInstant();
        var dataEnd = query.Range.LastInstant ?? latest ?? long.MinValue;
        var rows = new Rows(query.Breakdowns.Count);
        statement ??= RevenueSql.Build(session.Sql, query, session.ZoneLiteral, SqlText.Literal(dataEnd), latest);
        session.Read(statement, rows.Add);

        var (currency, skipped) = RevenueMeasurer.MainCurrency(rows.Currencies.Select(pair => (pair.Key, pair.Value.Paying)));
        // Every subscription's user is a signed-up user of the in-memory table too, so none is unmatched.
        const int Unmatched = 0;
        if (dataEnd == long.MinValue) return new RevenueMeasures(null, currency, skipped, Unmatched, [], [], []);

        var periods = new CalendarPeriods(session.CalendarAround(dataEnd), CalendarPeriod.Month);
        var lastMonth = periods.Of(dataEnd);
        var lastComplete = periods.IsComplete(lastMonth, dataEnd) ? lastMonth : lastMonth - 1;
        var firstMonth = rows.Events > 0 && rows.FirstEvent <= dataEnd ? periods.Of(rows.FirstEvent) : lastMonth;
        if (currency is not null && rows.Currencies[currency].FirstStart <= dataEnd) firstMonth = Math.Min(firstMonth, periods.Of(rows.Currencies[currency].FirstStart));
        firstMonth = Math.Min(firstMonth, lastMonth);

        // Months overlapping the range are reported whole, and so are the cohorts that signed up in them.
        var fromMonth = query.Range.From is { } from ? periods.Of(from.UnixMicroseconds) : int.MinValue;
        var months = new List<RevenueMonthCounts>();
        var monthIndexes = new List<int>();
        for (var month = Math.Max(firstMonth, fromMonth); month <= lastMonth; month++)
        {
            var (revenue, payingUsers) = rows.Revenue.GetValueOrDefault((currency ?? "", month));
            months.Add(new RevenueMonthCounts(periods.Label(month), revenue, rows.Active.GetValueOrDefault(month), payingUsers, month <= lastComplete));
            monthIndexes.Add(month);
        }
        var cohorts = rows.CohortSizes.Where(pair => pair.Key >= fromMonth).Select(pair =>
        {
            var cohort = pair.Key;
            var revenue = new double[lastMonth - cohort + 1];
            var retained = new long[revenue.Length];
            for (var k = 0; k < revenue.Length; k++)
            {
                revenue[k] = rows.CohortRevenue.GetValueOrDefault((currency ?? "", cohort, k));
                retained[k] = rows.Retained.GetValueOrDefault((cohort, cohort + k));
            }
            // Members were counted at their latest active month; on-or-after retention at k is the count from k on.
            for (var k = retained.Length - 2; k >= 0; k--) retained[k] += retained[k + 1];
            return new RevenueCohortCounts(periods.Label(cohort), pair.Value, revenue, retained, Math.Clamp(lastComplete - cohort + 1, 0, revenue.Length));
        }).ToList();
        // Each group's months are the same months, with the group's own sums; a group is kept when it has a signed-up user.
        var groups = rows.Groups.Values.Where(group => group.Users > 0).Select(group => new RevenueGroupCounts(group.Key, group.Users, [.. months.Select((month, i) =>
        {
            var index = monthIndexes[i];
            var (revenue, payingUsers) = group.Revenue.GetValueOrDefault((currency ?? "", index));
            return month with { Revenue = revenue, ActiveUsers = group.Active.GetValueOrDefault(index), PayingUsers = payingUsers };
        })])).ToList();
        return new RevenueMeasures(dataEnd, currency, skipped, Unmatched, months, cohorts, groups);
    }

    /// <summary>The statement's rows, by part.</summary>
    private sealed class Rows(int breakdowns)
    {
        public SortedDictionary<string, GroupRows> Groups { get; } = new(StringComparer.Ordinal);
        public long Events { get; private set; }
        public long FirstEvent { get; private set; }
        public Dictionary<string, (long Paying, long FirstStart)> Currencies { get; } = new(StringComparer.Ordinal);
        public Dictionary<int, long> Active { get; } = [];
        public SortedDictionary<int, long> CohortSizes { get; } = [];
        public Dictionary<(int Cohort, int LastMonth), long> Retained { get; } = [];
        public Dictionary<(string Currency, int Month), (double Revenue, long Paying)> Revenue { get; } = [];
        public Dictionary<(string Currency, int Cohort, int After), double> CohortRevenue { get; } = [];

        public void Add(Storage.Warehouse.IWarehouseRow row)
        {
            var currency = row.GetString(1);
            // min(ts) over no events is NULL in PostgreSQL and DuckDB.
            var a = row.IsNull(2) ? 0 : row.GetInt64(2);
            var b = (int)row.GetInt64(3);
            var n = row.GetInt64(4);
            var part = row.GetString(0);
            if (part.StartsWith("group_", StringComparison.Ordinal))
            {
                AddToGroup(part, row, currency, a, n);
                return;
            }
            switch (part)
            {
                case "events": (Events, FirstEvent) = (n, a); break;
                case "currency": Currencies[currency] = (n, a); break;
                case "active": Active[(int)a] = n; break;
                case "cohort": CohortSizes[(int)a] = n; break;
                case "retained": Retained[((int)a, b)] = n; break;
                case "revenue": Revenue[(currency, (int)a)] = (row.GetDouble(5), n); break;
                default: CohortRevenue[(currency, (int)a, b)] = row.GetDouble(5); break;
            }
        }

        private void AddToGroup(string part, Storage.Warehouse.IWarehouseRow row, string currency, long a, long n)
        {
            var (key, values) = BreakdownSql.GroupOf(row, 6, breakdowns);
            if (!Groups.TryGetValue(key, out var group)) Groups[key] = group = new GroupRows(ValueList.From(values));
            switch (part)
            {
                case "group_users": group.Users = n; break;
                case "group_active": group.Active[(int)a] = n; break;
                default: group.Revenue[(currency, (int)a)] = (row.GetDouble(5), n); break;
            }
        }
    }

    /// <summary>One breakdown group's rows.</summary>
    private sealed class GroupRows(ValueList<string> key)
    {
        public ValueList<string> Key { get; } = key;

        public long Users { get; set; }

        public Dictionary<int, long> Active { get; } = [];

        public Dictionary<(string Currency, int Month), (double Revenue, long Paying)> Revenue { get; } = [];
    }
}
