using System.Globalization;
using Sextant.Analysis;
using Sextant.Analysis.Funnels;
using Sextant.Storage.Warehouse;

namespace Sextant.Engine.Sql;

/// <summary>
/// An ordered funnel as one SQL statement (docs/FUNNELS.md), linear in each entity's step events.
/// Attempts are step-1 events in the range (one per entity and instant: attempts opened at one
/// instant reach the same steps). <c>reach_k</c> gives each attempt that reached step k − 1 the
/// earliest step-k event at or after it, found by a window running over the attempts' previous
/// instants and the step-k events together, latest first, so it is one sort per step instead of
/// a join of every attempt with every step-k event. Each entity's furthest step, the earliest
/// attempt that reached each step (its timings) and the deciding attempt (exclusions) follow.
/// ClickHouse 18.16 has no window functions: <see cref="FunnelArraySql"/> does the same per
/// entity with arrays. Rows are (part, a, b, n): <c>depth</c> (a = furthest step, 1-based,
/// n = entities), <c>previous</c> and <c>start</c> (a = step index, b = µs from the previous step /
/// from step 1, n = entities), <c>excluded</c> (n = entities removed by an exclusion event), then
/// one column per breakdown (g0, g1, …): the entity's profile value, <c>(none)</c> without one.
/// </summary>
internal static partial class FunnelSql
{
    /// <summary>The statement for a funnel whose steps share no event and filter built-in columns only (<see cref="FilterColumns"/>).</summary>
    public static string Build(SqlText sql, FunnelQuery query)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(query);
        if (sql.Dialect == SqlDialect.ClickHouse) return FunnelArraySql.Build(sql, query);
        var steps = query.Steps.Count;
        var window = SqlText.Literal(query.Window.Ticks / TimeSpan.TicksPerMicrosecond);
        var relations = new SqlRelations(sql.Dialect);
        var attempt = query.Order switch
        {
            FunnelOrder.Strict => FunnelModeSql.StrictSteps(sql, query, relations, window),
            FunnelOrder.Unordered => FunnelModeSql.UnorderedSteps(sql, query, relations, window),
            _ => OrderedSteps(sql, query, relations, window),
        };
        // An event-property breakdown reads the step-1 row of the deciding attempt: attempts carry their id that far.
        var byEvent = query.Breakdowns.Any(b => b.Source == BreakdownSource.Event);
        var attemptId = byEvent ? $", {attempt} AS attempt_id" : "";
        for (var k = 0; k < steps; k++)
        {
            var reach = relations.Ref($"reach_{k}");
            relations.Add($"earliest_{k}", $"""
                SELECT uid, start, previous_at, reached_at{attemptId}
                FROM {reach}
                {sql.InnerJoin($"(SELECT uid, min({attempt}) AS {attempt} FROM {reach} GROUP BY uid) AS earliest", $"uid, {attempt}")}
                """, materialized: true);
        }
        var reached = string.Join("\n    UNION ALL ", Enumerable.Range(0, steps).Select(k =>
            $"SELECT uid, {sql.Int64((k + 1).ToString(CultureInfo.InvariantCulture))} AS depth, start, reached_at{(byEvent ? ", attempt_id" : "")} FROM {relations.Ref($"earliest_{k}")}"));
        var attempts = relations.Add("deciding_attempts", $"SELECT uid, depth, start, reached_at{(byEvent ? ", attempt_id" : "")} FROM (\n    {reached}\n) AS reached_steps", materialized: true);
        var groups = string.Concat(query.Breakdowns.Select((_, i) => $", g{i}"));
        var eventValues = string.Concat(query.Breakdowns.Select((b, i) => b.Source == BreakdownSource.Event ? $", v.e{i} AS e{i}" : ""));
        var startValues = byEvent
            ? $" LEFT JOIN (SELECT d.uid AS value_uid, d.depth AS value_depth{eventValues} FROM {attempts} AS d INNER JOIN {relations.Ref("attempt_values", "v")} ON v.uid = d.uid AND v.attempt_id = d.attempt_id) AS start_values"
              + " ON start_values.value_uid = furthest_steps.uid AND start_values.value_depth = furthest_steps.furthest"
            : "";
        var depths = relations.Add("depths", $"SELECT uid, furthest AS depth{BreakdownSql.ProfileValues(sql, query.Breakdowns, i => query.Breakdowns[i].Source == BreakdownSource.Event ? $"start_values.e{i}" : "profiles." + query.Breakdowns[i].Name)} FROM (SELECT uid, max(depth) AS furthest FROM {attempts} GROUP BY uid) AS furthest_steps"
            + (groups.Length == 0 ? "" : " LEFT JOIN sextant_users_current AS profiles ON profiles.user_id = furthest_steps.uid") + startValues, materialized: true);
        var grouped = groups.Length == 0 ? "" : " " + sql.InnerJoin($"(SELECT uid{groups} FROM {depths}) AS entity_groups", "uid");
        var excluded = relations.Add("excluded", query.Exclude.Count == 0
            ? $"SELECT uid FROM {depths} WHERE 1 = 0"
            : $"""
              SELECT DISTINCT uid
              FROM (SELECT uid, start, reached_at FROM {attempts} {sql.InnerJoin(depths, "uid, depth")}) AS deciding
              {sql.InnerJoin($"(SELECT uid, ts AS excluded_at FROM ({IdentitySql.Entities(sql, $"event IN ({sql.List(query.Exclude)})")}) AS excluding_events) AS exclusions", "uid")}
              WHERE excluded_at >= start AND excluded_at <= reached_at
              """, materialized: true);
        var zero = sql.Int64("0");
        var timings = relations.Add("timings", string.Join("\nUNION ALL\n", Enumerable.Range(1, steps - 1).Select(k =>
            $"SELECT uid, {sql.Int64(k.ToString(CultureInfo.InvariantCulture))} AS step, reached_at - previous_at AS from_previous, reached_at - start AS from_start{groups} FROM {relations.Ref($"earliest_{k}")}{grouped}")), materialized: true);
        var counted = $"NOT EXISTS (SELECT 1 FROM {excluded} AS x WHERE x.uid = counted.uid)";
        var parts = new List<string>
        {
            $"SELECT 'depth' AS part, depth AS a, {zero} AS b, {sql.CountRows()} AS n{groups} FROM {depths} AS counted WHERE {counted} GROUP BY depth{groups}",
            $"SELECT 'excluded', {zero}, {zero}, {sql.CountRows()}{string.Concat(query.Breakdowns.Select(_ => ", ''"))} FROM {excluded}",
            $"SELECT 'previous', step, from_previous, {sql.CountRows()}{groups} FROM {timings} AS counted WHERE {counted} GROUP BY step, from_previous{groups}",
            $"SELECT 'start', step, from_start, {sql.CountRows()}{groups} FROM {timings} AS counted WHERE {counted} GROUP BY step, from_start{groups}",
        };
        return relations.Statement(string.Join("\nUNION ALL\n", parts));
    }

    /// <summary>
    /// reach_0 … reach_n−1 of an ordered funnel: (uid, start, previous_at, reached_at) of each attempt
    /// that reached the step. Attempts opened at one instant reach the same steps, so the start names
    /// an attempt. Returns the column that orders attempts.
    /// </summary>
    private static string OrderedSteps(SqlText sql, FunnelQuery query, SqlRelations relations, string window)
    {
        var events = relations.Add("funnel_events", StepEvents(sql, query), materialized: true);
        relations.Add("reach_0", $"SELECT DISTINCT uid, ts AS start, ts AS previous_at, ts AS reached_at FROM {events} WHERE step = 0{Range(query)}", materialized: true);
        // Attempts at one instant reach the same steps; the deciding one is the first of them in row order.
        if (EventValues(sql, query).Length > 0)
            relations.Add("attempt_values", $"""
                SELECT uid, ts AS attempt_id{EventValueNames(query)}
                FROM (SELECT uid, ts{EventValueNames(query)}, row_number() OVER (PARTITION BY uid, ts ORDER BY seq) AS nth FROM {events} WHERE step = 0{Range(query)}) AS step_one_rows
                WHERE nth = 1
                """, materialized: true);
        // Latest first, a step-k event at an attempt's instant sorts before the attempt (kind 1 before 0),
        // so the running minimum is the earliest step-k event at or after the attempt's previous step.
        for (var k = 1; k < query.Steps.Count; k++)
            relations.Add($"reach_{k}", $"""
                SELECT uid, start, previous_at, reached_at
                FROM (
                    SELECT uid, start, instant AS previous_at, kind,
                        min(step_at) OVER (PARTITION BY uid ORDER BY instant DESC, kind DESC ROWS UNBOUNDED PRECEDING) AS reached_at
                    FROM (
                        SELECT uid, start, reached_at AS instant, 0 AS kind, CAST(NULL AS BIGINT) AS step_at FROM {relations.Ref($"reach_{k - 1}")}
                        UNION ALL
                        SELECT uid, CAST(NULL AS BIGINT), ts, 1, ts FROM {events} WHERE step = {k}
                    ) AS attempts_and_steps
                ) AS next_steps
                WHERE kind = 0 AND reached_at <= start + {window}
                """, materialized: true);
        return "start";
    }

    /// <summary>The funnel's range as conditions on <c>ts</c>, each led by AND (empty without a range).</summary>
    internal static string Range(FunnelQuery query) =>
        (query.Range.From is { } from ? $" AND ts >= {SqlText.Literal(from.UnixMicroseconds)}" : "")
        + (query.Range.To is { } to ? $" AND ts < {SqlText.Literal(to.UnixMicroseconds)}" : "");
}
