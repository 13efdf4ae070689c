using System.Globalization;
using Sextant.Analysis.Funnels;
using Sextant.Storage.Warehouse;

namespace Sextant.Engine.Sql;

/// <summary>
/// An ordered funnel as one SQL statement (docs/FUNNELS.md). Attempts are step-1 events in the
/// range (one per entity and instant: attempts opened at one instant reach the same steps);
/// <c>reach_k</c> extends each attempt that reached step k − 1 with the earliest step-k event at
/// or after it and within the window. Each entity's furthest step, the earliest attempt that
/// reached each step (its timings) and the deciding attempt (exclusions) follow. Rows are
/// (part, a, b, n): <c>depth</c> (a = furthest step, 1-based, n = entities), <c>previous</c> and
/// <c>start</c> (a = step index, b = µs from the previous step / from step 1, n = entities),
/// <c>excluded</c> (n = entities removed by an exclusion event).
/// </summary>
internal static class FunnelSql
{
    /// <summary>The statement for an ordered funnel whose steps share no event and filter no property.</summary>
    public static string Build(SqlText sql, FunnelQuery query)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(query);
        var steps = query.Steps.Count;
        var window = SqlText.Literal(query.Window.Ticks / TimeSpan.TicksPerMicrosecond);
        var relations = new SqlRelations(sql.Dialect);
        var stepOf = string.Join(" ", query.Steps.Select((step, k) => $"WHEN event IN ({sql.List(step.Events)}) THEN {k}"));
        var events = relations.Add("funnel_events", $"""
            SELECT uid, ts, CASE {stepOf} END AS step
            FROM ({IdentitySql.Entities(sql, $"event IN ({sql.List(query.Steps.SelectMany(s => s.Events).Distinct(StringComparer.Ordinal))})")}) AS entity_events
            """);
        var range = (query.Range.From is { } from ? $" AND ts >= {SqlText.Literal(from.UnixMicroseconds)}" : "")
            + (query.Range.To is { } to ? $" AND ts < {SqlText.Literal(to.UnixMicroseconds)}" : "");
        relations.Add("reach_0", $"SELECT DISTINCT uid, ts AS start, ts AS t0 FROM {events} WHERE step = 0{range}");
        for (var k = 1; k < steps; k++)
        {
            var carried = string.Join(", ", Enumerable.Range(0, k).Select(i => $"t{i}"));
            relations.Add($"reach_{k}", $"""
                SELECT uid, start, {carried}, min(step_at) AS t{k}
                FROM {relations.Ref($"reach_{k - 1}")}
                {sql.InnerJoin($"(SELECT uid, ts AS step_at FROM {events} WHERE step = {k}) AS step_events", "uid")}
                WHERE step_at >= t{k - 1} AND step_at <= start + {window}
                GROUP BY uid, start, {carried}
                """);
        }
        for (var k = 0; k < steps; k++) relations.Add($"earliest_{k}", Earliest(sql, relations.Ref($"reach_{k}"), $"t{Math.Max(k - 1, 0)}", $"t{k}"));
        var reached = string.Join("\n    UNION ALL ", Enumerable.Range(0, steps).Select(k =>
            $"SELECT uid, {sql.Int64((k + 1).ToString(CultureInfo.InvariantCulture))} AS depth, start, reached_at FROM {relations.Ref($"earliest_{k}")}"));
        var attempts = relations.Add("deciding_attempts", $"SELECT uid, depth, start, reached_at FROM (\n    {reached}\n) AS reached_steps");
        var depths = relations.Add("depths", $"SELECT uid, furthest AS depth FROM (SELECT uid, max(depth) AS furthest FROM {attempts} GROUP BY uid) AS furthest_steps");
        var excluded = relations.Add("excluded", query.Exclude.Count == 0
            ? $"SELECT uid FROM {depths} WHERE 1 = 0"
            : $"""
              SELECT DISTINCT uid
              FROM (SELECT uid, start, reached_at FROM {attempts} {sql.InnerJoin(depths, "uid, depth")}) AS deciding
              {sql.InnerJoin($"(SELECT uid, ts AS excluded_at FROM ({IdentitySql.Entities(sql, $"event IN ({sql.List(query.Exclude)})")}) AS excluding_events) AS exclusions", "uid")}
              WHERE excluded_at >= start AND excluded_at <= reached_at
              """);
        var zero = sql.Int64("0");
        var timings = relations.Add("timings", string.Join("\nUNION ALL\n", Enumerable.Range(1, steps - 1).Select(k =>
            $"SELECT uid, {sql.Int64(k.ToString(CultureInfo.InvariantCulture))} AS step, reached_at - previous_at AS from_previous, reached_at - start AS from_start FROM {relations.Ref($"earliest_{k}")}")));
        var counted = $"uid NOT IN (SELECT uid FROM {excluded})";
        var parts = new List<string>
        {
            $"SELECT 'depth' AS part, depth AS a, {zero} AS b, {sql.CountRows()} AS n FROM {depths} WHERE {counted} GROUP BY depth",
            $"SELECT 'excluded', {zero}, {zero}, {sql.CountRows()} FROM {excluded}",
            $"SELECT 'previous', step, from_previous, {sql.CountRows()} FROM {timings} WHERE {counted} GROUP BY step, from_previous",
            $"SELECT 'start', step, from_start, {sql.CountRows()} FROM {timings} WHERE {counted} GROUP BY step, from_start",
        };
        return relations.Statement(string.Join("\nUNION ALL\n", parts));
    }

    /// <summary>
    /// Per entity, the earliest attempt of <paramref name="reach"/> (one row per entity and start):
    /// its start and the instants of its previous and reached steps. ClickHouse picks them with
    /// argMin in one pass; the others join back on the first start.
    /// </summary>
    private static string Earliest(SqlText sql, string reach, string previous, string reached) => sql.Dialect == SqlDialect.ClickHouse
        ? $"""
          SELECT uid, first_start AS start, previous_at, reached_at
          FROM (SELECT uid, min(start) AS first_start, argMin({previous}, start) AS previous_at, argMin({reached}, start) AS reached_at FROM {reach} GROUP BY uid) AS earliest
          """
        : $"""
          SELECT uid, start, previous_at, reached_at
          FROM (SELECT uid, start, {previous} AS previous_at, {reached} AS reached_at FROM {reach}) AS attempts
          {sql.InnerJoin($"(SELECT uid, min(start) AS start FROM {reach} GROUP BY uid) AS earliest", "uid, start")}
          """;
}
