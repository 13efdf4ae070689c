using Sextant.Analysis.Engagement;
using Sextant.Storage.Warehouse;

namespace Sextant.Engine.Sql;

/// <summary>
/// Active users per day, ISO week and month of the window, and the rolling 7- and 30-day counts
/// as the in-memory measurer accumulates them: a user's active day a covers days a .. a + 6 (a + 29),
/// so each run of covered days adds +1 where it starts and −1 where it ends. A day a opens or
/// extends the run from the later of a and (the user's previous active day + 7); it ends at a + 7.
/// </summary>
internal static partial class EngagementSql
{
    /// <summary>
    /// Rows: <c>dau</c> (a = day, n = users), <c>week</c> (a = Monday day number / 7), <c>month</c>
    /// (a = month index), <c>wau_in</c> / <c>wau_out</c> and <c>mau_in</c> / <c>mau_out</c> (a = day, n = users
    /// whose covered run starts / ends that day).
    /// </summary>
    public static string Activity(SqlText sql, EngagementQuery query, EngagementSqlWindow window) => Statement(sql, query, window, Part.Activity);

    private static string ActivityRows(SqlText sql, Relations relations)
    {
        var days = relations.Ref("window_days");
        relations.Add("gaps", PreviousDays(sql, days));
        return $"""
            SELECT {Row(sql, "dau", "''", "day", "0", sql.CountRows())} FROM {days} GROUP BY day
            UNION ALL
            SELECT {Row(sql, "week", "''", "week", "0", sql.CountDistinct("uid"))} FROM (SELECT uid, {sql.IntDiv("day", 7)} AS week FROM {relations.Ref("window_days")}) AS weeks GROUP BY week
            UNION ALL
            SELECT {Row(sql, "month", "''", "month", "0", sql.CountDistinct("uid"))} FROM {relations.Ref("window_days")} GROUP BY month
            UNION ALL
            {Runs(sql, relations, "wau", 7)}
            UNION ALL
            {Runs(sql, relations, "mau", 30)}
            """;

        static string Runs(SqlText sql, Relations relations, string part, int length) => $"""
            SELECT {Row(sql, part + "_in", "''", "starts", "0", sql.CountRows())} FROM (SELECT greatest(day, prev_day + {length}) AS starts FROM {relations.Ref("gaps")}) AS run_starts GROUP BY starts
            UNION ALL
            SELECT {Row(sql, part + "_out", "''", "ends", "0", sql.CountRows())} FROM (SELECT day + {length} AS ends FROM {relations.Ref("gaps")}) AS run_ends GROUP BY ends
            """;
    }

    /// <summary>(uid, day, prev_day): each active day of a user and the user's previous one (−100000 for the first), from <paramref name="days"/>.</summary>
    private static string PreviousDays(SqlText sql, string days) => sql.Dialect == SqlDialect.ClickHouse
        ? $"""
          SELECT uid, day, prev_day
          FROM (SELECT uid, arraySort(groupArray(day)) AS user_days FROM {days} GROUP BY uid) AS per_user
          ARRAY JOIN user_days AS day, arrayPopBack(arrayPushFront(user_days, toInt64(-100000))) AS prev_day
          """
        : $"SELECT uid, day, lag(day, 1, {sql.Int64("-100000")}) OVER (PARTITION BY uid ORDER BY day) AS prev_day FROM {days}";
}
