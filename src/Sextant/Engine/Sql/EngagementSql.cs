using Sextant.Analysis;
using Sextant.Analysis.Engagement;
using Sextant.Storage.Warehouse;

namespace Sextant.Engine.Sql;

/// <summary>The instants an engagement statement counts: <paramref name="Start"/> to <paramref name="End"/> inclusive, as SQL expressions.</summary>
/// <param name="Start">The window's first instant (UTC µs): the range's start or the earliest event.</param>
/// <param name="End">The data end (UTC µs): the range's last instant or the latest event; periods are complete when they end by it.</param>
/// <param name="Zone">The project time zone, as an SQL string literal.</param>
internal sealed record EngagementSqlWindow(string Start, string End, string Zone);

/// <summary>
/// Engagement (<c>sextant metrics</c>) as SQL, one statement per part, the same structure for
/// every dialect. Each statement returns small rows (part, name, a, b, n) that
/// <see cref="EngagementSqlMeasurer"/> lays out as the in-memory measurer does; day numbers are
/// <see cref="DateOnly.DayNumber"/>'s, weeks Monday day number / 7, months year × 12 + month − 1.
/// Only signed-up users count (SEMANTICS.md, Activity), so every part reads
/// <see cref="IdentitySql.UserEvents"/>. This file holds the relations the parts share.
/// </summary>
internal static partial class EngagementSql
{
    /// <summary>(part, name, a, b, n): one row of any part's statement.</summary>
    private static string Row(SqlText sql, string part, string name, string a, string b, string n) => RowOf(sql, $"'{part}'", name, a, b, n);

    /// <summary>A row whose part is an expression.</summary>
    private static string RowOf(SqlText sql, string part, string name, string a, string b, string n) =>
        $"{part} AS part, {name} AS name, {sql.Int64(a)} AS a, {sql.Int64(b)} AS b, {sql.Int64(n)} AS n";

    /// <summary>The condition an active event meets: not one of the query's excluded events.</summary>
    private static string Active(SqlText sql, EngagementQuery query, string column) =>
        $"{column} NOT IN ({sql.List(ActiveEvents.Excluded(query.ExcludeEvents))})";

    /// <summary>The parts that read the shared active days; the engine asks for them in one statement, each script for one.</summary>
    public enum Part
    {
        Activity,
        PowerUsers,
        Lifecycle,
        Activation,
        NorthStar,
    }

    /// <summary>
    /// One statement whose rows are those of every part of <paramref name="parts"/>: the active days
    /// they share are computed once (PostgreSQL and DuckDB keep a WITH relation that is read twice).
    /// </summary>
    public static string Statement(SqlText sql, EngagementQuery query, EngagementSqlWindow window, params Part[] parts)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(parts);
        var relations = new Relations(sql, query, window);
        var bodies = parts.Select(part => part switch
        {
            Part.Activity => ActivityRows(sql, relations),
            Part.PowerUsers => PowerUserRows(sql, relations, window),
            Part.Lifecycle => LifecycleRows(sql, relations, query, window),
            Part.Activation => ActivationRows(sql, relations, query, window),
            _ => NorthStarRows(sql, relations, query),
        }).ToList();
        return relations.Statement(string.Join("\nUNION ALL\n", bodies));
    }

    /// <summary>The relations of one statement: the shared ones are added on first reference, before whatever refers to them.</summary>
    private sealed class Relations(SqlText sql, EngagementQuery query, EngagementSqlWindow window)
    {
        private readonly SqlRelations _relations = new(sql.Dialect);
        private readonly HashSet<string> _added = [];

        /// <summary>Adds a relation of one part.</summary>
        public string Add(string name, string body)
        {
            _added.Add(name);
            return _relations.Add(name, body);
        }

        public string Ref(string name) => Ref(name, name);

        public string Ref(string name, string alias)
        {
            if (!_added.Contains(name)) Share(name);
            return _relations.Ref(name, alias);
        }

        public string Statement(string body) => _relations.Statement(body);

        private void Share(string name)
        {
            var body = name switch
            {
                // Only the sign-ups read it as a relation: elsewhere it is inline, so no database keeps a copy of every event.
                "user_events" => IdentitySql.UserEvents(sql),
                "signups" => Signups(),
                "active_days" => ActiveDays(sql, query, window),
                "window_days" => $"SELECT uid, day, month, in_events, collaborated FROM {Ref("active_days")} WHERE in_events > 0",
                _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a shared relation"),
            };
            _added.Add(name);
            _relations.Add(name, body);
        }

        private string Signups()
        {
            Ref("user_events");
            return RetentionSql.Signups(sql, _relations);
        }
    }

    /// <summary>
    /// (uid, day, month, in_events, collaborated) per user and local day with an active event up to the
    /// data end: the day's number, its month index, how many of its active events are in the window and
    /// whether one of those is a collaboration event. Each event's local date is computed here, once.
    /// </summary>
    private static string ActiveDays(SqlText sql, EngagementQuery query, EngagementSqlWindow window)
    {
        var collaboration = query.CollaborationEvents.Count == 0 ? "1 = 0" : $"event IN ({sql.List(query.CollaborationEvents)})";
        return $"""
            SELECT uid, {sql.DayNumber("d")} AS day, {sql.MonthIndex("d")} AS month, {sql.Int64("in_events")} AS in_events, {sql.Int64("collaborated")} AS collaborated
            FROM (
                SELECT uid, d, sum(in_window) AS in_events, max(collaborates) AS collaborated
                FROM (
                    SELECT uid, {sql.LocalDate("ts", window.Zone)} AS d, CASE WHEN ts >= {window.Start} THEN 1 ELSE 0 END AS in_window,
                        CASE WHEN ts >= {window.Start} AND {collaboration} THEN 1 ELSE 0 END AS collaborates
                    FROM ({IdentitySql.UserEvents(sql)}) AS user_events WHERE {Active(sql, query, "event")} AND ts <= {window.End}
                ) AS dated
                GROUP BY uid, d
            ) AS days_of_users
            """;
    }

    /// <summary>
    /// (part, name = k, a = rank, b = v, n = sample size) for the ranks either side of the median and
    /// the 90th percentile of v per k (<see cref="Analysis.DurationQuantiles.Ranks"/>): PostgreSQL and
    /// DuckDB number the sorted values, ClickHouse 18.16 (no window functions) sorts an array per k.
    /// </summary>
    private static string Ranks(SqlText sql, string part, string samples)
    {
        if (sql.Dialect == SqlDialect.ClickHouse)
            return $"""
                SELECT {Row(sql, part, "k", "rank", "arrayElement(vs, rank + 1)", "size")}
                FROM (SELECT k, arraySort(groupArray(v)) AS vs, toInt64(length(vs)) AS size FROM ({samples}) AS samples GROUP BY k) AS sorted
                ARRAY JOIN [intDiv(size - 1, 2), intDiv(size - 1, 2) + 1, intDiv((size - 1) * 9, 10), intDiv((size - 1) * 9, 10) + 1] AS rank
                WHERE rank < size
                """;
        return $"""
            SELECT {Row(sql, part, "k", "rank", "v", "size")}
            FROM (
                SELECT k, v, row_number() OVER (PARTITION BY k ORDER BY v) - 1 AS rank, count(*) OVER (PARTITION BY k) AS size
                FROM ({samples}) AS samples
            ) AS ranked
            WHERE rank IN ({sql.IntDiv("(size - 1)", 2)}, {sql.IntDiv("(size - 1)", 2)} + 1, {sql.IntDiv("((size - 1) * 9)", 10)}, {sql.IntDiv("((size - 1) * 9)", 10)} + 1)
            """;
    }

    /// <summary>A left join on equally named keys (ClickHouse fills a missing row's columns with defaults, the others with NULL).</summary>
    private static string LeftJoin(SqlText sql, string right, string keys) => sql.Dialect == SqlDialect.ClickHouse
        ? $"ALL LEFT JOIN {right} USING {keys}"
        : $"LEFT JOIN {right} USING ({keys})";

    /// <summary>A profile column as non-null text (ClickHouse's views keep Nullable columns).</summary>
    private static string NotNull(SqlText sql, string column) => sql.Dialect == SqlDialect.ClickHouse ? $"assumeNotNull({column})" : column;
}
