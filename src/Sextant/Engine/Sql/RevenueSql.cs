using Sextant.Analysis;
using Sextant.Analysis.Revenue;
using static Sextant.Engine.Sql.RevenueSqlCalendar;

namespace Sextant.Engine.Sql;

/// <summary>
/// Revenue and LTV inputs as one SQL statement, the same structure for every dialect. Its rows are
/// (part, currency, a, b, n, revenue), parts being:
/// <c>events</c> (a = the earliest event instant, n = events, visitors' included),
/// <c>currency</c> (per currency: n = paying subscriptions, a = the earliest start up to the data end),
/// <c>active</c> (a = month, n = signed-up users active in it),
/// <c>cohort</c> (a = sign-up month, n = users), <c>retained</c> (a = sign-up month, b = month of the
/// latest active event, n = users whose latest active event is at or after their sign-up),
/// <c>revenue</c> (per currency: a = month, revenue = prorated MRR, n = paying users) and
/// <c>cohort_revenue</c> (per currency: a = sign-up month, b = months after it, 0 holding revenue from
/// before the sign-up, revenue = prorated MRR). Months are month indexes (year × 12 + month − 1) in
/// the project time zone. Revenue is given per currency so that the engine picks the main one in
/// ordinal order, whatever the database's collation.
/// </summary>
internal static class RevenueSql
{
    /// <summary>The statement for <paramref name="query"/>.</summary>
    /// <param name="sql">The dialect.</param>
    /// <param name="query">What to compute (breakdowns by profile columns only; the measurer applies the range's start to the rows).</param>
    /// <param name="zone">The project time zone, as an SQL expression (a string literal).</param>
    /// <param name="dataEnd">The data end in UTC microseconds, as an SQL expression.</param>
    /// <param name="latestEvent">The latest stored event, for a cohort filter's window over the range (null when none is stored).</param>
    public static string Build(SqlText sql, RevenueQuery query, string zone, string dataEnd, long? latestEvent = null)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(query);
        var relations = new SqlRelations(sql.Dialect);
        var events = relations.Add("user_events", IdentitySql.UserEvents(sql));
        // A cohort filter keeps its members' activity, cohorts and subscriptions; the currencies are chosen among every subscription.
        var members = query.Cohort is { } filter ? relations.Add("members", CohortSql.Members(sql, relations, filter.Definition, query.Range, latestEvent)) : null;
        string Only(string relation, string columns, string alias) =>
            members is null ? relation : $"(SELECT {columns} FROM {relation} {sql.InnerJoin(members, "uid")}) AS {alias}";
        relations.Add("starts", members is null ? RetentionSql.Signups(sql, relations)
            : $"SELECT uid, cohort_at FROM ({RetentionSql.Signups(sql, relations)}) AS every_start {sql.InnerJoin(members, "uid")}");
        var cohorts = relations.Add("cohorts", $"""
            SELECT uid, cohort_at, {sql.MonthIndex("cohort_date")} AS cohort
            FROM (SELECT uid, cohort_at, {sql.LocalDate("cohort_at", zone)} AS cohort_date FROM {relations.Ref("starts")} WHERE cohort_at <= {dataEnd}) AS dated_starts
            """);
        var active = $" AND event NOT IN ({sql.List(ActiveEvents.Excluded(query.ExcludeEvents))})";
        // A user's active events are cut into UTC weeks first, and only each week's first and last
        // event get a local date: the local month never goes back in time (as ProjectCalendar assumes)
        // and a week holds at most one month boundary, so the week's events fall in exactly the months
        // of those two. At 13.4 million events that is a few conversions per user instead of one per event.
        var spans = relations.Add("active_spans", $"""
            SELECT uid, min(ts) AS first_at, max(ts) AS last_at FROM {Only(events, "uid, ts, event", "member_events")} WHERE ts <= {dataEnd}{active}
            GROUP BY uid, {sql.IntDiv(sql.IntDiv("ts", 1_000_000), 7 * 86_400)}
            """);
        var activity = relations.Add("activity", $"""
            SELECT DISTINCT uid, {sql.MonthIndex("active_date")} AS month
            FROM (
                SELECT uid, {sql.LocalDate("first_at", zone)} AS active_date FROM {spans}
                UNION ALL
                SELECT uid, {sql.LocalDate("last_at", zone)} AS active_date FROM {relations.Ref("active_spans")}
            ) AS span_ends
            """);
        var latest = relations.Add("latest", $"""
            SELECT uid, {sql.MonthIndex("last_date")} AS last_month, last_at
            FROM (
                SELECT uid, last_at, {sql.LocalDate("last_at", zone)} AS last_date
                FROM (SELECT uid, max(last_at) AS last_at FROM {relations.Ref("active_spans")} GROUP BY uid) AS last_events
            ) AS dated_last
            """);
        var paying = relations.Add("paying", Paying(sql, dataEnd));
        var pieces = relations.Add("pieces", Pieces(sql, Only(relations.Ref("paying"), "uid, currency, mrr_value, from_at, to_at", "member_paying"), zone));

        var zero = sql.Int64("0");
        var none = Double(sql, "0");
        var groups = query.Breakdowns.Count == 0 ? "" : "\n" + GroupParts(sql, query, relations, members, activity);
        var noGroup = string.Concat(query.Breakdowns.Select(_ => ", ''"));
        return relations.Statement($"""
            SELECT 'events' AS part, '' AS currency, {sql.Int64("min(ts)")} AS a, {zero} AS b, {sql.CountRows()} AS n, {none} AS revenue{string.Concat(query.Breakdowns.Select((_, i) => $", '' AS g{i}"))} FROM sextant_events
            UNION ALL
            SELECT 'currency', currency, {sql.Int64($"min(CASE WHEN from_at <= {dataEnd} THEN from_at ELSE {sql.Int64(SqlText.Literal(long.MaxValue))} END)")}, {zero}, {sql.CountRows()}, {none}{noGroup}
            FROM {paying} GROUP BY currency
            UNION ALL
            SELECT 'active', '', month, {zero}, {sql.CountRows()}, {none}{noGroup} FROM {activity} GROUP BY month
            UNION ALL
            SELECT 'cohort', '', cohort, {zero}, {sql.CountRows()}, {none}{noGroup} FROM {cohorts} GROUP BY cohort
            UNION ALL
            SELECT 'retained', '', cohort, last_month, {sql.CountRows()}, {none}{noGroup}
            FROM {relations.Ref("cohorts")} {sql.InnerJoin(latest, "uid")} WHERE last_at >= cohort_at GROUP BY cohort, last_month
            UNION ALL
            SELECT 'revenue', currency, month, {zero}, {sql.CountDistinct("uid")}, sum(amount){noGroup} FROM {pieces} GROUP BY currency, month
            UNION ALL
            SELECT 'cohort_revenue', currency, cohort, months_after, {zero}, sum(amount){noGroup}
            FROM (
                SELECT currency, cohort, {sql.Int64("CASE WHEN month > cohort THEN month - cohort ELSE 0 END")} AS months_after, amount
                FROM {pieces} {sql.InnerJoin(cohorts, "uid")}
            ) AS cohort_pieces
            GROUP BY currency, cohort, months_after{groups}
            """);
    }

    /// <summary>
    /// The parts of each breakdown group (profile columns; (none) without a profile or a value), each led
    /// by UNION ALL: <c>group_users</c> (n = signed-up users in the group who pass the cohort filter),
    /// <c>group_active</c> (a = month, n = active users) and <c>group_revenue</c> (per currency: a = month,
    /// revenue, n = paying users).
    /// </summary>
    private static string GroupParts(SqlText sql, RevenueQuery query, SqlRelations relations, string? members, string activity)
    {
        var everyUser = members ?? $"({IdentitySql.Users(sql)}) AS users";
        var groups = string.Concat(query.Breakdowns.Select((_, i) => $", g{i}"));
        var grouped = relations.Add("user_groups", BreakdownSql.UserGroups(sql, query.Breakdowns, everyUser));
        var zero = sql.Int64("0");
        return $"""
            UNION ALL
            SELECT 'group_users', '', {zero}, {zero}, {sql.CountRows()}, {Double(sql, "0")}{groups} FROM {grouped} GROUP BY {groups[2..]}
            UNION ALL
            SELECT 'group_active', '', month, {zero}, {sql.CountRows()}, {Double(sql, "0")}{groups} FROM {activity} {sql.InnerJoin(relations.Ref("user_groups"), "uid")} GROUP BY month{groups}
            UNION ALL
            SELECT 'group_revenue', currency, month, {zero}, {sql.CountDistinct("uid")}, sum(amount){groups}
            FROM {relations.Ref("pieces")} {sql.InnerJoin(relations.Ref("user_groups"), "uid")} GROUP BY currency, month{groups}
            """;
    }

    /// <summary>
    /// (uid, currency, mrr_value, from_at, to_at) of every paying subscription (not a trial, MRR above
    /// zero), its end cut at the end of the data end's microsecond. Every subscription's user is a
    /// signed-up user (the in-memory user directory holds them all), so none is left out here.
    /// </summary>
    private static string Paying(SqlText sql, string dataEnd)
    {
        var observedEnd = sql.Int64($"{dataEnd} + 1");
        var end = sql.Dialect == Storage.Warehouse.SqlDialect.ClickHouse ? $"ifNull(end_at, {observedEnd})" : $"coalesce(end_at, {observedEnd})";
        return $"""
            SELECT uid, currency, mrr_value, from_at, to_at FROM (
                SELECT user_id AS uid, currency, {Double(sql, "mrr")} AS mrr_value, start_at AS from_at, least({end}, {observedEnd}) AS to_at
                FROM sextant_subscriptions_current WHERE status <> 'trial'
            ) AS subscriptions
            WHERE mrr_value > 0
            """;
    }

    /// <summary>
    /// (uid, currency, month, amount): each paying subscription's MRR prorated over each local month it
    /// ran in, as RevenueMeasurer.AddRevenue computes it — MRR × (day position of the piece's end − of its
    /// start) / days in the month, where a month boundary is its first day number exactly and the
    /// subscription's own start and end carry the fraction of their local day.
    /// </summary>
    private static string Pieces(SqlText sql, string paying, string zone)
    {
        var day = FirstDayOfMonth(sql, "month");
        var nextDay = FirstDayOfMonth(sql, "(month + 1)");
        var low = $"CASE WHEN month = first_month THEN from_position ELSE {Double(sql, "month_day")} END";
        var high = $"CASE WHEN month = last_month THEN to_position ELSE {Double(sql, "next_month_day")} END";
        return $"""
            SELECT uid, currency, month, mrr_value * ({high} - {low}) / {Double(sql, "next_month_day - month_day")} AS amount
            FROM (
                SELECT uid, currency, mrr_value, first_month, last_month, from_position, to_position, month, {day} AS month_day, {nextDay} AS next_month_day
                FROM (
                    SELECT uid, currency, mrr_value, first_month, last_month, from_position, to_position, {Series(sql, "first_month", "last_month")} AS month
                    FROM (
                        SELECT uid, currency, mrr_value, {sql.MonthIndex("from_date")} AS first_month, {sql.MonthIndex("last_date")} AS last_month,
                            {DayPosition(sql, "from_at", "from_date", zone)} AS from_position, {DayPosition(sql, "to_at", "to_date", zone)} AS to_position
                        FROM (
                            SELECT uid, currency, mrr_value, from_at, to_at, {sql.LocalDate("from_at", zone)} AS from_date,
                                {sql.LocalDate("to_at", zone)} AS to_date, {sql.LocalDate("(to_at - 1)", zone)} AS last_date
                            FROM {paying} WHERE from_at < to_at
                        ) AS dated
                    ) AS positioned
                ) AS expanded
            ) AS monthly
            """;
    }
}
