using Sextant.Analysis.Funnels;
using Sextant.Analysis.Health;

namespace Sextant.Analysis.Marts;

/// <summary>The three cohort marts to build (docs/MARTS.md).</summary>
/// <param name="Funnel">The funnel of cohort_funnel, with the range and cohort filter; null skips that mart.</param>
/// <param name="Engagement">cohort_engagement and cohort_feature_adoption, with the same range and cohort filter.</param>
/// <param name="Health">The health settings of user_health_mart (its plans always come from the subscriptions).</param>
public sealed record MartsQuery(FunnelQuery? Funnel, CohortEngagementQuery Engagement, HealthQuery Health);

/// <summary>The three cohort marts.</summary>
/// <param name="Funnel">Funnel conversion by sign-up cohort, or null when no funnel was given or configured.</param>
/// <param name="Engagement">DAU/MAU, retained share and feature adoption by sign-up cohort.</param>
/// <param name="Health">User health with the plan from subscriptions, by plan.</param>
public sealed record MartsResult(CohortFunnelResult? Funnel, CohortEngagementResult Engagement, UserHealthMart Health)
{
    /// <summary>Names from sextant.yaml the store does not contain and parts skipped, one line each.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
