using Sextant.Analysis;
using Sextant.Analysis.Funnels;
using Sextant.Analysis.Retention;
using Sextant.Storage.Warehouse;

namespace Sextant.Engine.Sql;

/// <summary>
/// Computes measures inside the warehouse: each supported query becomes SQL that returns the
/// analysis's aggregates (never raw events), read into the same measures records the in-memory
/// engine returns, so the shared shapers do the rest. Queries it cannot push down throw
/// <see cref="NotSupportedException"/>; <see cref="PushdownEngine"/> then asks the in-memory engine.
/// </summary>
public sealed class SqlEngine : IAnalysisEngine
{
    private readonly SqlSession _session;

    /// <summary>An engine over <paramref name="warehouse"/> cutting calendar periods in <paramref name="zone"/>.</summary>
    /// <param name="warehouse">The database holding the store.</param>
    /// <param name="zone">The project time zone.</param>
    public SqlEngine(IWarehouse warehouse, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        ArgumentNullException.ThrowIfNull(zone);
        _session = new SqlSession(warehouse, zone);
        Name = warehouse.Dialect switch
        {
            SqlDialect.PostgreSql => "postgresql",
            SqlDialect.ClickHouse => "clickhouse",
            _ => "duckdb",
        };
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public TMeasures Measure<TMeasures, TResult>(IAnalysisQuery<TMeasures, TResult> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        object measures = query switch
        {
            FunnelQuery funnel => FunnelSqlMeasurer.Measure(_session, funnel),
            RetentionQuery retention => RetentionSqlMeasurer.Measure(_session, retention),
            Analysis.Experiments.ExperimentQuery experiment => ExperimentSqlMeasurer.Measure(_session, experiment),
            Analysis.Revenue.RevenueQuery revenue => RevenueSqlMeasurer.Measure(_session, revenue),
            Analysis.Engagement.EngagementQuery engagement => EngagementSqlMeasurer.Measure(_session, engagement),
            _ => throw new NotSupportedException($"{query.GetType().Name} is not pushed down to SQL yet"),
        };
        return (TMeasures)measures;
    }
}
