namespace Sextant.Analysis.Engagement;

/// <summary>What an engine returns for <see cref="EngagementQuery"/>: counts of included signed-up users only.</summary>
/// <param name="DataEnd">The last instant counted (UTC microseconds); periods are complete when they end by it.</param>
/// <param name="Activity">Daily, rolling and calendar-period active users of everyone included.</param>
/// <param name="Activation">Activation counts of everyone included.</param>
/// <param name="ActivationSpeed">Month-1 retention counts by activation speed.</param>
/// <param name="NorthStarWeeks">Weekly active collaborative workspaces per ISO week of the range.</param>
/// <param name="SignedUp">Included signed-up users (the base of feature adoption).</param>
/// <param name="Features">Adoption counts per feature, in report order.</param>
/// <param name="AdoptionGroups">The groups feature adoption is broken down by: every group with signed-up users.</param>
/// <param name="PowerUsers">Active-day histograms and events per active user.</param>
/// <param name="Lifecycle">Lifecycle state counts per period of the range.</param>
/// <param name="Groups">Headline counts per breakdown group (every group with signed-up users; empty without breakdowns).</param>
public sealed record EngagementMeasures(
    long DataEnd,
    ActivityCounts Activity,
    ActivationCounts Activation,
    ActivationSpeedCounts ActivationSpeed,
    IReadOnlyList<PeriodCount> NorthStarWeeks,
    long SignedUp,
    IReadOnlyList<FeatureCounts> Features,
    IReadOnlyList<GroupSize> AdoptionGroups,
    PowerUserCounts PowerUsers,
    IReadOnlyList<LifecyclePeriod> Lifecycle,
    IReadOnlyList<EngagementGroupCounts> Groups);

/// <summary>Active users of one local calendar day.</summary>
/// <param name="Date">yyyy-MM-dd.</param>
/// <param name="Dau">Distinct active users that day.</param>
/// <param name="Wau">Distinct active users in the 7 days ending that day.</param>
/// <param name="Mau">Distinct active users in the 30 days ending that day.</param>
/// <param name="Complete">True when the day has ended by the data end.</param>
public sealed record DayCounts(string Date, long Dau, long Wau, long Mau, bool Complete);

/// <summary>Active users per day, calendar week and calendar month.</summary>
/// <param name="Days">Every day of the range.</param>
/// <param name="Weekly">Calendar weeks with active users.</param>
/// <param name="Monthly">Calendar months with active users.</param>
public sealed record ActivityCounts(IReadOnlyList<DayCounts> Days, IReadOnlyList<PeriodCount> Weekly, IReadOnlyList<PeriodCount> Monthly);

/// <summary>Activation counts and the quantiles of the time to activate.</summary>
/// <param name="Eligible">Signed-up users whose activation window had ended by the data end.</param>
/// <param name="Activated">Eligible users who met the criteria in time.</param>
/// <param name="Fast">Activated users who did so within 24 hours.</param>
/// <param name="HoursToActivate">Hours from sign-up to activation over the activated users.</param>
public sealed record ActivationCounts(long Eligible, long Activated, long Fast, DurationQuantiles HoursToActivate)
{
    /// <summary>The counts of the union of disjoint groups of users (the in-memory engine's: it keeps the times to merge).</summary>
    public static ActivationCounts Sum(IEnumerable<ActivationCounts> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var list = parts.ToList();
        return new ActivationCounts(list.Sum(p => p.Eligible), list.Sum(p => p.Activated), list.Sum(p => p.Fast), DurationQuantiles.Sum(list.Select(p => p.HoursToActivate)));
    }
}

/// <summary>Month-1 retention counts of fast activators, slow activators and users who did not activate, in that order.</summary>
/// <param name="Users">Eligible users per group.</param>
/// <param name="Retained">Of them, users active in the month after their sign-up month.</param>
public sealed record ActivationSpeedCounts(IReadOnlyList<long> Users, IReadOnlyList<long> Retained);

/// <summary>Users of one month who used a feature, out of the month's active users.</summary>
/// <param name="Period">yyyy-MM.</param>
/// <param name="Users">Users who used the feature that month.</param>
/// <param name="Active">Active users that month.</param>
/// <param name="Complete">True when the month has ended by the data end.</param>
public sealed record MonthUse(string Period, long Users, long Active, bool Complete);

/// <summary>Adoption counts of one feature.</summary>
/// <param name="Feature">The feature's event.</param>
/// <param name="Adopters">Included signed-up users who used it in the range.</param>
/// <param name="DaysToFirstUse">Days from sign-up to first use over the adopters with a sign-up time.</param>
/// <param name="Monthly">Months with active users.</param>
/// <param name="AdoptersByGroup">Adopters per group of <see cref="EngagementMeasures.AdoptionGroups"/>.</param>
public sealed record FeatureCounts(string Feature, long Adopters, DurationQuantiles DaysToFirstUse, IReadOnlyList<MonthUse> Monthly, IReadOnlyList<long> AdoptersByGroup);

/// <summary>A breakdown group and its included signed-up users.</summary>
/// <param name="Values">The group's value of each breakdown.</param>
/// <param name="Users">Included signed-up users in the group.</param>
public sealed record GroupSize(ValueList<string> Values, long Users);

/// <summary>How many active users made a given number of active events.</summary>
/// <param name="Events">Active events per user.</param>
/// <param name="Users">Users who made exactly that many.</param>
public sealed record EventCountBin(long Events, long Users);

/// <summary>Power-user histograms.</summary>
/// <param name="EndDate">The last complete day, where L7 and L30 end (empty when the range is empty).</param>
/// <param name="L7">Users by active days (index 0..7) among the final 7 days.</param>
/// <param name="L30">Users by active days (index 0..30) among the final 30 days.</param>
/// <param name="EventsPerUser">Users by active events, over users with at least one.</param>
public sealed record PowerUserCounts(string EndDate, IReadOnlyList<long> L7, IReadOnlyList<long> L30, IReadOnlyList<EventCountBin> EventsPerUser);

/// <summary>Headline counts of one breakdown group.</summary>
/// <param name="Values">The group's value of each breakdown.</param>
/// <param name="Users">Included signed-up users in the group.</param>
/// <param name="Days">The group's daily, rolling 7-day and 30-day active users.</param>
/// <param name="Activation">The group's activation counts.</param>
public sealed record EngagementGroupCounts(ValueList<string> Values, long Users, IReadOnlyList<DayCounts> Days, ActivationCounts Activation);
