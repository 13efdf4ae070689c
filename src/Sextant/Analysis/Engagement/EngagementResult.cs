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

/// <summary>Engagement metrics (SEMANTICS.md, Activity).</summary>
/// <param name="DataEnd">The data end completeness was judged against.</param>
/// <param name="Dau">Daily active users.</param>
/// <param name="Wau">Rolling 7-day active users ending on each day.</param>
/// <param name="Mau">Rolling 30-day active users ending on each day.</param>
/// <param name="Stickiness">DAU/MAU series and headline.</param>
/// <param name="Weekly">Calendar-week active users.</param>
/// <param name="Monthly">Calendar-month active users.</param>
/// <param name="Activation">Activation rate and speed.</param>
public sealed record EngagementResult(
    string DataEnd,
    IReadOnlyList<DailyCount> Dau,
    IReadOnlyList<DailyCount> Wau,
    IReadOnlyList<DailyCount> Mau,
    Stickiness Stickiness,
    IReadOnlyList<PeriodCount> Weekly,
    IReadOnlyList<PeriodCount> Monthly,
    Activation Activation);
