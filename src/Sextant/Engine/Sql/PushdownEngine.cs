using Sextant.Analysis;
using Sextant.Storage.Warehouse;

namespace Sextant.Engine.Sql;

/// <summary>
/// Answers each query in the warehouse when the SQL engine can, and otherwise (not pushed down, or
/// refused by the database for lack of memory) with the in-memory engine (made on first need, since
/// it reads every event), remembering which engine answered the
/// last query so front ends can say so in a <c>note:</c> line.
/// </summary>
public sealed class PushdownEngine : IAnalysisEngine
{
    private readonly IAnalysisEngine _sql;
    private readonly Lazy<IAnalysisEngine> _inMemory;

    /// <summary>An engine that tries <paramref name="sql"/> first and falls back to <paramref name="inMemory"/>.</summary>
    public PushdownEngine(IAnalysisEngine sql, Func<IAnalysisEngine> inMemory)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(inMemory);
        _sql = sql;
        _inMemory = new Lazy<IAnalysisEngine>(inMemory);
    }

    /// <inheritdoc/>
    public string Name => _sql.Name;

    /// <summary>The engine that answered the last query (null before the first).</summary>
    public IAnalysisEngine? LastAnswered { get; private set; }

    /// <summary>Why the last query was not pushed down (null when it was, or before the first).</summary>
    public string? LastFallbackReason { get; private set; }

    /// <summary>A one-line note naming where the last query ran, for front ends to print.</summary>
    public string? Note => LastAnswered is null ? null
        : LastFallbackReason is null ? $"computed in {_sql.Name}"
        : $"computed in memory: {LastFallbackReason}";

    /// <inheritdoc/>
    public TMeasures Measure<TMeasures, TResult>(IAnalysisQuery<TMeasures, TResult> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        try
        {
            var measures = _sql.Measure(query);
            (LastAnswered, LastFallbackReason) = (_sql, null);
            return measures;
        }
        catch (NotSupportedException notPushed)
        {
            return InMemory(query, notPushed.Message);
        }
        catch (SextantException refused) when (refused.InnerException is WarehouseLimitException limit)
        {
            // The statement was right but too big for what the database allows it: the rows still fit here.
            return InMemory(query, $"{_sql.Name} ran out of memory for the statement ({limit.Message})");
        }
    }

    private TMeasures InMemory<TMeasures, TResult>(IAnalysisQuery<TMeasures, TResult> query, string reason)
    {
        var measures = _inMemory.Value.Measure(query);
        (LastAnswered, LastFallbackReason) = (_inMemory.Value, reason);
        return measures;
    }
}
