using Sextant.Engine;
using Sextant.Events;

namespace Sextant.Analysis.Marts;

/// <summary>Builds the cohort marts on the existing analyses: the funnel engine per cohort, the cohort engagement pass and health scoring.</summary>
public static class Marts
{
    /// <summary>The marts of <paramref name="query"/> on <paramref name="engine"/>.</summary>
    /// <exception cref="SextantException">A part names something the data do not have, or is invalid.</exception>
    public static MartsResult Run(IAnalysisEngine engine, ProjectCalendar calendar, MartsQuery query)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(query);
        var measures = engine.Measure(query.Engagement);
        var engagement = CohortEngagementShaper.Shape(query.Engagement, measures);
        var funnel = query.Funnel is null || measures.DataEndDay is null
            ? null
            : CohortFunnel.Run(engine, calendar, query.Funnel, [.. measures.Cohorts.Select(c => (c.Month, c.Size))], measures.DataEnd);
        if (query.Funnel is not null && funnel is null)
            funnel = new CohortFunnelResult([.. query.Funnel.Steps.Select(s => s.Name)], query.Funnel.Window.Ticks / TimeSpan.TicksPerSecond, [], 0, []);
        var health = UserHealthMart.Run(engine, query.Health);
        return new MartsResult(funnel, engagement, health);
    }
}
