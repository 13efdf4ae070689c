using Sextant.Analysis.Engagement;

namespace Sextant.Engine.Sql;

/// <summary>
/// The North Star (SEMANTICS.md, North Star): per ISO week of the window, the workspaces (the
/// profile's workspace_id) with at least the minimum number of distinct active members and at
/// least one active collaboration event by a member in that week.
/// </summary>
internal static partial class EngagementSql
{
    /// <summary>Rows: <c>week</c> (a = Monday day number / 7, n = workspaces); weeks without one have no row.</summary>
    public static string NorthStar(SqlText sql, EngagementQuery query, EngagementSqlWindow window)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(window);
        var collaboration = query.CollaborationEvents.Count == 0 ? "1 = 0" : $"event IN ({sql.List(query.CollaborationEvents)})";
        var memberWeeks = $"""
            SELECT uid, week, max(collaborates) AS collaborated FROM (
                SELECT uid, {sql.IntDiv(sql.DayNumber(sql.LocalDate("ts", window.Zone)), 7)} AS week, CASE WHEN {collaboration} THEN 1 ELSE 0 END AS collaborates
                FROM ({IdentitySql.UserEvents(sql)}) AS user_events
                WHERE {Active(sql, query, "event")} AND ts >= {window.Start} AND ts <= {window.End}
            ) AS weeks_of_events
            GROUP BY uid, week
            """;
        var members = $"SELECT {NotNull(sql, "user_id")} AS uid, {NotNull(sql, "workspace_id")} AS workspace FROM sextant_users_current WHERE workspace_id IS NOT NULL";
        return $"""
            SELECT {Row(sql, "week", "''", "week", "0", sql.CountRows())} FROM (
                SELECT workspace, week, {sql.CountRows()} AS active_members, max(collaborated) AS collaborations
                FROM ({memberWeeks}) AS member_weeks {sql.InnerJoin($"({members}) AS members", "uid")}
                GROUP BY workspace, week
            ) AS workspace_weeks
            WHERE active_members >= {query.NorthStarMinMembers} AND collaborations = 1
            GROUP BY week
            """;
    }
}
