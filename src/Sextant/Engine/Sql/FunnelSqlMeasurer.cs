using System.Text;
using Sextant.Analysis;
using Sextant.Analysis.Funnels;
using Sextant.Storage.Warehouse;

namespace Sextant.Engine.Sql;

/// <summary>
/// Funnels pushed down: runs <see cref="FunnelSql"/> and lays its rows out as the in-memory
/// measurer does (users per step, each step's timings sorted, a group present only when someone
/// in it reached step 1). Breakdown groups come ordered by their values.
/// </summary>
internal static class FunnelSqlMeasurer
{
    /// <summary>ClickHouse's default max_query_size: the longest statement its parser takes.</summary>
    private const int ClickHouseMaxQuerySize = 262_144;

    /// <param name="session">The warehouse.</param>
    /// <param name="query">What to measure.</param>
    /// <param name="statement">The statement to run instead of the one built for <paramref name="query"/> (a script of <c>sextant sql</c>, checked against the engine).</param>
    /// <exception cref="NotSupportedException">The funnel uses what is not pushed down yet.</exception>
    /// <exception cref="SextantException">Fewer than two steps, more than 64, or a non-positive window.</exception>
    public static FunnelMeasures Measure(SqlSession session, FunnelQuery query, string? statement = null)
    {
        FunnelMeasurer.Validate(query);
        var dialect = session.Sql.Dialect;
        if (!query.Breakdowns.All(b => FunnelSql.PushesDown(dialect, b)))
            throw new NotSupportedException(dialect == SqlDialect.ClickHouse
                ? "funnel breakdowns by an event property, a cohort or a trait are not pushed down to ClickHouse yet"
                : "funnel breakdowns by a cohort, a trait or the event columns revenue, source and event_id are not pushed down yet");
        if (dialect == SqlDialect.DuckDb)
            foreach (var breakdown in query.Breakdowns.Where(b => b.Source == BreakdownSource.Event && !FunnelSql.FilterColumns.Contains(b.Name, StringComparer.Ordinal)))
                if (HoldsNonText(session, breakdown.Name))
                    throw new NotSupportedException($"some events hold a number, object or array under '{breakdown.Name}', which DuckDB writes back in its own notation: the funnel broken down by it is not pushed down to DuckDB");
        if (query.Cohort is not null) throw new NotSupportedException("funnel cohort filters are not pushed down yet");
        if (FunnelSql.FiltersNotPushedDown(session.Sql.Dialect, query) is { } filters) throw new NotSupportedException(filters);
        var names = query.Steps.SelectMany(step => step.Events.Distinct(StringComparer.Ordinal)).ToList();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
            throw new NotSupportedException("funnels whose steps share an event are not pushed down yet");

        BreakdownSql.RequireNoTraitNamed(session, query.Breakdowns, "funnel");

        var steps = query.Steps.Count;
        var groups = new SortedDictionary<string, GroupRows>(StringComparer.Ordinal);
        long excluded = 0;
        statement ??= FunnelSql.Build(session.Sql, query);
        // ClickHouse 18.16 has no WITH sub-queries, so each reference repeats its relation: a long funnel can outgrow the parser's limit.
        if (session.Sql.Dialect == SqlDialect.ClickHouse && Encoding.UTF8.GetByteCount(statement) > ClickHouseMaxQuerySize)
            throw new NotSupportedException($"this {steps}-step funnel's SQL is longer than ClickHouse's max_query_size");
        session.Read(statement, row =>
        {
            var part = row.GetString(0);
            if (part == "excluded")
            {
                excluded += row.GetInt64(3);
                return;
            }
            var (key, values) = BreakdownSql.GroupOf(row, 4, query.Breakdowns.Count);
            if (!groups.TryGetValue(key, out var group)) groups[key] = group = new GroupRows(values.Length == 0 ? default : ValueList.From(values), steps);
            var a = (int)row.GetInt64(1);
            var b = row.GetInt64(2);
            var n = row.GetInt64(3);
            switch (part)
            {
                case "depth": group.AtDepth[a] += n; break;
                case "previous": group.FromPrevious[a].Add((b, n)); break;
                default: group.FromStart[a].Add((b, n)); break;
            }
        });
        return new FunnelMeasures([.. groups.Values.Select(group => group.Measures(steps)).OfType<FunnelGroupMeasures>()], excluded);
    }

    /// <summary>Whether any event's properties hold a number, object or array under <paramref name="key"/> (DuckDB).</summary>
    private static bool HoldsNonText(SqlSession session, string key)
    {
        var found = false;
        var path = session.Sql.Literal($"$.\"{key}\"");
        session.Read($"SELECT count(*) FROM (SELECT 1 FROM sextant_events WHERE json_type(properties, {path}) NOT IN ('VARCHAR', 'BOOLEAN', 'NULL') LIMIT 1) AS found", row => found = row.GetInt64(0) > 0);
        return found;
    }

    /// <summary>One breakdown group's rows: entities per furthest step, and (µs, entities) per step.</summary>
    private sealed class GroupRows(ValueList<string> values, int steps)
    {
        public long[] AtDepth { get; } = new long[steps + 1];
        public List<(long Micros, long Users)>[] FromPrevious { get; } = [.. Enumerable.Range(0, steps).Select(_ => new List<(long, long)>())];
        public List<(long Micros, long Users)>[] FromStart { get; } = [.. Enumerable.Range(0, steps).Select(_ => new List<(long, long)>())];

        /// <summary>The group's steps; null when nobody in it reached step 1.</summary>
        public FunnelGroupMeasures? Measures(int steps)
        {
            // An entity whose furthest step is d counts at every step up to d.
            var users = new long[steps];
            for (var k = steps - 1; k >= 0; k--) users[k] = AtDepth[k + 1] + (k + 1 < steps ? users[k + 1] : 0);
            if (users[0] == 0) return null;
            return new FunnelGroupMeasures(values, [.. Enumerable.Range(0, steps).Select(k => k == 0
                ? FunnelStepMeasures.Count(users[0])
                : new FunnelStepMeasures(users[k], Expand(FromPrevious[k]), Expand(FromStart[k])))]);
        }
    }

    /// <summary>A sorted list from (value, how many) pairs.</summary>
    private static long[] Expand(List<(long Micros, long Users)> counts)
    {
        counts.Sort();
        var values = new long[counts.Sum(c => c.Users)];
        var at = 0;
        foreach (var (micros, users) in counts)
            for (var i = 0; i < users; i++) values[at++] = micros;
        return values;
    }
}
