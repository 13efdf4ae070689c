using System.Text;
using Sextant.Analysis.Funnels;
using Sextant.Storage.Warehouse;

namespace Sextant.Engine.Sql;

/// <summary>
/// Funnels pushed down: runs <see cref="FunnelSql"/> and lays its rows out as the in-memory
/// measurer does (users per step, each step's timings sorted, the one group present only when
/// someone reached step 1).
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
        if (query.Order != FunnelOrder.Ordered) throw new NotSupportedException($"{query.Order.ToString().ToLowerInvariant()} funnels are not pushed down yet");
        if (query.Breakdowns.Count > 0) throw new NotSupportedException("funnel breakdowns are not pushed down yet");
        if (query.Cohort is not null) throw new NotSupportedException("funnel cohort filters are not pushed down yet");
        if (query.Steps.Any(step => step.Filters.Count > 0)) throw new NotSupportedException("funnel step filters are not pushed down yet");
        var names = query.Steps.SelectMany(step => step.Events.Distinct(StringComparer.Ordinal)).ToList();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
            throw new NotSupportedException("funnels whose steps share an event are not pushed down yet");

        var steps = query.Steps.Count;
        var atDepth = new long[steps + 1];
        long excluded = 0;
        var fromPrevious = Enumerable.Range(0, steps).Select(_ => new List<(long Micros, long Users)>()).ToArray();
        var fromStart = Enumerable.Range(0, steps).Select(_ => new List<(long Micros, long Users)>()).ToArray();
        statement ??= FunnelSql.Build(session.Sql, query);
        // ClickHouse 18.16 has no WITH sub-queries, so each reference repeats its relation: a long funnel can outgrow the parser's limit.
        if (session.Sql.Dialect == SqlDialect.ClickHouse && Encoding.UTF8.GetByteCount(statement) > ClickHouseMaxQuerySize)
            throw new NotSupportedException($"this {steps}-step funnel's SQL is longer than ClickHouse's max_query_size");
        session.Read(statement, row =>
        {
            var a = (int)row.GetInt64(1);
            var b = row.GetInt64(2);
            var n = row.GetInt64(3);
            switch (row.GetString(0))
            {
                case "depth": atDepth[a] = n; break;
                case "excluded": excluded = n; break;
                case "previous": fromPrevious[a].Add((b, n)); break;
                default: fromStart[a].Add((b, n)); break;
            }
        });

        // A user whose furthest step is d counts at every step up to d.
        var users = new long[steps];
        for (var k = steps - 1; k >= 0; k--) users[k] = atDepth[k + 1] + (k + 1 < steps ? users[k + 1] : 0);
        if (users[0] == 0) return new FunnelMeasures([], excluded);
        var measured = Enumerable.Range(0, steps).Select(k => k == 0
            ? FunnelStepMeasures.Count(users[0])
            : new FunnelStepMeasures(users[k], Expand(fromPrevious[k]), Expand(fromStart[k]))).ToList();
        return new FunnelMeasures([new FunnelGroupMeasures(default, measured)], excluded);
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
