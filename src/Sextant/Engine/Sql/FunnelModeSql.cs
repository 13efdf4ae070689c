using System.Globalization;
using Sextant.Analysis.Funnels;

namespace Sextant.Engine.Sql;

/// <summary>
/// The steps of strict and unordered funnels for <see cref="FunnelSql"/> on PostgreSQL and DuckDB
/// (docs/FUNNELS.md). Both depend on the order of rows at one instant, so each entity's rows are
/// numbered as the in-memory table orders them: by time, then by store row (<c>seq</c>). Each
/// attempt is one step-1 row (strict) or one step row (unordered), named by its number. Each
/// <c>reach_k</c> holds (uid, start, attempt, previous_at, reached_at) of every attempt that
/// reached step k; the result is the column that orders attempts, earliest first.
/// </summary>
internal static class FunnelModeSql
{
    /// <summary>
    /// Strict: from its step-1 row an attempt takes the first step-k row after its step-(k−1) row,
    /// passing over rows of other steps, before the first row that is no step (any other event, or a
    /// step's event whose filter fails: it resets progress) and within the window. Rows are numbered
    /// in time order, so the first later row by number is also the earliest by time.
    /// </summary>
    public static string StrictSteps(SqlText sql, FunnelQuery query, SqlRelations relations, string window)
    {
        var rows = relations.Add("funnel_rows", $"""
            SELECT uid, ts, step, row_number() OVER (PARTITION BY uid ORDER BY ts, seq) AS pos{FunnelSql.EventValueNames(query)}
            FROM ({IdentitySql.Entities(sql, "1 = 1", Carried(sql, query))}) AS entity_events
            """, materialized: true);
        AttemptValues(query, relations, rows);
        relations.Add("reach_0", $"""
            SELECT uid, ts AS start, pos AS attempt, reset_pos, ts AS previous_at, ts AS reached_at, pos AS reached_pos
            FROM (
                SELECT uid, ts, pos, step,
                    min(CASE WHEN step = -1 THEN pos END) OVER (PARTITION BY uid ORDER BY pos DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reset_pos
                FROM {rows}
            ) AS resets
            WHERE step = 0{FunnelSql.Range(query)}
            """, materialized: true);
        // Latest first, the running minimum over the step-k rows after an attempt's row is its next step-k row.
        for (var k = 1; k < query.Steps.Count; k++)
            relations.Add($"reach_{k}", $"""
                SELECT uid, start, attempt, reset_pos, previous_at, reached_at, reached_pos
                FROM (
                    SELECT uid, start, attempt, reset_pos, kind, previous_at,
                        min(step_pos) OVER (PARTITION BY uid ORDER BY after_pos DESC, kind ROWS UNBOUNDED PRECEDING) AS reached_pos,
                        min(step_at) OVER (PARTITION BY uid ORDER BY after_pos DESC, kind ROWS UNBOUNDED PRECEDING) AS reached_at
                    FROM (
                        SELECT uid, start, attempt, reset_pos, reached_pos AS after_pos, 0 AS kind, reached_at AS previous_at,
                            CAST(NULL AS BIGINT) AS step_pos, CAST(NULL AS BIGINT) AS step_at
                        FROM {relations.Ref($"reach_{k - 1}")}
                        UNION ALL
                        SELECT uid, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), pos, 1, CAST(NULL AS BIGINT), pos, ts
                        FROM {rows} WHERE step = {k}
                    ) AS attempts_and_steps
                ) AS next_steps
                WHERE kind = 0 AND reached_at <= start + {window} AND (reset_pos IS NULL OR reached_pos < reset_pos)
                """, materialized: true);
        return "attempt";
    }

    /// <summary>
    /// Unordered: any step row opens an attempt, which completes each step at that step's first row
    /// from the attempt's row on (in row order) within the window; its k-th completion, in time, is
    /// how it reaches step k. Steps share no event, so a row completes its own step only.
    /// </summary>
    public static string UnorderedSteps(SqlText sql, FunnelQuery query, SqlRelations relations, string window)
    {
        var steps = query.Steps.Count;
        string Index(int k) => k.ToString(CultureInfo.InvariantCulture);
        var rows = relations.Add("funnel_rows", $"""
            SELECT uid, ts, step, row_number() OVER (PARTITION BY uid ORDER BY ts, seq) AS pos{FunnelSql.EventValueNames(query)}
            FROM ({IdentitySql.Entities(sql, $"event IN ({sql.List(query.Steps.SelectMany(s => s.Events).Distinct(StringComparer.Ordinal))})", Carried(sql, query))}) AS entity_events
            WHERE step >= 0
            """, materialized: true);
        AttemptValues(query, relations, rows);
        // Latest first, the running minimum of a step's instants is its first row from this one on.
        var next = string.Join(",\n", Enumerable.Range(0, steps).Select(k =>
            $"    min(CASE WHEN step = {Index(k)} THEN ts END) OVER (PARTITION BY uid ORDER BY pos DESC ROWS UNBOUNDED PRECEDING) AS next_{Index(k)}"));
        var upcoming = relations.Add("upcoming_steps", $"""
            SELECT uid, ts AS start, pos AS attempt,
            {next}
            FROM {rows}
            """, materialized: true);
        var completions = string.Join("\n    UNION ALL ", Enumerable.Range(0, steps).Select(k =>
            $"SELECT uid, start, attempt, next_{Index(k)} AS completed_at FROM {upcoming} WHERE next_{Index(k)} <= start + {window}{Range(query)}"));
        var ranked = relations.Add("completions", $"""
            SELECT uid, start, attempt, completed_at AS reached_at,
                lag(completed_at) OVER (PARTITION BY uid, attempt ORDER BY completed_at) AS previous_at,
                row_number() OVER (PARTITION BY uid, attempt ORDER BY completed_at) AS completed
            FROM (
                {completions}
            ) AS completed_steps
            """, materialized: true);
        for (var k = 0; k < steps; k++)
            relations.Add($"reach_{Index(k)}", $"SELECT uid, start, attempt, coalesce(previous_at, reached_at) AS previous_at, reached_at FROM {ranked} WHERE completed = {Index(k + 1)}", materialized: true);
        return "attempt";
    }

    /// <summary>The columns each row carries through the identity join: its step, its store row and any event-property breakdown values.</summary>
    private static (string Expression, string Name)[] Carried(SqlText sql, FunnelQuery query) =>
        [(FunnelSql.StepOf(sql, query), "step"), ("seq", "seq"), .. FunnelSql.EventValues(sql, query)];

    /// <summary><c>attempt_values</c>: each attempt's (uid, attempt_id) and the event-property breakdown values of its row, when there are such breakdowns.</summary>
    private static void AttemptValues(FunnelQuery query, SqlRelations relations, string rows)
    {
        if (query.Breakdowns.Any(b => b.Source == Analysis.BreakdownSource.Event))
            relations.Add("attempt_values", $"SELECT uid, pos AS attempt_id{FunnelSql.EventValueNames(query)} FROM {rows}", materialized: true);
    }

    /// <summary>The funnel's range as conditions on an attempt's <c>start</c>, each led by AND.</summary>
    private static string Range(FunnelQuery query) => FunnelSql.Range(query).Replace(" ts ", " start ", StringComparison.Ordinal);
}
