using Sextant.Analysis;
using Sextant.Analysis.Retention;

namespace Sextant.Engine.Sql;

/// <summary>
/// Retention as one SQL statement, the same structure for every dialect. Its rows are
/// (part, a, b, n), parts being:
/// <c>users</c> (n = signed-up users), <c>cohort_day</c> (a = day number of the cohort start,
/// n = users starting that day), <c>cell</c> (a = cohort period, b = period active — for
/// on-or-after the latest period active — n = users) and <c>day_n</c> (a = N, b = cohort day,
/// n = users active on day N). Period numbers are CalendarPeriods' (day numbers, Monday day
/// number / 7, month index), so the engine assembles RetentionMeasures as the measurer does.
/// </summary>
internal static class RetentionSql
{
    /// <summary>The statement for <paramref name="query"/>.</summary>
    /// <param name="sql">The dialect.</param>
    /// <param name="query">What to compute (no breakdowns, no cohort filter).</param>
    /// <param name="zone">The project time zone, as an SQL expression (a string literal).</param>
    /// <param name="dataEnd">The data end in UTC microseconds, as an SQL expression.</param>
    /// <param name="latestEvent">The latest stored event, for a cohort filter's window over the range (null when none is stored).</param>
    public static string Build(SqlText sql, RetentionQuery query, string zone, string dataEnd, long? latestEvent = null)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(query);
        var relations = new SqlRelations(sql.Dialect);
        var events = relations.Add("user_events", IdentitySql.UserEvents(sql));
        var users = query.Cohort is { } filter ? relations.Add("members", CohortSql.Members(sql, relations, filter.Definition, query.Range, latestEvent)) : null;
        var starts = query.StartEvent is { } start
            ? $"SELECT uid, min(ts) AS cohort_at FROM {events} WHERE event = {sql.Literal(start)} GROUP BY uid"
            : Signups(sql, relations);
        var everyUser = users ?? $"({IdentitySql.Users(sql)}) AS users";
        // Each signed-up user's breakdown values: the profile's, (none) without one.
        var groups = string.Concat(query.Breakdowns.Select((_, i) => $", g{i}"));
        var grouped = groups.Length == 0 ? null : relations.Add("user_groups", BreakdownSql.UserGroups(sql, query.Breakdowns, everyUser));
        // Only the cohort's members start a cohort row.
        if (users is not null) starts = $"SELECT uid, cohort_at FROM ({starts}) AS every_start {sql.InnerJoin(users, "uid")}";
        if (grouped is not null) starts = $"SELECT uid, cohort_at{groups} FROM ({starts}) AS ungrouped_starts {sql.InnerJoin(grouped, "uid")}";
        starts = relations.Add("starts", starts);
        var from = query.Range.From is { } f ? $" AND cohort_at >= {SqlText.Literal(f.UnixMicroseconds)}" : "";
        var cohorts = relations.Add("cohorts", $"""
            SELECT uid, cohort_at, {sql.DayNumber("cohort_date")} AS cohort_day, {Period(sql, query.Period, "cohort_date")} AS cohort_period{groups}
            FROM (SELECT uid, cohort_at, {sql.LocalDate("cohort_at", zone)} AS cohort_date{groups} FROM {starts} WHERE cohort_at <= {dataEnd}{from}) AS dated_starts
            """);
        var activity = relations.Add("activity", $"""
            SELECT uid, cohort_day, cohort_period, {sql.DayNumber("active_date")} AS day, {Period(sql, query.Period, "active_date")} AS period{groups}
            FROM (
                SELECT DISTINCT e.uid AS uid, c.cohort_day AS cohort_day, c.cohort_period AS cohort_period, {sql.LocalDate("e.ts", zone)} AS active_date{string.Concat(query.Breakdowns.Select((_, i) => $", c.g{i} AS g{i}"))}
                FROM {relations.Ref("user_events", "e")} INNER JOIN {relations.Ref("cohorts", "c")} ON c.uid = e.uid
                WHERE {ActiveEvent(sql, query, "e.event")} AND e.ts >= c.cohort_at AND e.ts <= {dataEnd}
            ) AS active_days
            """);
        var days = string.Join(", ", RetentionQuery.DayN);
        var cells = query.Mode == RetentionMode.On
            ? $"SELECT 'cell', cohort_period, period, {sql.CountDistinct("uid")}{groups} FROM {activity} GROUP BY cohort_period, period{groups}"
            : $"""
              SELECT 'cell', cohort_period, last_period, {sql.CountRows()}{groups}
              FROM (SELECT uid, cohort_period, max(period) AS last_period{groups} FROM {activity} GROUP BY uid, cohort_period{groups}) AS latest
              GROUP BY cohort_period, last_period{groups}
              """;
        return relations.Statement($"""
            SELECT 'users' AS part, {sql.Int64("0")} AS a, {sql.Int64("0")} AS b, {sql.CountRows()} AS n{groups} FROM {grouped ?? everyUser}{(groups.Length == 0 ? "" : " GROUP BY " + groups[2..])}
            UNION ALL
            SELECT 'cohort_day', cohort_day, {sql.Int64("0")}, {sql.CountRows()}{groups} FROM {cohorts} GROUP BY cohort_day{groups}
            UNION ALL
            {cells}
            UNION ALL
            SELECT 'day_n', day - cohort_day, cohort_day, {sql.CountDistinct("uid")}{groups} FROM {activity}
            WHERE day - cohort_day IN ({days}) GROUP BY day - cohort_day, cohort_day{groups}
            """);
    }

    /// <summary>(uid, cohort_at): the sign-up instant of every user who has one: the profile's signup_at, else the first event (reads the relation user_events).</summary>
    internal static string Signups(SqlText sql, SqlRelations relations)
    {
        var events = relations.Ref("user_events");
        return sql.Dialect == Storage.Warehouse.SqlDialect.ClickHouse
            ? $"""
              SELECT uid, if(has_profile_signup, profile_signup, first_at) AS cohort_at
              FROM (SELECT uid, min(ts) AS first_at, 1 AS has_events FROM {events} GROUP BY uid) AS firsts
              ALL FULL OUTER JOIN (SELECT assumeNotNull(user_id) AS uid, assumeNotNull(signup_at) AS profile_signup, 1 AS has_profile_signup
                  FROM sextant_users_current WHERE isNotNull(signup_at)) AS profiles USING uid
              """
            : $"""
              SELECT coalesce(f.uid, p.user_id) AS uid, coalesce(p.signup_at, f.first_at) AS cohort_at
              FROM (SELECT uid, min(ts) AS first_at FROM {events} GROUP BY uid) AS f
              FULL OUTER JOIN (SELECT user_id, signup_at FROM sextant_users_current WHERE signup_at IS NOT NULL) AS p ON p.user_id = f.uid
              """;
    }

    private static string ActiveEvent(SqlText sql, RetentionQuery query, string column)
    {
        if (query.ReturnEvent is { } returning) return $"{column} = {sql.Literal(returning)}";
        return $"{column} NOT IN ({sql.List(ActiveEvents.Excluded(query.ExcludeEvents))})";
    }

    /// <summary>The period number of a date, as CalendarPeriods.OfDay numbers it.</summary>
    internal static string Period(SqlText sql, CalendarPeriod period, string date) => period switch
    {
        CalendarPeriod.Day => sql.DayNumber(date),
        // Day number 0 (0001-01-01) is a Monday, so a week's number is its Monday's day number / 7.
        CalendarPeriod.Week => sql.IntDiv(sql.DayNumber(date), 7),
        _ => sql.MonthIndex(date),
    };
}
