using System.Text.Json.Serialization;

namespace Sextant.Analysis.Engagement;

/// <summary>Distinct active users on or up to a day.</summary>
/// <param name="Date">Local calendar day, yyyy-MM-dd.</param>
/// <param name="Users">Distinct active users.</param>
public sealed record DailyCount(string Date, long Users);

/// <summary>Distinct active users in a calendar week or month.</summary>
/// <param name="Period">Monday of the ISO week (yyyy-MM-dd) or the month (yyyy-MM).</param>
/// <param name="Users">Distinct active users.</param>
/// <param name="Complete">False while the period has not ended by the data end.</param>
public sealed record PeriodCount(string Period, long Users, bool Complete);

/// <summary>DAU / MAU for one day.</summary>
/// <param name="Date">Local calendar day.</param>
/// <param name="Value">DAU(d) / MAU(d), or 0 when MAU is 0.</param>
public sealed record DailyRatio(string Date, double Value);

/// <summary>Stickiness: the daily series and its headline.</summary>
/// <param name="Headline">Mean of DAU/MAU over the final 30 complete days (fewer when the data are shorter).</param>
/// <param name="Days">How many days the headline averages.</param>
/// <param name="Daily">DAU/MAU per day.</param>
public sealed record Stickiness(double Headline, int Days, IReadOnlyList<DailyRatio> Daily);

/// <summary>Activation (SEMANTICS.md, Activation and adoption).</summary>
/// <param name="Events">Activation criteria.</param>
/// <param name="Match">all or any.</param>
/// <param name="WindowDays">Days after sign-up the criteria must be met in.</param>
/// <param name="Eligible">Signed-up users whose window had ended by the data end.</param>
/// <param name="Activated">Eligible users who met the criteria in time.</param>
/// <param name="Rate">Activated / eligible.</param>
/// <param name="CiLow">Wilson 95% lower bound.</param>
/// <param name="CiHigh">Wilson 95% upper bound.</param>
/// <param name="MedianHoursToActivate">Median time from sign-up to the event that completed the criteria.</param>
/// <param name="P90HoursToActivate">90th percentile of that time.</param>
/// <param name="FastActivators">Activated users who did so within 24 hours.</param>
/// <param name="FastShare">Fast activators / activated.</param>
public sealed record Activation(
    IReadOnlyList<string> Events, string Match, int WindowDays, long Eligible, long Activated, double Rate, double CiLow, double CiHigh,
    double? MedianHoursToActivate, double? P90HoursToActivate, long FastActivators, double FastShare);

/// <summary>A sample count scaled to the whole business (SEMANTICS.md, Scaling): always labelled as extrapolated.</summary>
/// <param name="Sample">The count measured in the data.</param>
/// <param name="SampleMau">Monthly active users in the data the factor is based on.</param>
/// <param name="BusinessMau">business.mau.</param>
/// <param name="Factor">BusinessMau / SampleMau.</param>
/// <param name="Value">Sample × Factor.</param>
/// <param name="Label">Says that the value is extrapolated and how.</param>
public sealed record Extrapolation(long Sample, long SampleMau, double BusinessMau, double Factor, double Value, string Label)
{
    /// <summary>Scales <paramref name="sample"/>; null when the sample MAU is zero.</summary>
    public static Extrapolation? Of(long sample, long sampleMau, double businessMau) =>
        sampleMau <= 0 ? null : new Extrapolation(sample, sampleMau, businessMau, businessMau / sampleMau, sample * businessMau / sampleMau,
            $"extrapolated: sample × business.mau / sample MAU = {sample} × {businessMau:0} / {sampleMau}");
}

/// <summary>The North Star (SEMANTICS.md, North Star).</summary>
/// <param name="Name">What is counted.</param>
/// <param name="MinMembers">Active members a workspace needs in the week.</param>
/// <param name="CollaborationEvents">Events that count as collaboration.</param>
/// <param name="Headline">The last complete week, or null when no week is complete.</param>
/// <param name="Extrapolated">The headline scaled to business.mau.</param>
/// <param name="Weeks">Every ISO week of the data, partial ones marked.</param>
public sealed record NorthStar(string Name, int MinMembers, IReadOnlyList<string> CollaborationEvents, PeriodCount? Headline, Extrapolation? Extrapolated, IReadOnlyList<PeriodCount> Weeks);

/// <summary>Users who did something in a period, out of the period's active users.</summary>
/// <param name="Period">Month (yyyy-MM).</param>
/// <param name="Users">Users who did it.</param>
/// <param name="Active">Active users in the period.</param>
/// <param name="Rate">Users / Active.</param>
/// <param name="Complete">False while the period has not ended.</param>
public sealed record PeriodShare(string Period, long Users, long Active, double Rate, bool Complete);

/// <summary>A share within one group of users.</summary>
/// <param name="Value">The attribute value (or Other, or (none)).</param>
/// <param name="Users">Users in the group who did it.</param>
/// <param name="Of">Users in the group.</param>
/// <param name="Rate">Users / Of.</param>
/// <param name="CiLow">Wilson 95% lower bound.</param>
/// <param name="CiHigh">Wilson 95% upper bound.</param>
public sealed record GroupShare(string Value, long Users, long Of, double Rate, double CiLow, double CiHigh)
{
    /// <summary>The group's value of each breakdown (["Other"] for Other), or null when the group is not a breakdown group.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Values { get; init; }
}

/// <summary>Adoption of one feature (SEMANTICS.md, Activation and adoption).</summary>
/// <param name="Feature">The feature's event.</param>
/// <param name="Adopters">Signed-up users who ever used it.</param>
/// <param name="SignedUp">Signed-up users.</param>
/// <param name="Rate">Adopters / SignedUp.</param>
/// <param name="CiLow">Wilson 95% lower bound.</param>
/// <param name="CiHigh">Wilson 95% upper bound.</param>
/// <param name="MedianDaysToFirstUse">Median days from sign-up to first use, among adopters.</param>
/// <param name="Monthly">Per month: users who used it / active users.</param>
/// <param name="ByGroup">Ever-adoption per value of the breakdown attribute (segment by default).</param>
public sealed record FeatureAdoption(string Feature, long Adopters, long SignedUp, double Rate, double CiLow, double CiHigh,
    double? MedianDaysToFirstUse, IReadOnlyList<PeriodShare> Monthly, IReadOnlyList<GroupShare> ByGroup);

/// <summary>One bar of a power-user curve.</summary>
/// <param name="Days">Active days.</param>
/// <param name="Users">Users active on exactly that many days.</param>
/// <param name="Share">Users / users active at all in the span.</param>
public sealed record ActiveDaysBin(int Days, long Users, double Share);

/// <summary>Power-user curves L7 and L30 ending on <paramref name="EndDate"/>, the last complete day.</summary>
/// <param name="EndDate">Last day of both spans.</param>
/// <param name="L7">Users by active days among the final 7 days.</param>
/// <param name="L30">Users by active days among the final 30 days.</param>
public sealed record PowerUsers(string EndDate, IReadOnlyList<ActiveDaysBin> L7, IReadOnlyList<ActiveDaysBin> L30);

/// <summary>How concentrated activity is among active users.</summary>
/// <param name="ActiveUsers">Users with at least one active event.</param>
/// <param name="TopUsers">How many users the top 10% is (⌊n/10⌋, at least 1).</param>
/// <param name="TopTenPercentShare">Their share of active events.</param>
/// <param name="Gini">Gini coefficient of active events per active user (0 = equal, → 1 = one user does everything).</param>
public sealed record Concentration(long ActiveUsers, long TopUsers, double TopTenPercentShare, double Gini);

/// <summary>Lifecycle counts of one period; <paramref name="Dormant"/> is negative.</summary>
/// <param name="Period">Monday (yyyy-MM-dd) or month (yyyy-MM).</param>
/// <param name="New">Active in their sign-up period, their first active period.</param>
/// <param name="Returning">Active now and in the previous period.</param>
/// <param name="Resurrecting">Active now, not in the previous period, not new.</param>
/// <param name="Dormant">Minus the users active in the previous period but not now.</param>
/// <param name="Complete">False while the period has not ended.</param>
public sealed record LifecyclePeriod(string Period, long New, long Returning, long Resurrecting, long Dormant, bool Complete);

/// <summary>Lifecycle per period.</summary>
/// <param name="Period">week or month.</param>
/// <param name="Periods">One row per period of the window.</param>
public sealed record Lifecycle(CalendarPeriod Period, IReadOnlyList<LifecyclePeriod> Periods);

/// <summary>Month-1 retention by activation speed (an association, not an effect).</summary>
/// <param name="Outcome">What is compared.</param>
/// <param name="Groups">Fast activators, slow activators, not activated: retained users of eligible users. The not-activated group is reported apart and is in no ratio.</param>
/// <param name="FastVsSlow">Fast activators' retention / slow activators' (activated after 24 h); null when either group is empty.</param>
/// <param name="RatioLow">Katz 95% lower bound of the ratio.</param>
/// <param name="RatioHigh">Katz 95% upper bound.</param>
/// <param name="PValue">Pooled two-proportion z-test, fast vs slow activators.</param>
/// <param name="Caveat">Says that the comparison is observational.</param>
public sealed record ActivationSpeed(string Outcome, IReadOnlyList<GroupShare> Groups, double? FastVsSlow, double? RatioLow, double? RatioHigh, double PValue, string Caveat);

/// <summary>Headline figures for one breakdown group.</summary>
/// <param name="Value">The group's label: its values joined by " / " (or Other; a missing value is (none)).</param>
/// <param name="Users">Signed-up users in the group.</param>
/// <param name="Dau">DAU on the last day.</param>
/// <param name="Wau">WAU on the last day.</param>
/// <param name="Mau">MAU on the last day.</param>
/// <param name="Stickiness">Mean DAU/MAU over the final 30 complete days.</param>
/// <param name="Activation">Activation rate, eligible users and interval.</param>
public sealed record EngagementBreakdown(string Value, long Users, long Dau, long Wau, long Mau, double Stickiness, Activation Activation)
{
    /// <summary>The group's value of each breakdown, in the order of the breakdowns (["Other"] for Other).</summary>
    public IReadOnlyList<string> Values { get; init; } = [];
}

/// <summary>Engagement metrics (SEMANTICS.md, Activity).</summary>
/// <param name="DataEnd">The data end completeness was judged against.</param>
/// <param name="Dau">Daily active users.</param>
/// <param name="Wau">Rolling 7-day active users ending on each day.</param>
/// <param name="Mau">Rolling 30-day active users ending on each day.</param>
/// <param name="Stickiness">DAU/MAU series and headline.</param>
/// <param name="Weekly">Calendar-week active users.</param>
/// <param name="Monthly">Calendar-month active users.</param>
/// <param name="Activation">Activation rate and speed.</param>
/// <param name="ActivationSpeed">Month-1 retention of fast and slow activators and of users who did not activate.</param>
/// <param name="NorthStar">Weekly active collaborative workspaces.</param>
/// <param name="FeatureAdoption">Adoption per feature.</param>
/// <param name="PowerUsers">L7 / L30 curves.</param>
/// <param name="Concentration">Top-10% share and Gini of activity.</param>
/// <param name="Lifecycle">New / returning / resurrecting / dormant per period.</param>
/// <param name="BreakdownBy">The breakdowns ("segment", "plan / event.platform"), or null.</param>
/// <param name="Breakdown">Headline figures per group of <paramref name="BreakdownBy"/>.</param>
public sealed record EngagementResult(
    string DataEnd,
    IReadOnlyList<DailyCount> Dau,
    IReadOnlyList<DailyCount> Wau,
    IReadOnlyList<DailyCount> Mau,
    Stickiness Stickiness,
    IReadOnlyList<PeriodCount> Weekly,
    IReadOnlyList<PeriodCount> Monthly,
    Activation Activation,
    ActivationSpeed ActivationSpeed,
    NorthStar NorthStar,
    IReadOnlyList<FeatureAdoption> FeatureAdoption,
    PowerUsers PowerUsers,
    Concentration Concentration,
    Lifecycle Lifecycle,
    string? BreakdownBy,
    IReadOnlyList<EngagementBreakdown> Breakdown)
{
    /// <summary>
    /// The events that never make a user active (activity.exclude_events), as the counts used
    /// them: reports state the definition of an active user from this list.
    /// </summary>
    public IReadOnlyList<string> ExcludedEvents { get; init; } = [];

    /// <summary>
    /// Settings of sextant.yaml that name events the store does not contain, one line each: the
    /// figures built on them count 0 for that reason, not because nobody did them.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The cohort the figures are limited to, or null (and absent from JSON) when everyone counts.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Cohort { get; init; }
}
