namespace Sextant.Analysis.Retention;

/// <summary>One cell: cohort users active in period k (or later, in on-or-after mode).</summary>
/// <param name="Period">k, periods after the cohort's own (0 = the cohort period).</param>
/// <param name="Users">Retained users.</param>
/// <param name="Rate">Users / cohort size.</param>
/// <param name="CiLow">Wilson 95% lower bound.</param>
/// <param name="CiHigh">Wilson 95% upper bound.</param>
/// <param name="Complete">False while period k has not ended by the data end: a partial figure.</param>
public sealed record RetentionCell(int Period, long Users, double Rate, double CiLow, double CiHigh, bool Complete);

/// <summary>One cohort row of the matrix.</summary>
/// <param name="Cohort">Period label: yyyy-MM-dd (day, week's Monday) or yyyy-MM (month).</param>
/// <param name="Size">Users in the cohort.</param>
/// <param name="Periods">Cells from period 0 to the data end.</param>
public sealed record RetentionCohort(string Cohort, long Size, IReadOnlyList<RetentionCell> Periods);

/// <summary>A rate over users who are eligible for it.</summary>
/// <param name="Period">Period k (average curve) or day N (day-N retention).</param>
/// <param name="Users">Retained users.</param>
/// <param name="Eligible">Users whose period / day had ended by the data end.</param>
/// <param name="Rate">Users / eligible.</param>
/// <param name="CiLow">Wilson 95% lower bound.</param>
/// <param name="CiHigh">Wilson 95% upper bound.</param>
public sealed record RetentionRate(int Period, long Users, long Eligible, double Rate, double CiLow, double CiHigh);

/// <summary>Period-1 retention of the first vs the last complete cohorts.</summary>
/// <param name="EarlyCohorts">Labels of the early cohorts.</param>
/// <param name="LateCohorts">Labels of the late cohorts.</param>
/// <param name="Early">Retention of the early cohorts together.</param>
/// <param name="Late">Retention of the late cohorts together.</param>
/// <param name="Difference">Late − early.</param>
/// <param name="RelativeChange">Late / early − 1.</param>
/// <param name="PValue">Two-proportion z-test.</param>
public sealed record CohortComparison(
    IReadOnlyList<string> EarlyCohorts, IReadOnlyList<string> LateCohorts, RetentionRate Early, RetentionRate Late, double Difference, double RelativeChange, double PValue);

/// <summary>Retention of the users of one breakdown group.</summary>
/// <param name="Value">The group's values joined by " / " (or Other, or (none) for a missing value).</param>
/// <param name="Users">Users in the group's cohorts.</param>
/// <param name="Average">Their average curve over complete cells.</param>
/// <param name="DayN">Their day-N retention.</param>
public sealed record RetentionBreakdown(string Value, long Users, IReadOnlyList<RetentionRate> Average, IReadOnlyList<RetentionRate> DayN)
{
    /// <summary>The group's value of each breakdown, in the order given; just Other for the merged rest.</summary>
    public ValueList<string> Values { get; init; }
}

/// <summary>A computed retention analysis.</summary>
/// <param name="Period">Cohort and cell period.</param>
/// <param name="Mode">On, or on-or-after.</param>
/// <param name="DataEnd">The instant completeness was judged against (ISO-8601).</param>
/// <param name="Cohorts">The cohort matrix, oldest first.</param>
/// <param name="Average">Cohort-size-weighted average curve over complete cells only.</param>
/// <param name="DayN">Retention on day N after sign-up (calendar days), each over users whose day N is complete.</param>
/// <param name="EarlyVsLate">Early vs late cohorts, when there are enough complete cohorts.</param>
/// <param name="BreakdownBy">The breakdowns as given (attribute, event.PROPERTY, cohort.NAME) joined by " / ", or null.</param>
/// <param name="Breakdown">Curves per group of <paramref name="BreakdownBy"/>, largest first, Other last.</param>
public sealed record RetentionResult(
    CalendarPeriod Period,
    RetentionMode Mode,
    string DataEnd,
    IReadOnlyList<RetentionCohort> Cohorts,
    IReadOnlyList<RetentionRate> Average,
    IReadOnlyList<RetentionRate> DayN,
    CohortComparison? EarlyVsLate,
    string? BreakdownBy,
    IReadOnlyList<RetentionBreakdown> Breakdown)
{
    /// <summary>
    /// Names from sextant.yaml that the store does not contain, one line each; the figures that
    /// depend on them count 0. Empty when every name is stored or nothing came from sextant.yaml.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
