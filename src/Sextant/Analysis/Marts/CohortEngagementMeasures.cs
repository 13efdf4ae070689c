namespace Sextant.Analysis.Marts;

/// <summary>One sign-up cohort's counts.</summary>
/// <param name="Month">The first day of the cohort's sign-up month (project time zone).</param>
/// <param name="Size">Signed-up users in the cohort.</param>
/// <param name="ActiveUsers">Per calendar month k = 0, 1, … since the sign-up month up to the data end's month: cohort users with an active event at or after their sign-up in that month.</param>
/// <param name="ActiveUserDays">Per month k: the cohort's (user, active day) pairs in that month, the sum of its daily active users.</param>
/// <param name="Adopters">Per feature (in <see cref="CohortEngagementMeasures.Features"/> order): cohort users who used it at least once by the data end.</param>
/// <param name="EarlyAdopters">Per feature: cohort users who used it on days 0 … 29 after their sign-up day.</param>
public sealed record CohortCounts(DateOnly Month, long Size, IReadOnlyList<long> ActiveUsers, IReadOnlyList<long> ActiveUserDays,
    IReadOnlyList<long> Adopters, IReadOnlyList<long> EarlyAdopters);

/// <summary>What an engine returns for <see cref="CohortEngagementQuery"/>.</summary>
/// <param name="DataEnd">The data end (UTC µs): the range's last instant, else the latest event; long.MinValue when there are no events.</param>
/// <param name="DataEndDay">The data end's local day, or null when there are no events.</param>
/// <param name="LastCompleteDay">The last local day observed to its end: the data end's day when the data end is that day's last instant, else the day before; null when there are no events.</param>
/// <param name="Features">The features counted, in order.</param>
/// <param name="Cohorts">One entry per sign-up month with at least one user, oldest first.</param>
public sealed record CohortEngagementMeasures(long DataEnd, DateOnly? DataEndDay, DateOnly? LastCompleteDay, IReadOnlyList<string> Features, IReadOnlyList<CohortCounts> Cohorts);
