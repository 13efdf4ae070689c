using Sextant.Configuration;

namespace Sextant.Analysis.Engagement;

/// <summary>What engagement to compute.</summary>
/// <param name="ExcludeEvents">Events that never make a user active (activity.exclude_events).</param>
/// <param name="ActivationEvents">Activation criteria; null or empty (the default) measures no activation: no product's events are assumed.</param>
/// <param name="ActivationMatchAll">True: all criteria events; false: any of them.</param>
/// <param name="ActivationWindowDays">Days after sign-up to meet the criteria (default 7).</param>
/// <param name="AsOf">Data end; null means the latest event. Later events are ignored.</param>
/// <param name="From">First instant counted; null means the earliest event.</param>
/// <param name="To">Last instant counted; null means the data end.</param>
/// <param name="NorthStarMinMembers">Active members a workspace needs in a week to count in the North Star.</param>
/// <param name="CollaborationEvents">Events that count as collaboration for the North Star; null or empty (the default) counts no workspace.</param>
/// <param name="Features">Events whose adoption is reported; null or empty means every active event.</param>
/// <param name="LifecyclePeriod">Week (default) or month.</param>
/// <param name="BusinessMau">Monthly active users of the whole business (business.mau); null, the default, extrapolates nothing.</param>
/// <param name="Breakdown">Profile attribute to break headline figures and adoption down by, or null.</param>
/// <param name="BreakdownLimit">Values beyond the most common ones (by users) are grouped as Other.</param>
public sealed record EngagementQuery(
    IReadOnlyList<string>? ExcludeEvents = null,
    IReadOnlyList<string>? ActivationEvents = null,
    bool ActivationMatchAll = true,
    int ActivationWindowDays = 7,
    long? AsOf = null,
    long? From = null,
    long? To = null,
    int NorthStarMinMembers = 2,
    IReadOnlyList<string>? CollaborationEvents = null,
    IReadOnlyList<string>? Features = null,
    CalendarPeriod LifecyclePeriod = CalendarPeriod.Week,
    double? BusinessMau = null,
    string? Breakdown = null,
    int BreakdownLimit = 10)
{
    /// <summary>The query a project's configuration asks for, before command-line flags.</summary>
    public static EngagementQuery FromConfig(SextantConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new EngagementQuery(
            config.Activity.ExcludeEvents,
            config.Activation.Events,
            config.Activation.Match == "all",
            config.Activation.WindowDays,
            NorthStarMinMembers: config.NorthStar.MinMembers,
            CollaborationEvents: config.NorthStar.CollaborationEvents,
            Features: config.Features,
            BusinessMau: config.Business.Mau);
    }
}
