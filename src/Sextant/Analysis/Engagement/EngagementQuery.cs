namespace Sextant.Analysis.Engagement;

/// <summary>What engagement to compute (<c>sextant metrics</c>).</summary>
/// <param name="ExcludeEvents">Events that never make a user active (activity.exclude_events).</param>
/// <param name="ActivationEvents">Activation criteria; empty (the default) measures no activation: no product's events are assumed.</param>
/// <param name="ActivationMatchAll">True: all criteria events; false: any of them.</param>
/// <param name="ActivationWindowDays">Days after sign-up to meet the criteria (default 7).</param>
/// <param name="Range">
/// Events counted: those in the range. Its last instant (or the latest event) is the data end that
/// decides which periods are complete; with a start, activation counts users who signed up in the range.
/// </param>
/// <param name="NorthStarMinMembers">Active members a workspace needs in a week to count in the North Star.</param>
/// <param name="CollaborationEvents">Events that count as collaboration for the North Star; empty (the default) counts no workspace.</param>
/// <param name="Features">Events whose adoption is reported; empty means every active event.</param>
/// <param name="LifecyclePeriod">Week (default) or month.</param>
/// <param name="BusinessMau">Monthly active users of the whole business (business.mau); null, the default, extrapolates nothing.</param>
/// <param name="Breakdowns">Dimensions to break headline figures and adoption down by; empty breaks adoption down by segment when users have one.</param>
/// <param name="BreakdownLimit">Groups beyond the largest ones (by signed-up users) are grouped as Other.</param>
/// <param name="Cohort">Only members of this cohort are counted, or everyone when null.</param>
public sealed record EngagementQuery(
    ValueList<string> ExcludeEvents = default,
    ValueList<string> ActivationEvents = default,
    bool ActivationMatchAll = true,
    int ActivationWindowDays = 7,
    TimeRange Range = default,
    int NorthStarMinMembers = 2,
    ValueList<string> CollaborationEvents = default,
    ValueList<string> Features = default,
    CalendarPeriod LifecyclePeriod = CalendarPeriod.Week,
    double? BusinessMau = null,
    ValueList<Breakdown> Breakdowns = default,
    int BreakdownLimit = 10,
    Cohort? Cohort = null) : IAnalysisQuery<EngagementMeasures, EngagementResult>, IScopedQuery
{
    /// <summary>The attribute feature adoption is broken down by when no breakdown is asked for.</summary>
    public const string DefaultAdoptionAttribute = "segment";
}
