using System.Globalization;
using Sextant.Analysis.Funnels;

namespace Sextant.Engine.Sql;

/// <summary>
/// The ordered funnel of <see cref="FunnelSql"/> for ClickHouse 18.16, which has no window
/// functions: one row per entity holds its attempts' starts and each step's event instants as
/// sorted arrays, and each step is one merge. Greedy earliest matching keeps the attempts'
/// instants in the order of their starts (a later attempt never reaches a step earlier), so
/// sorting the attempts' previous instants (× 2) together with the step's events (× 2 + 1) and
/// counting the events before each attempt gives the index of its next step event: a sort per
/// step, never an attempt against every event. The rows are <see cref="FunnelSql"/>'s, from one
/// pass over the entities (each entity's rows come out of one arrayJoin), and the statement's
/// length grows linearly with the steps.
/// </summary>
internal static class FunnelArraySql
{
    public static string Build(SqlText sql, FunnelQuery query)
    {
        var steps = query.Steps.Count;
        var window = SqlText.Literal(query.Window.Ticks / TimeSpan.TicksPerMicrosecond);
        string Step(int k) => $"step = {Index(k)}";
        string Index(int k) => k.ToString(CultureInfo.InvariantCulture);
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
                    arraySort(arrayConcat(arrayMap(t -> t * 2, {Name("at", k - 1)}), arrayMap(t -> t * 2 + 1, {Name("events", k)}))) AS {Name("merged", k)},
                    arrayFilter((before, key) -> bitAnd(key, 1) = 0, arrayCumSum(arrayMap(key -> bitAnd(key, 1), {Name("merged", k)})), {Name("merged", k)}) AS {Name("before", k)},
                    arrayMap((before, start) -> if(before < length({Name("events", k)}), {Name("events", k)}[before + 1], start + {window} + 1), {Name("before", k)}, {Name("start", k - 1)}) AS {Name("next", k)},
                    arrayMap((next, start) -> next <= start + {window}, {Name("next", k)}, {Name("start", k - 1)}) AS {Name("alive", k)},
                    arrayFilter((start, alive) -> alive, {Name("start", k - 1)}, {Name("alive", k)}) AS {Name("start", k)},
                    arrayFilter((at, alive) -> alive, {Name("at", k - 1)}, {Name("alive", k)}) AS {Name("previous", k)},
                    arrayFilter((next, alive) -> alive, {Name("next", k)}, {Name("alive", k)}) AS {Name("at", k)}
                FROM ({level})
                """;
        }

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
                            arrayExists(x -> x >= deciding_start AND x <= deciding_reached, excluded_at) AS is_excluded{FunnelSql.ProfileValues(sql, query, i => $"profile_{Index(i)}")}
                        FROM ({level}){profiles}
                    )
                )
                WHERE tupleElement(entity_row, 1) = 1
            )
            GROUP BY part, a, b{groups}
            """;
    }
}
