namespace Sextant.Analysis.Retention;

/// <summary>One cohort's counts within one breakdown group.</summary>
/// <param name="Cohort">Period label: yyyy-MM-dd (day, week's Monday) or yyyy-MM (month).</param>
/// <param name="Size">Users whose cohort start falls in this period.</param>
/// <param name="Retained">Users retained in period k, for k from 0 to the data end's period.</param>
/// <param name="CompletePeriods">How many leading periods (0, 1, …) had ended by the data end.</param>
public sealed record RetentionCohortCounts(string Cohort, long Size, IReadOnlyList<long> Retained, int CompletePeriods);

/// <summary>The counts of the users of one breakdown group (the only group when there is no breakdown).</summary>
/// <param name="Key">The group's breakdown values; empty without breakdowns.</param>
/// <param name="Users">Signed-up users in the group who pass the cohort filter, in a cohort or not: the size groups are ranked by.</param>
/// <param name="Cohorts">The group's cohorts, oldest first.</param>
/// <param name="DayRetained">Per day of <see cref="RetentionQuery.DayN"/>, users active on that day after their cohort start.</param>
/// <param name="DayEligible">Per day of <see cref="RetentionQuery.DayN"/>, users whose day had ended by the data end.</param>
public sealed record RetentionGroupCounts(
    ValueList<string> Key, long Users, IReadOnlyList<RetentionCohortCounts> Cohorts, IReadOnlyList<long> DayRetained, IReadOnlyList<long> DayEligible);

/// <summary>What an engine returns for <see cref="RetentionQuery"/>: cohort × period counts per breakdown group, every group kept.</summary>
/// <param name="DataEnd">The data end in UTC microseconds: the range's last instant, else the latest event.</param>
/// <param name="Groups">Every group with at least one signed-up user; exactly one, with an empty key, without breakdowns.</param>
public sealed record RetentionMeasures(long DataEnd, IReadOnlyList<RetentionGroupCounts> Groups);
