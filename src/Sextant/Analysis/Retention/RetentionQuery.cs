namespace Sextant.Analysis.Retention;

/// <summary>What counts as retained in period k.</summary>
public enum RetentionMode
{
    /// <summary>Active in period k itself (the default).</summary>
    On,
    /// <summary>Active in period k or any later period (unbounded retention).</summary>
    OnOrAfter,
}

/// <summary>What retention to compute (SEMANTICS.md, Retention; docs/METRICS.md).</summary>
/// <param name="Period">Cohort and cell period.</param>
/// <param name="Mode">On, or on-or-after.</param>
/// <param name="StartEvent">Cohort by the first occurrence of this event instead of sign-up.</param>
/// <param name="ReturnEvent">Only this event counts as a return; otherwise any active event.</param>
/// <param name="ExcludeEvents">Events that never make a user active (activity.exclude_events).</param>
/// <param name="Range">
/// Cohorts whose start falls in the range; nothing after its end is seen, and its last instant is the
/// data end completeness is judged against (the latest event when the range is open at the end).
/// </param>
/// <param name="CompareCohorts">How many first and last complete cohorts the early-vs-late comparison uses.</param>
/// <param name="Breakdowns">Dimensions whose groups each get an average curve and day-N retention.</param>
/// <param name="BreakdownLimit">Groups beyond the largest ones (by signed-up users) are grouped as Other.</param>
/// <param name="Cohort">Only members of this cohort are counted, or everyone when null.</param>
public sealed record RetentionQuery(
    CalendarPeriod Period = CalendarPeriod.Month,
    RetentionMode Mode = RetentionMode.On,
    string? StartEvent = null,
    string? ReturnEvent = null,
    ValueList<string> ExcludeEvents = default,
    TimeRange Range = default,
    int CompareCohorts = 6,
    ValueList<Breakdown> Breakdowns = default,
    int BreakdownLimit = 10,
    Cohort? Cohort = null) : IAnalysisQuery<RetentionMeasures, RetentionResult>, IScopedQuery
{
    /// <summary>The days after sign-up reported as day-N retention.</summary>
    public static readonly IReadOnlyList<int> DayN = [1, 7, 14, 30, 60, 90];
}
