namespace Sextant.Analysis.Marts;

/// <summary>
/// Engagement by sign-up cohort (docs/MARTS.md, cohort_engagement and cohort_feature_adoption): signed-up users grouped by
/// the calendar month of their sign-up (project time zone), and per cohort and calendar month since then the active users
/// (the cohort's MAU), their active user-days (the sum of the month's DAU), and per feature the cohort's adopters, ever
/// and within 30 days of sign-up.
/// </summary>
/// <param name="Range">Cohorts whose users signed up in it (from inclusive); its last instant is the data end (the latest event when open).</param>
/// <param name="ExcludeEvents">Events that never make a user active (activity.exclude_events); identity events never do.</param>
/// <param name="Features">Feature events whose adoption is counted; empty means every active event but system events (as <c>sextant metrics</c>).</param>
/// <param name="Cohort">Only members of this cohort are counted, or every signed-up user when null.</param>
public sealed record CohortEngagementQuery(
    TimeRange Range = default,
    ValueList<string> ExcludeEvents = default,
    ValueList<string> Features = default,
    Cohort? Cohort = null) : IAnalysisQuery<CohortEngagementMeasures, CohortEngagementResult>, IScopedQuery
{
    /// <summary>Days after sign-up (day 0 = the sign-up day) in which an early adopter used a feature: days 0 … 29.</summary>
    public const int EarlyAdoptionDays = 30;

    /// <inheritdoc/>
    public ValueList<Breakdown> Breakdowns => default;

    /// <inheritdoc/>
    public int BreakdownLimit => 10;
}
