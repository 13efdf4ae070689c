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

namespace Sextant.Reports;

/// <summary>
/// The result records every dashboard, chart and the executive report are rendered from.
/// Renderers read these and nothing else: no metric is computed while rendering.
/// </summary>
/// <param name="Product">The product's name as shown in titles.</param>
/// <param name="Metrics">Engagement: North Star, DAU/WAU/MAU, stickiness, activation, adoption, power users, lifecycle (with a breakdown).</param>
/// <param name="Funnel">A multi-step funnel with a breakdown.</param>
/// <param name="ChannelFunnel">The same funnel broken down by acquisition channel.</param>
/// <param name="Lifecycle">The 7-stage lifecycle funnel with a breakdown.</param>
/// <param name="Retention">Monthly cohort retention.</param>
/// <param name="Revenue">Revenue, ARPU and cohort LTV.</param>
/// <param name="Experiments">Experiment analyses (may be empty).</param>
/// <param name="Growth">Growth-lever model.</param>
/// <param name="Paths">User paths.</param>
/// <param name="Health">User health scores.</param>
/// <param name="Impacts">Feature impact estimates (may be empty).</param>
public sealed record ReportInputs(
    string Product,
    EngagementResult Metrics,
    FunnelResult Funnel,
    FunnelResult ChannelFunnel,
    LifecycleFunnelResult Lifecycle,
    RetentionResult Retention,
    RevenueResult Revenue,
    IReadOnlyList<ExperimentResult> Experiments,
    GrowthResult Growth,
    PathResult Paths,
    HealthResult Health,
    IReadOnlyList<ImpactResult> Impacts)
{
    /// <summary>
    /// Names from sextant.yaml that the store does not contain, one line each; the figures that
    /// depend on them count 0. Empty when every name is stored or nothing came from sextant.yaml.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// The cohort marts (docs/MARTS.md) over the report's funnel and scope: their panels on the funnel, engagement and
    /// health dashboards and their tables in <c>sextant export</c>; null when they were not computed (the panels are left out).
    /// </summary>
    public MartsResult? Marts { get; init; }
}
