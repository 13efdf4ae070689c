using Sextant.Analysis;

namespace Sextant.Engine;

/// <summary>
/// Computes the measures of a query where the data live: in memory over an EventTable, or
/// (later) pushed down as SQL. Every engine returns the same measures for the same data, and
/// the same shaper turns them into results, so results do not depend on the engine.
/// </summary>
public interface IAnalysisEngine
{
    /// <summary>A short name for messages and benchmarks ("in-memory", "postgresql", …).</summary>
    string Name { get; }

    /// <summary>The measures of <paramref name="query"/>.</summary>
    /// <exception cref="SextantException">The query names an event, property or attribute the data do not have, or is invalid.</exception>
    /// <exception cref="NotSupportedException">This engine cannot compute this kind of query.</exception>
    TMeasures Measure<TMeasures, TResult>(IAnalysisQuery<TMeasures, TResult> query);
}
