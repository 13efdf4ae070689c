using System.Globalization;
using Sextant.Analysis.Funnels;

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
            var carried = string.Join(", ", Enumerable.Range(0, k).Select(i => $"a.t{i}"));
            relations.Add($"reach_{k}", $"""
                SELECT a.uid AS uid, a.start AS start, {string.Join(", ", Enumerable.Range(0, k).Select(i => $"a.t{i} AS t{i}"))}, min(e.ts) AS t{k}
                FROM {relations.Ref($"reach_{k - 1}", "a")} INNER JOIN {relations.Ref("funnel_events", "e")} ON e.uid = a.uid
                WHERE e.step = {k} AND e.ts >= a.t{k - 1} AND e.ts <= a.start + {window}
                GROUP BY a.uid, a.start, {carried}
                """);
        }
        for (var k = 0; k < steps; k++)
        {
            var previous = k == 0 ? "a.t0" : $"a.t{k - 1}";
            relations.Add($"earliest_{k}", $"""
                SELECT a.uid AS uid, a.start AS start, {previous} AS previous_at, a.t{k} AS reached_at
                FROM {relations.Ref($"reach_{k}", "a")}
                INNER JOIN (SELECT uid, min(start) AS first_start FROM {relations.Ref($"reach_{k}")} GROUP BY uid) AS f ON f.uid = a.uid AND f.first_start = a.start
                """);
        }
        var reached = string.Join("\n    UNION ALL ", Enumerable.Range(0, steps).Select(k =>
            $"SELECT uid, {sql.Int64((k + 1).ToString(CultureInfo.InvariantCulture))} AS depth, start, reached_at FROM {relations.Ref($"earliest_{k}")}"));
        var attempts = relations.Add("deciding_attempts", $"SELECT uid, depth, start, reached_at FROM (\n    {reached}\n) AS reached_steps");
        var depths = relations.Add("depths", $"SELECT uid, max(depth) AS depth FROM {attempts} GROUP BY uid");
        var excluded = relations.Add("excluded", query.Exclude.Count == 0
            ? $"SELECT uid FROM {depths} WHERE 1 = 0"
            : $"""
              SELECT DISTINCT d.uid AS uid
              FROM {relations.Ref("deciding_attempts", "d")}
              INNER JOIN {relations.Ref("depths", "m")} ON m.uid = d.uid AND m.depth = d.depth
              INNER JOIN ({IdentitySql.Entities(sql, $"event IN ({sql.List(query.Exclude)})")}) AS x ON x.uid = d.uid
              WHERE x.ts >= d.start AND x.ts <= d.reached_at
              """);
        var zero = sql.Int64("0");
        var parts = new List<string>
        {
            $"SELECT 'depth' AS part, depth AS a, {zero} AS b, {sql.CountRows()} AS n FROM {depths} WHERE uid NOT IN (SELECT uid FROM {excluded}) GROUP BY depth",
            $"SELECT 'excluded', {zero}, {zero}, {sql.CountRows()} FROM {excluded}",
        };
        for (var k = 1; k < steps; k++)
        {
            var step = sql.Int64(k.ToString(CultureInfo.InvariantCulture));
            var earliest = relations.Ref($"earliest_{k}");
            parts.Add($"SELECT 'previous', {step}, reached_at - previous_at, {sql.CountRows()} FROM {earliest} WHERE uid NOT IN (SELECT uid FROM {excluded}) GROUP BY reached_at - previous_at");
            parts.Add($"SELECT 'start', {step}, reached_at - start, {sql.CountRows()} FROM {earliest} WHERE uid NOT IN (SELECT uid FROM {excluded}) GROUP BY reached_at - start");
        }
        return relations.Statement(string.Join("\nUNION ALL\n", parts));
    }
}
