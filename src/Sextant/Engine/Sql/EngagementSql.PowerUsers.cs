using Sextant.Analysis.Engagement;

namespace Sextant.Engine.Sql;

/// <summary>
/// Power users (SEMANTICS.md, Activity): per active user, the active days among the final 7 and
/// 30 complete days and the active events in the window, counted into histograms. The last
/// complete day is the day of (data end + 1) minus one: the data end's day when the data end is
/// that day's last instant.
/// </summary>
internal static partial class EngagementSql
{
    /// <summary>
    /// Rows: <c>l7</c> / <c>l30</c> (a = active days among the final 7 / 30, n = users with an active day
    /// in the window), <c>events</c> (a = active events in the window, n = users). Users without an
    /// active day in the window are the signed-up users the rows leave out (L7 and L30 at 0).
    /// </summary>
    public static string PowerUsers(SqlText sql, EngagementQuery query, EngagementSqlWindow window) => Statement(sql, query, window, Part.PowerUsers);

    private static string PowerUserRows(SqlText sql, Relations relations, EngagementSqlWindow window)
    {
        var lastComplete = $"({sql.DayNumber(sql.LocalDate($"({window.End} + 1)", window.Zone))} - 1)";
        var perUser = relations.Add("power_users", $"""
            SELECT uid,
                {sql.Int64($"sum(CASE WHEN day <= {lastComplete} AND day > {lastComplete} - 7 THEN 1 ELSE 0 END)")} AS days7,
                {sql.Int64($"sum(CASE WHEN day <= {lastComplete} AND day > {lastComplete} - 30 THEN 1 ELSE 0 END)")} AS days30,
                {sql.Int64("sum(in_events)")} AS events
            FROM {relations.Ref("window_days")}
            GROUP BY uid
            """);
        return $"""
            SELECT {Row(sql, "l7", "''", "days7", "0", sql.CountRows())} FROM {perUser} GROUP BY days7
            UNION ALL
            SELECT {Row(sql, "l30", "''", "days30", "0", sql.CountRows())} FROM {relations.Ref("power_users")} GROUP BY days30
            UNION ALL
            SELECT {Row(sql, "events", "''", "events", "0", sql.CountRows())} FROM {relations.Ref("power_users")} GROUP BY events
            """;
    }
}
