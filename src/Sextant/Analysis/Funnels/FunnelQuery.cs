namespace Sextant.Analysis.Funnels;

/// <summary>
/// What funnel to compute (docs/FUNNELS.md). An attempt opens on a step-1 event inside
/// <see cref="Range"/>; later steps may fall after its end while inside the conversion window,
/// and events before its start never count.
/// </summary>
/// <param name="Steps">Two or more steps.</param>
/// <param name="Window">Conversion window from the step-1 instant of an attempt (inclusive).</param>
/// <param name="Order">How steps must follow each other.</param>
/// <param name="Exclude">Events that remove a user when they occur between step 1 and the user's last matched step.</param>
/// <param name="Range">The instants a step-1 event must fall in to open an attempt (all time by default).</param>
/// <param name="Cohort">Only members of this cohort are counted, or everyone when null.</param>
/// <param name="Breakdowns">Up to three dimensions to break the funnel down by; users fall into their cross product.</param>
/// <param name="BreakdownLimit">Groups beyond the largest ones (by step-1 users) are merged into Other.</param>
public sealed record FunnelQuery(
    ValueList<FunnelStep> Steps,
    TimeSpan Window,
    FunnelOrder Order = FunnelOrder.Ordered,
    ValueList<string> Exclude = default,
    TimeRange Range = default,
    Cohort? Cohort = null,
    ValueList<Breakdown> Breakdowns = default,
    int BreakdownLimit = 10) : IAnalysisQuery<FunnelMeasures, FunnelResult>, IScopedQuery
{
    /// <summary>The default conversion window: 14 days.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(14);

    /// <summary>The most steps a funnel has.</summary>
    public const int MaxSteps = 64;
}
