using Sextant.Analysis;
using Sextant.Events;

namespace Sextant.Engine;

/// <summary>How one kind of analysis runs: its shaper and its in-memory measurer.</summary>
internal sealed class AnalysisRegistration
{
    private AnalysisRegistration(Type queryType, Func<object, object, object> shape, Func<EventTable, object, object> measureInMemory)
    {
        QueryType = queryType;
        Shape = shape;
        MeasureInMemory = measureInMemory;
    }

    public Type QueryType { get; }

    /// <summary>(query, measures) → result.</summary>
    public Func<object, object, object> Shape { get; }

    /// <summary>(table, query) → measures.</summary>
    public Func<EventTable, object, object> MeasureInMemory { get; }

    public static AnalysisRegistration Of<TQuery, TMeasures, TResult>(Func<TQuery, TMeasures, TResult> shape, Func<EventTable, TQuery, TMeasures> measureInMemory)
        where TQuery : IAnalysisQuery<TMeasures, TResult>
        where TMeasures : notnull
        where TResult : notnull =>
        new(typeof(TQuery), (q, m) => shape((TQuery)q, (TMeasures)m), (t, q) => measureInMemory(t, (TQuery)q));
}
