using Sextant.Analysis;
using Sextant.Analysis.Cohorts;
using Sextant.Analysis.Experiments;
using Sextant.Analysis.Impact;

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
        AnalysisRegistration.Of<ExperimentQuery, ExperimentMeasures, ExperimentResult>(ExperimentShaper.Shape, ExperimentMeasurer.Measure),
        AnalysisRegistration.Of<ImpactQuery, ImpactMeasures, ImpactResult>(ImpactShaper.Shape, ImpactMeasurer.Measure),
        AnalysisRegistration.Of<ChannelAttributionQuery, ChannelAttributionMeasures, IReadOnlyList<ChannelCredit>>(ChannelAttributionShaper.Shape, ChannelAttributionMeasurer.Measure),
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
