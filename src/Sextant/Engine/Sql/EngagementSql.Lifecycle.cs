using Sextant.Analysis;
using Sextant.Analysis.Engagement;

namespace Sextant.Engine.Sql;

/// <summary>
/// Lifecycle (SEMANTICS.md, Activity) from each user's active periods up to the data end, earlier
/// ones included: a period is new when it is both the sign-up period and the first active one,
/// returning when the period before was active, resurrecting otherwise; an active period whose
/// next period is not active makes the user dormant in that next period. ClickHouse 18.16 joins
/// one table per SELECT, so the joins nest.
/// </summary>
internal static partial class EngagementSql
{
    /// <summary>Rows: <c>new</c>, <c>returning</c>, <c>resurrecting</c> (a = period, n = users) and <c>dormant</c> (a = the period after the last active one of a run, n = users).</summary>
    public static string Lifecycle(SqlText sql, EngagementQuery query, EngagementSqlWindow window) => Statement(sql, query, window, Part.Lifecycle);

    private static string LifecycleRows(SqlText sql, Relations relations, EngagementQuery query, EngagementSqlWindow window)
    {
        var period = PeriodOfDay(sql, query.LifecyclePeriod, "day", "month");
        relations.Add("periods", $"SELECT DISTINCT uid, {period} AS period FROM {relations.Ref("active_days")}");
        var signupPeriod = PeriodOfDay(sql, query.LifecyclePeriod, sql.DayNumber("signup_date"), sql.MonthIndex("signup_date"));
        var firsts = $"SELECT uid, min(period) AS first_period FROM {relations.Ref("periods", "p")} GROUP BY uid";
        var signups = $"SELECT uid, {signupPeriod} AS signup_period FROM (SELECT uid, {sql.LocalDate("cohort_at", window.Zone)} AS signup_date FROM {relations.Ref("signups")}) AS dated_signups";
        var previous = $"SELECT uid, period + 1 AS period, 1 AS has_previous FROM {relations.Ref("periods", "before")}";
        var next = $"SELECT uid, period - 1 AS period, 1 AS has_next FROM {relations.Ref("periods", "after")}";
        relations.Add("classified", $"""
            SELECT uid, period, first_period, signup_period, has_previous, has_next FROM (
                SELECT uid, period, first_period, signup_period, has_previous FROM (
                    SELECT uid, period, first_period, signup_period FROM (
                        SELECT uid, period, first_period FROM {relations.Ref("periods")} {sql.InnerJoin($"({firsts}) AS firsts", "uid")}
                    ) AS with_first {LeftJoin(sql, $"({signups}) AS signup_periods", "uid")}
                ) AS with_signup {LeftJoin(sql, $"({previous}) AS previous_periods", "uid, period")}
            ) AS with_previous {LeftJoin(sql, $"({next}) AS next_periods", "uid, period")}
            """);
        return $"""
            SELECT {RowOf(sql, "state", "''", "period", "0", sql.CountRows())}
            FROM (
                SELECT CASE WHEN period = signup_period AND period = first_period THEN 'new' WHEN has_previous = 1 THEN 'returning' ELSE 'resurrecting' END AS state, period
                FROM {relations.Ref("classified")}
            ) AS states
            GROUP BY state, period
            UNION ALL
            SELECT {Row(sql, "dormant", "''", "period + 1", "0", sql.CountRows())} FROM {relations.Ref("classified")}
            WHERE CASE WHEN has_next = 1 THEN 0 ELSE 1 END = 1 GROUP BY period
            """;
    }

    /// <summary>The period number of a day, as CalendarPeriods.OfDay numbers it, from its day number and month index.</summary>
    private static string PeriodOfDay(SqlText sql, CalendarPeriod period, string day, string month) => period switch
    {
        CalendarPeriod.Day => day,
        // Day number 0 (0001-01-01) is a Monday, so a week's number is its Monday's day number / 7.
        CalendarPeriod.Week => sql.IntDiv(day, 7),
        _ => month,
    };
}
