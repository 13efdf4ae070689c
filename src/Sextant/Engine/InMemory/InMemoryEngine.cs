using Sextant.Analysis;
using Sextant.Events;

namespace Sextant.Engine.InMemory;

/// <summary>
/// The reference engine: one or a few parallel passes over an <see cref="EventTable"/> held in
/// memory. Its measures define what the SQL engines must reproduce.
/// </summary>
public sealed class InMemoryEngine : IAnalysisEngine
{
    /// <summary>An engine over a loaded table.</summary>
    public InMemoryEngine(EventTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        Table = table;
    }

    /// <summary>The events every query runs on.</summary>
    public EventTable Table { get; }

    /// <inheritdoc/>
    public string Name => "in-memory";

    /// <inheritdoc/>
    public TMeasures Measure<TMeasures, TResult>(IAnalysisQuery<TMeasures, TResult> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return (TMeasures)Analyses.For(query.GetType()).MeasureInMemory(Table, query);
    }
}
