using Sextant.Analysis;
using Sextant.Analysis.Engagement;
using Sextant.Storage.Warehouse;

namespace Sextant.Engine.Sql;

/// <summary>
/// Feature adoption (SEMANTICS.md, Activation and adoption): per feature event, the signed-up
/// users who used it in the window (an excluded event is never used), the µs from sign-up to
/// their first use in the window, the users per month, and the adopters per adoption group (the
/// profile's segment, "(none)" without one).
/// </summary>
internal static partial class EngagementSql
{
    /// <summary>
    /// Rows (part, name, grp, a, b, n): <c>adopters</c> (name = feature, n = users), <c>monthly</c> (name = feature,
    /// a = month index, n = users), <c>days</c> (µs to first use at the median ranks, <see cref="Ranks"/>),
    /// <c>group</c> (grp = segment, n = signed-up users), <c>group_adopters</c> (name = feature, grp, n = adopters),
    /// and with <paramref name="monthActives"/> <c>month_active</c> (a = month index, n = active users: the
    /// activity's months, which the engine reads there, for a script on its own).
    /// </summary>
    /// <param name="sql">The dialect.</param>
    /// <param name="query">What to compute.</param>
    /// <param name="window">The instants counted and the zone.</param>
    /// <param name="features">The features, or null for every event that is not a system event (SystemEvents).</param>
    /// <param name="monthActives">Whether to add the month_active rows.</param>
    public static string Features(SqlText sql, EngagementQuery query, EngagementSqlWindow window, IReadOnlyList<string>? features, bool monthActives)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(window);
        var relations = new Relations(sql, query, window);
        var uses = relations.Add("feature_uses", $"""
            SELECT uid, event, month, min(ts) AS first_at FROM (
                SELECT uid, event, ts, {sql.MonthIndex("d")} AS month FROM (
                    SELECT uid, event, ts, {sql.LocalDate("ts", window.Zone)} AS d
                    FROM ({IdentitySql.UserEvents(sql)}) AS user_events WHERE {Active(sql, query, "event")} AND {FeatureFilter(sql, features)} AND ts >= {window.Start} AND ts <= {window.End}
                ) AS dated_uses
            ) AS monthly_uses
            GROUP BY uid, event, month
            """);
        var firsts = relations.Add("first_uses", $"SELECT uid, event, min(first_at) AS first_use FROM {uses} GROUP BY uid, event");
        var groups = relations.Add("user_groups", AdoptionGroups(sql, query));
        // With breakdowns, a group's values come in columns g0, g1, … after n, and grp is empty.
        var byBreakdowns = query.Breakdowns.Count > 0;
        var groupColumns = string.Concat(query.Breakdowns.Select((_, i) => $", g{i}"));
        var noGroup = string.Concat(query.Breakdowns.Select((_, i) => $", '' AS g{i}"));
        var grp = byBreakdowns ? "''" : "grp";
        var groupBy = byBreakdowns ? groupColumns[2..] : "grp";
        var months = monthActives
            ? $"""
              UNION ALL
              SELECT {Row(sql, "month_active", "''", "month", "0", sql.CountDistinct("uid"))}
              FROM {relations.Ref("window_days")} GROUP BY month
              """
            : "";
        return relations.Statement($"""
            SELECT part, name, '' AS grp, a, b, n{noGroup} FROM (
                SELECT {Row(sql, "adopters", "event", "0", "0", sql.CountRows())} FROM {firsts} GROUP BY event
                UNION ALL
                SELECT {Row(sql, "monthly", "event", "month", "0", sql.CountRows())} FROM {relations.Ref("feature_uses")} GROUP BY event, month
                UNION ALL
                {Ranks(sql, "days", $"SELECT event AS k, greatest({sql.Int64("0")}, first_use - cohort_at) AS v FROM {relations.Ref("first_uses")} {sql.InnerJoin(relations.Ref("signups"), "uid")}")}
                {months}
            ) AS feature_rows
            UNION ALL
            SELECT 'group', '', {grp}, {sql.Int64("0")}, {sql.Int64("0")}, {sql.CountRows()}{groupColumns} FROM {groups} GROUP BY {groupBy}
            UNION ALL
            SELECT 'group_adopters', event, {grp}, {sql.Int64("0")}, {sql.Int64("0")}, {sql.CountRows()}{groupColumns}
            FROM {relations.Ref("first_uses", "adopters")} {sql.InnerJoin(relations.Ref("user_groups"), "uid")} GROUP BY event, {groupBy}
            """);
    }

    /// <summary>
    /// The groups adoption is compared across, per signed-up user: the breakdowns' profile values
    /// (uid, g0, …), or without breakdowns the segment (uid, grp); (none) without a value.
    /// </summary>
    private static string AdoptionGroups(SqlText sql, EngagementQuery query)
    {
        var everyUser = $"({IdentitySql.Users(sql)}) AS users";
        if (query.Breakdowns.Count > 0) return BreakdownSql.UserGroups(sql, query.Breakdowns, everyUser);
        var segment = sql.Dialect == SqlDialect.ClickHouse ? $"ifNull(segment, {sql.Literal(Breakdowns.NoValue)})" : $"coalesce(segment, {sql.Literal(Breakdowns.NoValue)})";
        return $"""
            SELECT uid, {segment} AS grp FROM {everyUser}
            {LeftJoin(sql, $"(SELECT {NotNull(sql, "user_id")} AS uid, segment FROM sextant_users_current) AS profiles", "uid")}
            """;
    }

    /// <summary>The listed features, or every event that is not a system event (SystemEvents' names, any case, or a name starting with $).</summary>
    private static string FeatureFilter(SqlText sql, IReadOnlyList<string>? features)
    {
        if (features is not null) return features.Count == 0 ? "1 = 0" : $"event IN ({sql.List(features)})";
        var first = sql.Dialect == SqlDialect.ClickHouse ? "substring(event, 1, 1)" : "substr(event, 1, 1)";
        return $"lower(event) NOT IN ({sql.List(SystemEvents.Listed)}) AND {first} <> '$'";
    }
}
