using System.Globalization;
using Sextant.Analysis.Funnels;

namespace Sextant.Engine.Sql;

/// <summary>
/// Strict and unordered funnels for ClickHouse 18.16 (<see cref="FunnelArraySql"/>): each entity's
/// rows sorted by time, then store row (<c>seq</c>), as the in-memory table orders them, and
/// numbered by position. Every lookup "the first row of a kind after this position" is one merge
/// (<see cref="FunnelArrayLookup"/>), so an entity costs a few sorts of its rows per step. No lambda reads
/// a column it is not given as an argument: ClickHouse copies a captured array once per element,
/// attempts × rows.
/// </summary>
internal static class FunnelArrayModeSql
{
    /// <summary>Above every instant: a step an unordered attempt did not complete sorts last.</summary>
    private const string Never = "toInt64(9223372036854775807)";

    /// <summary>
    /// Strict: every step-1 row in the range is an attempt; its progress ends at the first row after
    /// it that is no step (<c>reset</c>). Step k is the first step-k row after the step-(k−1) row,
    /// reached while before the reset and within the window.
    /// </summary>
    public static string StrictLevels(SqlText sql, FunnelQuery query, string window)
    {
        var steps = query.Steps.Count;
        // Any event may reset an attempt, so every row of an entity takes part.
        var level = $"""
            SELECT *,
                arrayFilter((pos, step) -> step = -1, row_pos, row_step) AS reset_rows,
                arrayFilter((pos, step, ts) -> step = 0{FunnelSql.Range(query)}, row_pos, row_step, row_ts) AS attempt_pos,
                arrayFilter((ts, step) -> step = 0{FunnelSql.Range(query)}, row_ts, row_step) AS start_0{StepRows(1, steps)}
            FROM ({Rows(sql, query, "1 = 1", "", $"step = 0{FunnelSql.Range(query)}")})
            """;
        level = $"""
            SELECT *,
                {FunnelArrayLookup.NextAfter("reset", "attempt_pos", "reset_rows", "reset_rows", orEqual: false)},
                attempt_pos AS reached_pos_0
            FROM ({level})
            """;
        for (var k = 1; k < steps; k++)
        {
            string Name(string column, int step) => step == 0 && column is "at" or "reset"
                ? column == "at" ? "start_0" : "reset_key"
                : $"{column}_{Index(step)}";
            level = $"""
                SELECT *,
                    {FunnelArrayLookup.NextAfter($"next_{Index(k)}", Name("reached_pos", k - 1), $"pos_rows_{Index(k)}", $"ts_rows_{Index(k)}", orEqual: false)},
                    arrayMap((pos, at, reset, start) -> pos > 0 AND (reset = 0 OR pos < reset) AND at <= start + {window}, next_{Index(k)}_key, next_{Index(k)}_value, {Name("reset", k - 1)}, {Name("start", k - 1)}) AS alive_{Index(k)},
                    arrayFilter((start, alive) -> alive, {Name("start", k - 1)}, alive_{Index(k)}) AS start_{Index(k)},
                    arrayFilter((reset, alive) -> alive, {Name("reset", k - 1)}, alive_{Index(k)}) AS reset_{Index(k)},
                    arrayFilter((at, alive) -> alive, {Name("at", k - 1)}, alive_{Index(k)}) AS previous_{Index(k)},
                    arrayFilter((at, alive) -> alive, next_{Index(k)}_value, alive_{Index(k)}) AS at_{Index(k)},
                    arrayFilter((pos, alive) -> alive, next_{Index(k)}_key, alive_{Index(k)}) AS reached_pos_{Index(k)}
                FROM ({level})
                """;
        }
        return level;
    }

    /// <summary>
    /// Unordered: every step row in the range is an attempt; it completes each step at that step's
    /// first row at or after its own position within the window, and its k-th completion in time
    /// is how it reaches step k (the first is its own row).
    /// </summary>
    public static string UnorderedLevels(SqlText sql, FunnelQuery query, string window)
    {
        var steps = query.Steps.Count;
        var names = query.Steps.SelectMany(s => s.Events).Concat(query.Exclude).Distinct(StringComparer.Ordinal);
        var level = $"""
            SELECT *,
                arrayFilter((pos, ts) -> 1 = 1{FunnelSql.Range(query)}, row_pos, row_ts) AS attempt_pos,
                arrayFilter(ts -> 1 = 1{FunnelSql.Range(query)}, row_ts) AS start_0{StepRows(0, steps)}
            FROM ({Rows(sql, query, $"event IN ({sql.List(names)})", "If", $"step >= 0{FunnelSql.Range(query)}")})
            """;
        var completions = Enumerable.Range(0, steps).Select(s => $"""
                    {FunnelArrayLookup.NextAfter($"next_{Index(s)}", "attempt_pos", $"pos_rows_{Index(s)}", $"ts_rows_{Index(s)}", orEqual: true)},
                    arrayMap((pos, at, start) -> if(pos > 0 AND at <= start + {window}, at, {Never}), next_{Index(s)}_key, next_{Index(s)}_value, start_0) AS completed_{Index(s)}
            """);
        var each = Enumerable.Range(0, steps).Select(s => $"c{Index(s)}").ToList();
        level = $"""
            SELECT *,
                {string.Join(",\n", completions)},
                arrayMap(({string.Join(", ", each)}) -> arraySort([{string.Join(", ", each)}]), {string.Join(", ", Enumerable.Range(0, steps).Select(s => $"completed_{Index(s)}"))}) AS completions
            FROM ({level})
            """;
        var reached = Enumerable.Range(1, steps - 1).Select(k => $"""
                    arrayFilter((start, done) -> done[{Index(k + 1)}] < {Never}, start_0, completions) AS start_{Index(k)},
                    arrayMap(done -> done[{Index(k)}], arrayFilter(done -> done[{Index(k + 1)}] < {Never}, completions)) AS previous_{Index(k)},
                    arrayMap(done -> done[{Index(k + 1)}], arrayFilter(done -> done[{Index(k + 1)}] < {Never}, completions)) AS at_{Index(k)}
            """);
        return $"""
            SELECT *,
                {string.Join(",\n", reached)}
            FROM ({level})
            """;
    }

    /// <summary>
    /// One row per entity that opens an attempt: its rows (those matching <paramref name="where"/>,
    /// or of a step when <paramref name="ifStep"/> is "If") by (ts, seq) as <c>row_ts</c>,
    /// <c>row_step</c> and <c>row_pos</c> (1-based), and the exclusion events' instants.
    /// </summary>
    private static string Rows(SqlText sql, FunnelQuery query, string where, string ifStep, string opens) => $"""
        SELECT *,
            arrayMap(row -> tupleElement(row, 1), entity_rows) AS row_ts,
            arrayMap(row -> toInt64(tupleElement(row, 3)), entity_rows) AS row_step,
            arrayMap(pos -> toInt64(pos), arrayEnumerate(entity_rows)) AS row_pos
        FROM (
            SELECT uid,
                arraySort(groupArray{ifStep}((ts, seq, step){(ifStep.Length == 0 ? "" : ", step >= 0")})) AS entity_rows,
                {(query.Exclude.Count == 0 ? "emptyArrayInt64() AS excluded_at" : $"groupArrayIf(ts, event IN ({sql.List(query.Exclude)})) AS excluded_at")}
            FROM ({IdentitySql.Entities(sql, where, (FunnelSql.StepOf(sql, query), "step"), ("seq", "seq"))}) AS entity_events
            GROUP BY uid
            HAVING countIf({opens}) > 0
        )
        """;

    /// <summary>", pos_rows_k …, ts_rows_k …": the positions and instants of each step's rows from <paramref name="from"/> on.</summary>
    private static string StepRows(int from, int steps) => string.Concat(Enumerable.Range(from, steps - from).Select(k => $"""
        ,
                arrayFilter((pos, step) -> step = {Index(k)}, row_pos, row_step) AS pos_rows_{Index(k)},
                arrayFilter((ts, step) -> step = {Index(k)}, row_ts, row_step) AS ts_rows_{Index(k)}
        """));

    private static string Index(int k) => k.ToString(CultureInfo.InvariantCulture);
}
