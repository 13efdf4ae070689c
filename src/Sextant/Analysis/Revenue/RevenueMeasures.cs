namespace Sextant.Analysis.Revenue;

/// <summary>Sums of one calendar month.</summary>
/// <param name="Month">yyyy-MM in the project time zone.</param>
/// <param name="Revenue">Prorated MRR of the counted subscriptions over the days of the month they ran, up to the data end.</param>
/// <param name="ActiveUsers">Signed-up users with at least one active event in the month.</param>
/// <param name="PayingUsers">Users with a counted subscription that ran for part of the month.</param>
/// <param name="Complete">True once the month has ended by the data end.</param>
public sealed record RevenueMonthCounts(string Month, double Revenue, long ActiveUsers, long PayingUsers, bool Complete);

/// <summary>Sums of one sign-up-month cohort.</summary>
/// <param name="Cohort">Sign-up month, yyyy-MM.</param>
/// <param name="Size">Signed-up users in the cohort.</param>
/// <param name="Revenue">Revenue of the members in month k after the sign-up month (month 0 also holds revenue from before sign-up), to the data end's month.</param>
/// <param name="Retained">Members active in month k or any later month up to the data end.</param>
/// <param name="CompletePeriods">How many leading months (0, 1, …) had ended by the data end.</param>
public sealed record RevenueCohortCounts(string Cohort, long Size, IReadOnlyList<double> Revenue, IReadOnlyList<long> Retained, int CompletePeriods);

/// <summary>The monthly sums of the users of one breakdown group.</summary>
/// <param name="Key">The group's breakdown values.</param>
/// <param name="Users">Signed-up users in the group who pass the cohort filter: the size groups are ranked by.</param>
/// <param name="Months">The group's sums for each month of <see cref="RevenueMeasures.Months"/>, in the same order.</param>
public sealed record RevenueGroupCounts(ValueList<string> Key, long Users, IReadOnlyList<RevenueMonthCounts> Months);

/// <summary>What an engine returns for <see cref="RevenueQuery"/>.</summary>
/// <param name="DataEnd">The data end in UTC microseconds, or null when there are no data.</param>
/// <param name="Currency">The most common currency among paying subscriptions (ties: ordinal order); null when none pay.</param>
/// <param name="SkippedSubscriptions">Paying subscriptions in other currencies.</param>
/// <param name="UnmatchedSubscriptions">Subscriptions whose user is not in the store.</param>
/// <param name="Months">Months overlapping the range, from the first with data to the data end's month.</param>
/// <param name="Cohorts">Sign-up-month cohorts among those months, oldest first.</param>
/// <param name="Groups">With breakdowns, every group with at least one signed-up user; empty without.</param>
public sealed record RevenueMeasures(
    long? DataEnd,
    string? Currency,
    int SkippedSubscriptions,
    int UnmatchedSubscriptions,
    IReadOnlyList<RevenueMonthCounts> Months,
    IReadOnlyList<RevenueCohortCounts> Cohorts,
    IReadOnlyList<RevenueGroupCounts> Groups);
