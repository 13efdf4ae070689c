using Sextant.Analysis.Engagement;

namespace Sextant.Engine.Sql;

/// <summary>
/// The headline counts of each breakdown group (profile columns; (none) without a profile or a
/// value), as the in-memory measurer tallies a group: its daily active users and rolling runs, and
/// its activation. The other parts stay over everyone and come from the ungrouped statements.
/// </summary>
internal static partial class EngagementSql
{
    /// <summary>
    /// Rows (part, name, a, b, n, g0, …): with <paramref name="activity"/> <c>dau</c>, <c>wau_in</c> /
    /// <c>wau_out</c> and <c>mau_in</c> / <c>mau_out</c> as <see cref="Activity"/> returns them per group;
    /// <c>eligible</c>, <c>activated</c> and <c>fast</c> (n = users) and <c>took</c> (a = µs from sign-up to
    /// activation, n = users who took that long). Every duration is returned, not only the ranks around
    /// the quantiles: the shaper merges the small groups into Other, which needs their samples.
    /// </summary>
    /// <param name="sql">The dialect.</param>
    /// <param name="query">What to compute: its breakdowns name profile columns.</param>
    /// <param name="window">The instants counted and the zone.</param>
    /// <param name="activity">Whether to add the activity rows (false for an empty window).</param>
    public static string Groups(SqlText sql, EngagementQuery query, EngagementSqlWindow window, bool activity)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(window);
        var relations = new Relations(sql, query, window);
        var groups = string.Concat(query.Breakdowns.Select((_, i) => $", g{i}"));
        relations.Add("user_groups", BreakdownSql.UserGroups(sql, query.Breakdowns, $"({IdentitySql.Users(sql)}) AS users"));
        var parts = new List<string>();
        if (activity)
        {
            var days = relations.Add("group_days", $"SELECT uid, day{groups} FROM {relations.Ref("window_days")} {sql.InnerJoin(relations.Ref("user_groups", "day_groups"), "uid")}");
            relations.Add("gaps", PreviousDays(sql, relations.Ref("window_days", "days_of_users")));
            relations.Add("group_gaps", $"SELECT day, prev_day{groups} FROM {relations.Ref("gaps")} {sql.InnerJoin(relations.Ref("user_groups", "gap_groups"), "uid")}");
            parts.Add($"SELECT {Row(sql, "dau", "''", "day", "0", sql.CountRows())}{groups} FROM {days} GROUP BY day{groups}");
            parts.Add(GroupRuns(sql, relations, "wau", 7, groups));
            parts.Add(GroupRuns(sql, relations, "mau", 30, groups));
        }
        AddActivation(sql, relations, query, window);
        var activated = relations.Add("group_activation",
            $"SELECT uid, took{groups} FROM {relations.Ref("activation")} {sql.InnerJoin(relations.Ref("user_groups", "activation_groups"), "uid")}");
        parts.Add($"SELECT {Row(sql, "eligible", "''", "0", "0", sql.CountRows())}{groups} FROM {activated} GROUP BY {groups[2..]}");
        parts.Add($"SELECT {Row(sql, "activated", "''", "0", "0", sql.CountRows())}{groups} FROM {relations.Ref("group_activation", "activated")} WHERE took >= 0 GROUP BY {groups[2..]}");
        parts.Add($"SELECT {Row(sql, "fast", "''", "0", "0", sql.CountRows())}{groups} FROM {relations.Ref("group_activation", "fast")} WHERE took >= 0 AND took < {FastMicros} GROUP BY {groups[2..]}");
        parts.Add($"SELECT {Row(sql, "took", "''", "took", "0", sql.CountRows())}{groups} FROM {relations.Ref("group_activation", "took_times")} WHERE took >= 0 GROUP BY took{groups}");
        return relations.Statement(string.Join("\nUNION ALL\n", parts));
    }

    /// <summary>A group's covered runs of <paramref name="length"/> days, as <see cref="Activity"/> counts them over everyone.</summary>
    private static string GroupRuns(SqlText sql, Relations relations, string part, int length, string groups) => $"""
        SELECT {Row(sql, part + "_in", "''", "starts", "0", sql.CountRows())}{groups}
        FROM (SELECT greatest(day, prev_day + {length}) AS starts{groups} FROM {relations.Ref("group_gaps", part + "_start_gaps")}) AS run_starts GROUP BY starts{groups}
        UNION ALL
        SELECT {Row(sql, part + "_out", "''", "ends", "0", sql.CountRows())}{groups}
        FROM (SELECT day + {length} AS ends{groups} FROM {relations.Ref("group_gaps", part + "_end_gaps")}) AS run_ends GROUP BY ends{groups}
        """;
}
