using Sextant.Analysis;
using Sextant.Analysis.Engagement;

namespace Sextant.Engine.Sql;

/// <summary>
/// Engagement pushed down: the window from the stored events' first and last instants, then two
/// statements (<see cref="EngagementSql"/>): the parts over users' active days together, and
/// feature adoption with its groups, each part's rows read into its part of the
/// <see cref="EngagementMeasures"/> the in-memory measurer returns. Parts with nothing to count
/// (an empty window, no collaboration events) are not asked.
/// </summary>
internal static partial class EngagementSqlMeasurer
{
    /// <exception cref="NotSupportedException">The query has a cohort filter, or a breakdown by a trait, an event property or a cohort.</exception>
    public static EngagementMeasures Measure(SqlSession session, EngagementQuery query)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(query);
        BreakdownSql.RequireProfileColumns(session, query.Breakdowns, "metrics");
        if (query.Cohort is not null) throw new NotSupportedException("metrics cohort filters are not pushed down yet");

        var plan = Plan(session, query);
        var window = Window(session, plan);
        var sql = session.Sql;
        // The parts over the users' active days share them in one statement; an empty window leaves activation alone, no data end nothing.
        var parts = plan.End == long.MinValue ? [] : plan.IsEmpty ? [EngagementSql.Part.Activation]
            : new List<EngagementSql.Part> { EngagementSql.Part.Activity, EngagementSql.Part.PowerUsers, EngagementSql.Part.Lifecycle, EngagementSql.Part.Activation };
        if (!plan.IsEmpty && query.CollaborationEvents.Count > 0) parts.Add(EngagementSql.Part.NorthStar);
        var rows = parts.Count == 0 ? [] : Read(session, EngagementSql.Statement(sql, query, window, [.. parts]));
        var activity = Activity(plan, rows);
        var activation = parts.Count == 0 ? NoActivation() : Activation(rows);
        var (features, groups) = ReadFeatures(session, EngagementSql.Features(sql, query, window, plan.Features, monthActives: false), query.Breakdowns.Count);
        var signedUp = groups.Sizes.Values.Sum(group => group.Users);
        var breakdown = query.Breakdowns.Count == 0 ? [] : Groups(session, plan, query, window, groups);
        return new EngagementMeasures(plan.End, activity, activation.Counts, activation.Speed, NorthStar(plan, rows), signedUp,
            Features(plan, features, activity.Monthly, groups), AdoptionGroups(groups), PowerUsers(plan, rows, signedUp), Lifecycle(plan, rows), breakdown);
    }

    /// <summary>The window as the in-memory engine cuts it (MetricsWindow): the range cut to the stored events' first and last instants.</summary>
    internal static EngagementSqlPlan Plan(SqlSession session, EngagementQuery query)
    {
        var (first, last) = session.EventSpan() ?? (long.MaxValue, long.MinValue);
        var end = Math.Min(last, query.Range.LastInstant ?? long.MaxValue);
        var start = Math.Max(query.Range.FromMicros, first);
        return new EngagementSqlPlan(session.CalendarAround(end), query, start, end, FeaturesOf(session, query));
    }

    /// <summary>The listed features, else every stored event that is active and not a system event, in ordinal order (as EngagementPlan lists them).</summary>
    private static IReadOnlyList<string> FeaturesOf(SqlSession session, EngagementQuery query)
    {
        if (query.Features.Count > 0) return [.. query.Features];
        return [.. session.EventNames().Where(name => !query.ExcludeEvents.Contains(name) && !SystemEvents.Is(name)).Order(StringComparer.Ordinal)];
    }

    internal static EngagementSqlWindow Window(SqlSession session, EngagementSqlPlan plan) =>
        new(SqlText.Literal(plan.Start), SqlText.Literal(plan.End), session.ZoneLiteral);

    /// <summary>One row of a part's statement.</summary>
    internal readonly record struct PartRow(string Part, string Name, long A, long B, long N);

    internal static List<PartRow> Read(SqlSession session, string statement)
    {
        var rows = new List<PartRow>();
        session.Read(statement, row => rows.Add(new PartRow(row.GetString(0), row.GetString(1), row.GetInt64(2), row.GetInt64(3), row.GetInt64(4))));
        return rows;
    }

    /// <summary>The quantiles of the durations whose ranked rows are <paramref name="ranked"/> (a = rank, b = µs, n = sample size), in <paramref name="unit"/> µs.</summary>
    private static DurationQuantiles Quantiles(IEnumerable<PartRow> ranked, double unit)
    {
        var values = new Dictionary<long, long>();
        long count = 0;
        foreach (var row in ranked)
        {
            values[row.A] = row.B;
            count = row.N;
        }
        return count == 0 ? DurationQuantiles.Empty : DurationQuantiles.OfRanks(count, rank => values[rank] / unit);
    }
}
