using System.Globalization;
using Sextant.Analysis.Funnels;

namespace Sextant.Engine.Sql;

/// <summary>
/// The funnels of <see cref="FunnelSql"/> for ClickHouse 18.16, which has no window functions:
/// one row per entity holds its attempts and each step's events as sorted arrays, and each step
/// is one merge (<see cref="FunnelArrayLookup"/>): the attempts' previous instants sorted together
/// with the step's events give each attempt its next step event, a sort per step, never an
/// attempt against every event. Strict and unordered funnels are <see cref="FunnelArrayModeSql"/>'s.
/// The rows are <see cref="FunnelSql"/>'s, from one pass over the entities (each entity's rows
/// come out of one arrayJoin), and the statement's length grows linearly with the steps.
/// </summary>
internal static class FunnelArraySql
{
    public static string Build(SqlText sql, FunnelQuery query)
    {
        var window = SqlText.Literal(query.Window.Ticks / TimeSpan.TicksPerMicrosecond);
        var levels = query.Order switch
        {
            FunnelOrder.Strict => FunnelArrayModeSql.StrictLevels(sql, query, window),
            FunnelOrder.Unordered => FunnelArrayModeSql.UnorderedLevels(sql, query, window),
            _ => OrderedLevels(sql, query, window),
        };
        return Counted(sql, query, levels);
    }

    /// <summary>
    /// One row per entity with <c>uid</c>, <c>excluded_at</c> and, per step k, <c>start_k</c>,
    /// <c>previous_k</c> and <c>at_k</c> (k ≥ 1): the starts, previous step's instants and step-k
    /// instants of the attempts that reached step k, in the attempts' order (earliest first).
    /// </summary>
    private static string OrderedLevels(SqlText sql, FunnelQuery query, string window)
    {
        var steps = query.Steps.Count;
        string Step(int k) => $"step = {Index(k)}";
        var names = query.Steps.SelectMany(s => s.Events).Concat(query.Exclude).Distinct(StringComparer.Ordinal);

        var perEntity = new List<string>
        {
            "uid",
            $"arraySort(groupUniqArrayIf(ts, {Step(0)}{FunnelSql.Range(query)})) AS start_0",
        };
        perEntity.AddRange(Enumerable.Range(1, steps - 1).Select(k => $"arraySort(groupArrayIf(ts, {Step(k)})) AS events_{Index(k)}"));
        perEntity.Add(query.Exclude.Count == 0 ? "emptyArrayInt64() AS excluded_at" : $"groupArrayIf(ts, event IN ({sql.List(query.Exclude)})) AS excluded_at");
        var level = $"""
            SELECT {string.Join(", ", perEntity)}
            FROM ({IdentitySql.Entities(sql, $"event IN ({sql.List(names)})", (FunnelSql.StepOf(sql, query), "step"))}) AS entity_events
            GROUP BY uid
            HAVING length(start_0) > 0
            """;

        // Per step: the alive attempts' starts, previous instants and reached instants, in start order.
        for (var k = 1; k < steps; k++)
        {
            // Step 1 is reached at the start: the first level's attempts are at start_0.
            string Name(string column, int step) => column == "at" && step == 0 ? "start_0" : $"{column}_{Index(step)}";
            level = $"""
                SELECT *,
                    {FunnelArrayLookup.NextAfter(Name("next", k), Name("at", k - 1), Name("events", k), $"arrayMap(at -> toInt64(1), {Name("events", k)})", orEqual: true)},
                    arrayMap((found, next, start) -> found = 1 AND next <= start + {window}, {Name("next", k)}_value, {Name("next", k)}_key, {Name("start", k - 1)}) AS {Name("alive", k)},
                    arrayFilter((start, alive) -> alive, {Name("start", k - 1)}, {Name("alive", k)}) AS {Name("start", k)},
                    arrayFilter((at, alive) -> alive, {Name("at", k - 1)}, {Name("alive", k)}) AS {Name("previous", k)},
                    arrayFilter((next, alive) -> alive, {Name("next", k)}_key, {Name("alive", k)}) AS {Name("at", k)}
                FROM ({level})
                """;
        }
        return level;
    }

    /// <summary>The funnel's rows (part, a, b, n, g0…) from the entities' levels: furthest step, exclusion and timings.</summary>
    private static string Counted(SqlText sql, FunnelQuery query, string level)
    {
        var steps = query.Steps.Count;
        var deepestFirst = Enumerable.Range(0, steps).Reverse().ToList();
        string Deciding(string column) => "multiIf(" + string.Join(", ", deepestFirst.Select(k => k == 0
            ? "start_0[1]"
            : $"length(start_{Index(k)}) > 0, {column}_{Index(k)}[1]")) + ")";
        var rows = new List<string>
        {
            "(toUInt8(is_excluded), 'excluded', toInt64(0), toInt64(0))",
            "(toUInt8(NOT is_excluded), 'depth', toInt64(depth), toInt64(0))",
        };
        foreach (var k in Enumerable.Range(1, steps - 1))
        {
            var reached = $"toUInt8(NOT is_excluded AND length(start_{Index(k)}) > 0)";
            rows.Add($"({reached}, 'previous', toInt64({Index(k)}), toInt64(at_{Index(k)}[1] - previous_{Index(k)}[1]))");
            rows.Add($"({reached}, 'start', toInt64({Index(k)}), toInt64(at_{Index(k)}[1] - start_{Index(k)}[1]))");
        }
        var groups = string.Concat(query.Breakdowns.Select((_, i) => $", g{Index(i)}"));
        // The profiles live on the entry server; this join runs there, after the entities are grouped.
        var profiles = groups.Length == 0 ? "" : $" ANY LEFT JOIN (SELECT user_id AS uid, {string.Join(", ", query.Breakdowns.Select((b, i) => $"{b.Name} AS profile_{Index(i)}"))} FROM sextant_users_current) AS profiles USING uid";
        return $"""
            SELECT part, a, b, toInt64(count()) AS n{groups}
            FROM (
                SELECT tupleElement(entity_row, 2) AS part, tupleElement(entity_row, 3) AS a, tupleElement(entity_row, 4) AS b{groups}
                FROM (
                    SELECT arrayJoin([{string.Join(", ", rows)}]) AS entity_row{groups}
                    FROM (
                        SELECT *,
                            {string.Join(" + ", Enumerable.Range(0, steps).Select(k => $"(length(start_{Index(k)}) > 0)"))} AS depth,
                            {Deciding("start")} AS deciding_start,
                            {Deciding("at")} AS deciding_reached,
                            arrayExists(x -> x >= deciding_start AND x <= deciding_reached, excluded_at) AS is_excluded{BreakdownSql.ProfileValues(sql, query.Breakdowns, i => $"profile_{Index(i)}")}
                        FROM ({level}){profiles}
                    )
                )
                WHERE tupleElement(entity_row, 1) = 1
            )
            GROUP BY part, a, b{groups}
            """;
    }

    private static string Index(int k) => k.ToString(CultureInfo.InvariantCulture);
}
