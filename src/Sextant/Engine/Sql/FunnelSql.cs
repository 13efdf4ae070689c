using System.Globalization;
using Sextant.Analysis;
using Sextant.Analysis.Funnels;
using Sextant.Events;
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
internal static class FunnelSql
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
        var depths = relations.Add("depths", $"SELECT uid, furthest AS depth{ProfileValues(sql, query, i => query.Breakdowns[i].Source == BreakdownSource.Event ? $"start_values.e{i}" : "profiles." + query.Breakdowns[i].Name)} FROM (SELECT uid, max(depth) AS furthest FROM {attempts} GROUP BY uid) AS furthest_steps"
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

    /// <summary>
    /// Whether a breakdown's values are read in SQL: a profile column (traits live in JSON text), or on
    /// PostgreSQL and DuckDB an event property a step filter could read (DuckDB's numbers are checked
    /// by the measurer).
    /// </summary>
    internal static bool PushesDown(SqlDialect dialect, Breakdown breakdown) => breakdown.Source switch
    {
        BreakdownSource.Profile => ProfileColumns.FixedColumns.Contains(breakdown.Name, StringComparer.Ordinal),
        BreakdownSource.Event => dialect != SqlDialect.ClickHouse && ReadsProperty(dialect, breakdown.Name),
        _ => false,
    };

    /// <summary>Whether <see cref="PropertyText"/> reads the property as the in-memory table does.</summary>
    private static bool ReadsProperty(SqlDialect dialect, string property) =>
        FilterColumns.Contains(property, StringComparer.Ordinal)
        || (dialect != SqlDialect.ClickHouse && !NameCheck.BuiltInProperties.Contains(property)
            && !property.Contains('"', StringComparison.Ordinal) && !property.Contains('\\', StringComparison.Ordinal));

    /// <summary>", coalesce(profiles.plan, '(none)') AS g0" and so on: each breakdown's value, its profile column named by <paramref name="column"/>.</summary>
    internal static string ProfileValues(SqlText sql, FunnelQuery query, Func<int, string> column) => ProfileValues(sql, query.Breakdowns, column);

    /// <summary>", coalesce(…, '(none)') AS g0" and so on, for any analysis's breakdowns.</summary>
    internal static string ProfileValues(SqlText sql, IReadOnlyList<Breakdown> breakdowns, Func<int, string> column) => string.Concat(breakdowns.Select((_, i) =>
        $", {(sql.Dialect == SqlDialect.ClickHouse ? "ifNull" : "coalesce")}({column(i)}, {sql.Literal(Breakdowns.NoValue)}) AS g{i}"));

    /// <summary>Built-in event columns a step filter reads in SQL: their stored text is what the in-memory table reads.</summary>
    internal static readonly string[] FilterColumns = ["platform", "session_id", "workspace_id"];

    /// <summary>
    /// Why the funnel's step filters cannot be read in SQL, or null when they can: built-in columns of
    /// <see cref="FilterColumns"/>, and keys of the properties object on PostgreSQL and DuckDB.
    /// </summary>
    internal static string? FiltersNotPushedDown(SqlDialect dialect, FunnelQuery query)
    {
        foreach (var filter in query.Steps.SelectMany(step => step.Filters))
        {
            if (FilterColumns.Contains(filter.Property, StringComparer.Ordinal)) continue;
            if (NameCheck.BuiltInProperties.Contains(filter.Property))
                return $"funnel step filters on the event column '{filter.Property}' are not pushed down yet";
            if (dialect == SqlDialect.ClickHouse)
                return "funnel step filters on keys of the event properties are not pushed down to ClickHouse: version 18.16 has no JSON parser that reads a value as the in-memory engine does";
            if (dialect == SqlDialect.DuckDb && WrittenDifferently(filter.Value))
                return $"funnel step filters comparing with a number, object or array ('{filter.Property}={filter.Value}') are not pushed down to DuckDB: it reads such values back in its own notation";
            if (filter.Property.Contains('"', StringComparison.Ordinal) || filter.Property.Contains('\\', StringComparison.Ordinal))
                return $"funnel step filters on the property '{filter.Property}' (a quote or backslash in its name) are not pushed down";
        }
        return null;
    }

    /// <summary>
    /// Whether a value may be a JSON number, object or array, which DuckDB's JSON reader writes back
    /// in its own notation (1.50 as 1.5). Any other text compares alike: a number or object read
    /// back differently still never equals it.
    /// </summary>
    private static bool WrittenDifferently(string value) =>
        value.Length > 0 && (char.IsAsciiDigit(value[0]) || value[0] is '-' or '{' or '[' or '.' or '+');

    /// <summary>
    /// A property's text, as <see cref="EventTable.Property"/> reads it, over the events table's
    /// columns: a built-in column, else the top-level key of the properties object (strings
    /// unescaped; numbers, objects and arrays as written; booleans as true/false; null as absent).
    /// PostgreSQL's json type keeps a value's text as written; DuckDB's json_extract_string reads
    /// numbers, objects and arrays in its own notation, so a filter comparing with one of those runs in memory there.
    /// </summary>
    private static string PropertyText(SqlText sql, string property)
    {
        if (FilterColumns.Contains(property, StringComparer.Ordinal)) return property;
        return sql.Dialect == SqlDialect.PostgreSql
            ? $"(CAST(properties AS json) ->> {sql.Literal(property)})"
            : $"json_extract_string(properties, {sql.Literal($"$.\"{property}\"")})";
    }

    /// <summary>
    /// The step an event row satisfies (0-based), −1 for none, over the events table's columns: one of
    /// the step's names and every filter (an absent value is never equal and always unequal, as in
    /// <see cref="StepFilter.Holds"/>). Steps share no event, so a row satisfies one step at most.
    /// </summary>
    internal static string StepOf(SqlText sql, FunnelQuery query)
    {
        string Filter(StepFilter filter) => sql.Dialect == SqlDialect.ClickHouse
            ? $"ifNull({PropertyText(sql, filter.Property)} {(filter.Equal ? "=" : "!=")} {sql.Literal(filter.Value)}, {(filter.Equal ? 0 : 1)})"
            : $"coalesce({PropertyText(sql, filter.Property)} {(filter.Equal ? "=" : "<>")} {sql.Literal(filter.Value)}, {(filter.Equal ? "FALSE" : "TRUE")})";
        var cases = query.Steps.Select((step, k) =>
            $"WHEN event IN ({sql.List(step.Events)}){string.Concat(step.Filters.Select(f => " AND " + Filter(f)))} THEN {k}");
        return $"CASE {string.Join(" ", cases)} ELSE -1 END";
    }

    /// <summary>
    /// (uid, ts, step) of every event named by a step, each entity's as the in-memory table resolves it;
    /// step −1 when a filter fails. With event-property breakdowns, also the row's seq and each value (e0, …).
    /// </summary>
    internal static string StepEvents(SqlText sql, FunnelQuery query)
    {
        var values = EventValues(sql, query);
        (string, string)[] carried = values.Length == 0 ? [(StepOf(sql, query), "step")] : [(StepOf(sql, query), "step"), ("seq", "seq"), .. values];
        return $"""
            SELECT uid, ts, step{(values.Length == 0 ? "" : ", seq" + EventValueNames(query))}
            FROM ({IdentitySql.Entities(sql, $"event IN ({sql.List(query.Steps.SelectMany(s => s.Events).Distinct(StringComparer.Ordinal))})", carried)}) AS entity_events
            """;
    }

    /// <summary>Each event-property breakdown's value as a column over the events table: (expression, e{i}).</summary>
    internal static (string Expression, string Name)[] EventValues(SqlText sql, FunnelQuery query) =>
        [.. query.Breakdowns.Select((b, i) => (b, i)).Where(x => x.b.Source == BreakdownSource.Event)
            .Select(x => (PropertyText(sql, x.b.Name), $"e{x.i.ToString(CultureInfo.InvariantCulture)}"))];

    /// <summary>", e0, e2": the event-property breakdowns' value columns.</summary>
    internal static string EventValueNames(FunnelQuery query) => string.Concat(query.Breakdowns.Select((b, i) => b.Source == BreakdownSource.Event ? $", e{i}" : ""));

    /// <summary>The funnel's range as conditions on <c>ts</c>, each led by AND (empty without a range).</summary>
    internal static string Range(FunnelQuery query) =>
        (query.Range.From is { } from ? $" AND ts >= {SqlText.Literal(from.UnixMicroseconds)}" : "")
        + (query.Range.To is { } to ? $" AND ts < {SqlText.Literal(to.UnixMicroseconds)}" : "");
}
