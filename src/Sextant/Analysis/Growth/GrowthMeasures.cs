namespace Sextant.Analysis.Growth;

/// <summary>Users with one value of a profile attribute.</summary>
/// <param name="Attribute">channel, platform or segment.</param>
/// <param name="Value">The value.</param>
/// <param name="Users">Users with it.</param>
/// <param name="Paying">Of them, users with a paying subscription (counted for segments only, else 0).</param>
public sealed record AttributeValueCount(string Attribute, string Value, long Users, long Paying = 0);

/// <summary>What an engine returns for <see cref="GrowthQuery"/>: the figures behind every baseline.</summary>
/// <param name="SampleAnnualRevenue">Revenue of the last 12 complete months.</param>
/// <param name="SampleMau">Monthly active users (rolling 30 days) at the data end, as engagement counts them.</param>
/// <param name="ActivationRate">Engagement's activation rate.</param>
/// <param name="MonthOneRetention">Average month-1 retention (0 when retention has no month 1).</param>
/// <param name="RecentUsers">Signed-up users whose last event is within 30 days of the data end.</param>
/// <param name="RecentNewUsers">Of them, users who signed up within the 365 days before the data end.</param>
/// <param name="RecentCollaborators">Of them, users with a collaboration event within 30 days of the data end.</param>
/// <param name="RecentByValue">Recent users per value of channel, platform and segment.</param>
/// <param name="UsersBySegment">Every signed-up user per segment, with the paying ones.</param>
public sealed record GrowthMeasures(
    double SampleAnnualRevenue,
    long SampleMau,
    double ActivationRate,
    double MonthOneRetention,
    long RecentUsers,
    long RecentNewUsers,
    long RecentCollaborators,
    IReadOnlyList<AttributeValueCount> RecentByValue,
    IReadOnlyList<AttributeValueCount> UsersBySegment);
