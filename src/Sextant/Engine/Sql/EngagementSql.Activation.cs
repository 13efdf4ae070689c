using Sextant.Analysis.Engagement;
using Sextant.Events;

namespace Sextant.Engine.Sql;

/// <summary>
/// Activation and activation speed (SEMANTICS.md, Activation and adoption): a signed-up user is
/// eligible when the activation window after sign-up has ended by the data end (and, with a range
/// start, the sign-up is in the range); an eligible user activates at the first time of the last
/// (all) or first (any) activation event to occur within the window. Month-1 retention by speed
/// counts eligible users whose month after the sign-up month has ended, and whether they were
/// active in it (a month of the shared active days).
/// </summary>
internal static partial class EngagementSql
{
    private const long FastMicros = 24 * Timestamp.MicrosPerHour;

    /// <summary>
    /// Rows: <c>eligible</c>, <c>activated</c>, <c>fast</c> (n = users), <c>speed</c> (a = 0 fast, 1 slow, 2 not
    /// activated; b = 1 when active in month 1; n = users) and <c>hours</c> (µs to activate at the
    /// median and 90th-percentile ranks, <see cref="Ranks"/>).
    /// </summary>
    public static string Activation(SqlText sql, EngagementQuery query, EngagementSqlWindow window) => Statement(sql, query, window, Part.Activation);

    private static string ActivationRows(SqlText sql, Relations relations, EngagementQuery query, EngagementSqlWindow window)
    {
        AddActivation(sql, relations, query, window);
        var monthOne = $"{sql.MonthIndex(sql.LocalDate("signup", window.Zone))} + 1";
        var lastMonthStarted = sql.MonthIndex(sql.LocalDate($"({window.End} + 1)", window.Zone));
        relations.Add("speed_users", $"""
            SELECT uid, took, month_one FROM (SELECT uid, took, {monthOne} AS month_one FROM {relations.Ref("activation")}) AS with_month
            WHERE month_one + 1 <= {lastMonthStarted}
            """);
        var retained = $"SELECT DISTINCT uid, month AS month_one, 1 AS retained FROM {relations.Ref("active_days", "retention_days")}";
        return $"""
            SELECT {Row(sql, "eligible", "''", "0", "0", sql.CountRows())} FROM {relations.Ref("activation")}
            UNION ALL
            SELECT {Row(sql, "activated", "''", "0", "0", sql.CountRows())} FROM {relations.Ref("activation")} WHERE took >= 0
            UNION ALL
            SELECT {Row(sql, "fast", "''", "0", "0", sql.CountRows())} FROM {relations.Ref("activation")} WHERE took >= 0 AND took < {FastMicros}
            UNION ALL
            SELECT {Row(sql, "speed", "''", "speed", "kept", sql.CountRows())} FROM (
                SELECT CASE WHEN took < 0 THEN 2 WHEN took < {FastMicros} THEN 0 ELSE 1 END AS speed, CASE WHEN retained = 1 THEN 1 ELSE 0 END AS kept
                FROM {relations.Ref("speed_users")} {LeftJoin(sql, $"({retained}) AS retained_users", "uid, month_one")}
            ) AS speeds GROUP BY speed, kept
            UNION ALL
            {Ranks(sql, "hours", $"SELECT '' AS k, took AS v FROM {relations.Ref("activation")} WHERE took >= 0")}
            """;
    }

    /// <summary>Adds the relations <c>eligible</c> (uid, signup) and <c>activation</c> (uid, signup, took) that activation counts read.</summary>
    private static void AddActivation(SqlText sql, Relations relations, EngagementQuery query, EngagementSqlWindow window)
    {
        var activationWindow = SqlText.Literal(query.ActivationWindowDays * Timestamp.MicrosPerDay);
        var from = query.Range.From is { } start ? $" AND cohort_at >= {SqlText.Literal(start.UnixMicroseconds)}" : "";
        relations.Add("eligible", $"SELECT uid, cohort_at AS signup FROM {relations.Ref("signups")} WHERE cohort_at <= {window.End} - {activationWindow}{from}");
        relations.Add("activation", PerUserActivation(sql, relations, query, activationWindow));
    }

    /// <summary>(uid, signup, took): each eligible user's µs from sign-up to activation, −1 when not activated.</summary>
    private static string PerUserActivation(SqlText sql, Relations relations, EngagementQuery query, string activationWindow)
    {
        var eligible = relations.Ref("eligible");
        if (query.ActivationEvents.Count == 0) return $"SELECT uid, signup, {sql.Int64("-1")} AS took FROM {eligible}";
        // A name listed twice is one event the user cannot meet twice: with "all", as in memory, nobody activates.
        var done = query.ActivationMatchAll ? $"matched = {query.ActivationEvents.Count}" : "matched >= 1";
        var at = query.ActivationMatchAll ? "latest" : "earliest";
        var names = sql.List(query.ActivationEvents.Distinct(StringComparer.Ordinal));
        return $"""
            SELECT uid, signup, CASE WHEN {done} THEN {at} - signup ELSE {sql.Int64("-1")} END AS took
            FROM {eligible}
            {LeftJoin(sql, $"""
                (SELECT uid, {sql.Int64("count(*)")} AS matched, min(first_at) AS earliest, max(first_at) AS latest FROM (
                    SELECT uid, event, min(ts) AS first_at FROM (
                        SELECT uid, event, ts FROM ({IdentitySql.UserEvents(sql)}) AS user_events WHERE event IN ({names})
                    ) AS criteria {sql.InnerJoin(relations.Ref("eligible", "e"), "uid")}
                    WHERE ts >= signup AND ts <= signup + {activationWindow}
                    GROUP BY uid, event
                ) AS firsts GROUP BY uid) AS completed
                """, "uid")}
            """;
    }
}
