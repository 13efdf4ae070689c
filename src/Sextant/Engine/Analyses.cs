using Sextant.Analysis;
using Sextant.Analysis.Cohorts;
using Sextant.Analysis.Engagement;
using Sextant.Analysis.Experiments;
using Sextant.Analysis.Funnels;
using Sextant.Analysis.Growth;
using Sextant.Analysis.Health;
using Sextant.Analysis.Impact;
using Sextant.Analysis.Marts;
using Sextant.Analysis.Paths;
using Sextant.Analysis.Retention;
using Sextant.Analysis.Revenue;

namespace Sextant.Engine;

/// <summary>
/// Every analysis Sextant knows, one registration line each, and the one way to run a query:
/// the engine measures, the analysis's shaper shapes. Adding an analysis is a folder under
/// Analysis/ plus one line here.
/// </summary>
public static class Analyses
{
    private static readonly Dictionary<Type, AnalysisRegistration> Registered = new AnalysisRegistration[]
    {
        AnalysisRegistration.Of<CohortSizesQuery, CohortSizesMeasures, CohortSizesResult>(CohortSizesShaper.Shape, CohortSizesMeasurer.Measure),
        AnalysisRegistration.Of<EngagementQuery, EngagementMeasures, EngagementResult>(EngagementShaper.Shape, EngagementMeasurer.Measure),
        AnalysisRegistration.Of<FunnelQuery, FunnelMeasures, FunnelResult>(FunnelShaper.Shape, FunnelMeasurer.Measure),
        AnalysisRegistration.Of<LifecycleFunnelQuery, LifecycleFunnelMeasures, LifecycleFunnelResult>(LifecycleFunnelShaper.Shape, LifecycleFunnelMeasurer.Measure),
        AnalysisRegistration.Of<RetentionQuery, RetentionMeasures, RetentionResult>(RetentionShaper.Shape, RetentionMeasurer.Measure),
        AnalysisRegistration.Of<RevenueQuery, RevenueMeasures, RevenueResult>(RevenueShaper.Shape, RevenueMeasurer.Measure),
        AnalysisRegistration.Of<PathQuery, PathMeasures, PathResult>(PathShaper.Shape, PathMeasurer.Measure),
        AnalysisRegistration.Of<HealthQuery, HealthMeasures, HealthResult>(HealthShaper.Shape, HealthMeasurer.Measure),
        AnalysisRegistration.Of<GrowthQuery, GrowthMeasures, GrowthResult>(GrowthShaper.Shape, GrowthMeasurer.Measure),
        AnalysisRegistration.Of<ExperimentQuery, ExperimentMeasures, ExperimentResult>(ExperimentShaper.Shape, ExperimentMeasurer.Measure),
        AnalysisRegistration.Of<ImpactQuery, ImpactMeasures, ImpactResult>(ImpactShaper.Shape, ImpactMeasurer.Measure),
        AnalysisRegistration.Of<CohortEngagementQuery, CohortEngagementMeasures, CohortEngagementResult>(CohortEngagementShaper.Shape, CohortEngagementMeasurer.Measure),
        AnalysisRegistration.Of<ChannelAttributionQuery, ChannelAttributionMeasures, ChannelAttributionResult>(ChannelAttributionShaper.Shape, ChannelAttributionMeasurer.Measure),
    }.ToDictionary(r => r.QueryType);

    /// <summary>Runs <paramref name="query"/> on <paramref name="engine"/> and shapes its result.</summary>
    /// <exception cref="SextantException">The query is invalid for the data.</exception>
    public static TResult Run<TMeasures, TResult>(this IAnalysisEngine engine, IAnalysisQuery<TMeasures, TResult> query)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(query);
        var measures = engine.Measure(query);
        return (TResult)For(query.GetType()).Shape(query, measures!);
    }

    /// <summary>The registration of a query type.</summary>
    internal static AnalysisRegistration For(Type queryType) =>
        Registered.TryGetValue(queryType, out var registration)
            ? registration
            : throw new NotSupportedException($"{queryType.Name} is not a registered analysis");

    /// <summary>The query types of every registered analysis.</summary>
    public static IEnumerable<Type> QueryTypes => Registered.Keys;
}
