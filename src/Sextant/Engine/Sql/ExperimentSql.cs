using Sextant.Analysis.Experiments;
using Sextant.Storage.Warehouse;

namespace Sextant.Engine.Sql;

/// <summary>
/// An experiment's per-arm sums as SQL (docs/EXPERIMENTS.md): each assigned user's first exposure
/// and variant count from the assignments, every metric's value, covariate and eligibility per
/// exposed user in one pass over their events (users without events kept, with zeros), then one
/// row per variant: (variant, users, and per metric N, Σy, Σy², Σx, Σx², Σxy).
/// </summary>
internal static class ExperimentSql
{
    /// <summary>Every (experiment, variant) pair of the assignments.</summary>
    public const string Variants = "SELECT DISTINCT experiment, variant FROM sextant_assignments_current";

    /// <summary>The users whose first exposure is in the range but who saw more than one variant.</summary>
    public static string Excluded(SqlText sql, ExperimentQuery query) =>
        $"SELECT {sql.CountRows()} FROM ({Assigned(sql, query.Name)}) AS assigned WHERE variants > 1{InRange(query)}";

    /// <summary>The per-variant statement: <paramref name="plan"/> says what each metric measures.</summary>
    /// <param name="sql">The dialect.</param>
    /// <param name="query">The experiment (no segments, cohort, trait metric or variant attribute).</param>
    /// <param name="plan">The measured metrics with the data end and calendar they are judged against.</param>
    /// <param name="zone">The project time zone, as an SQL string literal.</param>
    public static string Build(SqlText sql, ExperimentQuery query, ExperimentSqlPlan plan, string zone)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(plan);
        var relations = new SqlRelations(sql.Dialect);
        var dataEnd = SqlText.Literal(plan.DataEnd);
        var exposed = relations.Add("exposed", $"""
            SELECT uid, arm, first_at, {sql.DayNumber(sql.LocalDate("first_at", zone))} AS first_day
            FROM ({Assigned(sql, query.Name)}) AS assigned
            WHERE variants = 1{InRange(query)} AND first_at <= {dataEnd}
            """);
        var metrics = plan.Metrics;
        var aggregates = string.Join(",\n    ", metrics.SelectMany((m, i) => new[] { $"{m.Value(sql, dataEnd)} AS value{i}", $"{m.Second(sql, dataEnd)} AS second{i}" }));
        var join = sql.Dialect == SqlDialect.ClickHouse
            ? $"GLOBAL ALL INNER JOIN {relations.Ref("exposed", "x")} USING uid"
            : $"INNER JOIN {relations.Ref("exposed", "x")} USING (uid)";
        var properties = string.Concat(plan.Properties.Select((_, k) => $", p{k}"));
        relations.Add("valued", $"""
            SELECT uid,
                {aggregates}
            FROM (
                SELECT uid, ts, event{properties}, first_at, first_day, {LocalDay(sql, plan, zone)} AS day
                FROM ({Events(sql, plan)}) AS e
                {join}
            ) AS exposed_events
            GROUP BY uid
            """);
        // Users without events get no row in valued: the left join keeps them, with zeros.
        var perUser = string.Join(",\n    ", metrics.SelectMany((m, i) =>
        {
            var eligible = m.Eligible(plan);
            return new[]
            {
                $"{sql.Int64($"CASE WHEN {eligible} THEN 1 ELSE 0 END")} AS e{i}",
                $"CASE WHEN {eligible} THEN {Zeroed(sql, $"value{i}")} ELSE 0 END AS y{i}",
                $"CASE WHEN {eligible} THEN {Zeroed(sql, $"second{i}")} ELSE 0 END AS x{i}",
            };
        }));
        var leftJoin = sql.Dialect == SqlDialect.ClickHouse
            ? $"ALL LEFT JOIN {relations.Ref("valued", "v")} USING uid"
            : $"LEFT JOIN {relations.Ref("valued", "v")} USING (uid)";
        var users = relations.Add("per_user", $"""
            SELECT uid, arm,
                {perUser}
            FROM {relations.Ref("exposed", "x")}
            {leftJoin}
            """);
        var sums = string.Join(",\n    ", metrics.Select((_, i) =>
            $"{sql.Int64($"sum(e{i})")}, sum(y{i}), sum(y{i} * y{i}), sum(x{i}), sum(x{i} * x{i}), sum(x{i} * y{i})"));
        return relations.Statement($"""
            SELECT arm, {sql.CountRows()},
                {sums}
            FROM {users}
            GROUP BY arm
            """);
    }

    /// <summary>
    /// The local day number of an event near its user's exposure, for active-on-day metrics; −1 for
    /// events further away than any such metric looks (a local day lies within a day of the UTC one),
    /// so the time-zone conversion, the costly part in DuckDB, runs only for the events that can matter.
    /// </summary>
    private static string LocalDay(SqlText sql, ExperimentSqlPlan plan, string zone)
    {
        var reach = plan.Metrics.Where(m => m.Spec.Kind == MetricKind.ActiveOnDay).Select(m => (long)m.Spec.Day + m.Spec.Span + 1).DefaultIfEmpty(-1).Max();
        if (reach < 0) return sql.Int64("-1");
        var micros = SqlText.Literal(reach * Sextant.Events.Timestamp.MicrosPerDay);
        return $"CASE WHEN ts >= first_at - {micros} AND ts <= first_at + {micros} THEN {sql.DayNumber(sql.LocalDate("ts", zone))} ELSE {sql.Int64("-1")} END";
    }

    /// <summary>Per user assigned in the experiment: the first exposure, the variant and how many variants they saw.</summary>
    private static string Assigned(SqlText sql, string experiment)
    {
        var user = sql.Dialect == SqlDialect.ClickHouse ? "assumeNotNull(user_id)" : "user_id";
        var variant = sql.Dialect == SqlDialect.ClickHouse ? "assumeNotNull(variant)" : "variant";
        // A user who saw one variant only has it as their min(variant); the others are left out anyway.
        return $"""
            SELECT {user} AS uid, min({variant}) AS arm, min(assigned_at) AS first_at, {sql.CountDistinct("variant")} AS variants
            FROM sextant_assignments_current WHERE experiment = {sql.Literal(experiment)} GROUP BY {user}
            """;
    }

    private static string InRange(ExperimentQuery query) =>
        (query.Range.From is { } from ? $" AND first_at >= {SqlText.Literal(from.UnixMicroseconds)}" : "")
        + (query.Range.To is { } to ? $" AND first_at < {SqlText.Literal(to.UnixMicroseconds)}" : "");

    /// <summary>A user's value, 0 when the user has no events (ClickHouse's left join fills zeros itself).</summary>
    private static string Zeroed(SqlText sql, string column) => sql.Dialect == SqlDialect.ClickHouse ? column : $"coalesce({column}, 0)";

    /// <summary>
    /// (uid, ts, event) of signed-up users' events, plus p0, p1, … : each summed property as a number
    /// (non-numbers 0). Without sums this is <see cref="IdentitySql.UserEvents"/>; with them the same
    /// identity join carries the property columns, which that relation does not. Joined on the
    /// anonymous id alone (the identity holds one row per anonymous id, and a user id on the event
    /// wins the coalesce), which DuckDB runs as a hash join: with "user_id IS NULL" in the join
    /// condition it took 39 s instead of 0.08 s over 780,000 events.
    /// </summary>
    private static string Events(SqlText sql, ExperimentSqlPlan plan)
    {
        var names = plan.Properties;
        var kept = plan.EventFilter(sql, "event");
        if (names.Count == 0)
            return kept is null ? IdentitySql.UserEvents(sql) : $"SELECT uid, ts, event FROM ({IdentitySql.UserEvents(sql)}) AS user_events WHERE {kept}";
        if (sql.Dialect == SqlDialect.ClickHouse)
        {
            var values = string.Join(", ", names.Select((name, k) => $"{ExperimentSqlMetric.PropertyNumber(sql, name, "")} AS p{k}"));
            return $"""
                SELECT if(isNull(user_id), linked_user, assumeNotNull(user_id)) AS uid, ts, event, {values}
                FROM sextant_events
                GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id
                WHERE (isNotNull(user_id) OR linked_user != ''){(kept is null ? "" : $" AND {kept}")}
                """;
        }
        var columns = string.Join(", ", names.Select((name, k) => $"{ExperimentSqlMetric.PropertyNumber(sql, name, "e.")} AS p{k}"));
        return $"""
            SELECT coalesce(e.user_id, i.user_id) AS uid, e.ts AS ts, e.event AS event, {columns}
            FROM sextant_events e
            LEFT JOIN sextant_identity i ON i.anonymous_id = e.anonymous_id
            WHERE (e.user_id IS NOT NULL OR i.user_id IS NOT NULL){(plan.EventFilter(sql, "e.event") is { } filter ? $" AND {filter}" : "")}
            """;
    }
}
