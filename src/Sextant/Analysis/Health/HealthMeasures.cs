namespace Sextant.Analysis.Health;

/// <summary>
/// One scored user's activity as of the data end d (local calendar days; see <see cref="HealthShaper"/>):
/// the inputs of every health component.
/// </summary>
/// <param name="UserKey">The user's user_id.</param>
/// <param name="DaysSinceActive">d − the last active day within d − 89 … d (0 = active on d).</param>
/// <param name="ActiveDays30">Active days in d − 29 … d.</param>
/// <param name="ActiveDays14">Active days in d − 13 … d.</param>
/// <param name="ActiveDaysPrior14">Active days in d − 27 … d − 14.</param>
/// <param name="Features30">Distinct active event names in d − 29 … d.</param>
/// <param name="CollaboratedLast30">A collaboration event in d − 29 … d.</param>
/// <param name="CollaboratedPrior30">A collaboration event in d − 59 … d − 30.</param>
/// <param name="TenureDays">d − the local day of the sign-up, or null when the sign-up is unknown.</param>
/// <param name="Segment">Profile segment, or null.</param>
/// <param name="Plan">The plan the expansion rule reads (<see cref="HealthQuery.ExpansionPlanFrom"/>): the profile's, or the live subscription's; null when there is none.</param>
/// <param name="Group">Index of the user's breakdown group in <see cref="HealthMeasures.Groups"/>.</param>
/// <param name="PlanFromSubscription">True when <paramref name="Plan"/> came from the subscriptions (the user has at least one), false when from the profile.</param>
public readonly record struct HealthInputs(
    string UserKey,
    int DaysSinceActive,
    int ActiveDays30,
    int ActiveDays14,
    int ActiveDaysPrior14,
    int Features30,
    bool CollaboratedLast30,
    bool CollaboratedPrior30,
    int? TenureDays,
    string? Segment,
    string? Plan,
    int Group,
    bool PlanFromSubscription = false);

/// <summary>What an engine returns for <see cref="HealthQuery"/>: one row of activity counts per scored user.</summary>
/// <param name="DataEnd">The data end (UTC µs): the range's last instant, else the latest event; long.MinValue when there are no events.</param>
/// <param name="DataEndDay">The data end's local calendar day, or null when there are no events.</param>
/// <param name="Users">Signed-up users in the cohort with an active event in the 90 days ending on the data end's day, in user order.</param>
/// <param name="Groups">Value combination of each breakdown group; one empty combination without a breakdown.</param>
public sealed record HealthMeasures(long DataEnd, DateOnly? DataEndDay, IReadOnlyList<HealthInputs> Users, IReadOnlyList<ValueList<string>> Groups);
