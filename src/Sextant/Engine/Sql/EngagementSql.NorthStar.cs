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
    public static string NorthStar(SqlText sql, EngagementQuery query, EngagementSqlWindow window) => Statement(sql, query, window, Part.NorthStar);

    private static string NorthStarRows(SqlText sql, Relations relations, EngagementQuery query)
    {
        var memberWeeks = $"""
            SELECT uid, week, max(collaborated) AS collaborated
            FROM (SELECT uid, {sql.IntDiv("day", 7)} AS week, collaborated FROM {relations.Ref("window_days")}) AS days_of_members
            GROUP BY uid, week
            """;
        var members = $"SELECT {NotNull(sql, "user_id")} AS uid, {NotNull(sql, "workspace_id")} AS workspace FROM sextant_users_current WHERE workspace_id IS NOT NULL";
        return $"""
            SELECT {Row(sql, "north_star", "''", "week", "0", sql.CountRows())} FROM (
                SELECT workspace, week, {sql.CountRows()} AS active_members, max(collaborated) AS collaborations
                FROM ({memberWeeks}) AS member_weeks {sql.InnerJoin($"({members}) AS members", "uid")}
                GROUP BY workspace, week
            ) AS workspace_weeks
            WHERE active_members >= {query.NorthStarMinMembers} AND collaborations = 1
            GROUP BY week
            """;
    }
}
