namespace Sextant.Analysis.Funnels;

/// <summary>Turns funnel measures into step conversions, intervals, times and breakdown comparisons.</summary>
public static class FunnelShaper
{
    /// <summary>The result of <paramref name="query"/> from its measures.</summary>
    public static FunnelResult Shape(FunnelQuery query, FunnelMeasures measures)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(measures);
        var names = query.Steps.Select(s => s.Name).ToList();
        var overall = FunnelShaping.Steps(names, FunnelShaping.Merge(names.Count, measures.Groups.Select(g => g.Steps)));
        var breakdown = query.Breakdowns.Count == 0 ? [] : FunnelShaping.Breakdown(names, measures.Groups, query.BreakdownLimit);
        return new FunnelResult(query.Order, query.Window.TotalSeconds, overall, breakdown, measures.ExcludedUsers, FunnelShaping.BiggestDrop(overall));
    }
}
