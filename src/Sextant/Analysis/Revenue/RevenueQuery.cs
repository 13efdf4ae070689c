namespace Sextant.Analysis.Revenue;

/// <summary>What revenue and LTV to compute (SEMANTICS.md, Revenue and LTV; docs/METRICS.md). Periods are calendar months in the project time zone.</summary>
/// <param name="ExcludeEvents">Events that never make a user active (activity.exclude_events), e.g. billing or system events.</param>
/// <param name="Range">
/// The months reported are those overlapping the range, each counted whole, and the sign-up-month cohorts
/// among them; nothing after the range's end is seen. Its last instant is the data end: revenue is counted
/// up to it and months are complete once they have ended by it (the latest event when the range is open at the end).
/// </param>
/// <param name="Cohort">Only members of this cohort are counted (activity, subscriptions, LTV cohorts), or everyone when null.</param>
/// <param name="Breakdowns">Dimensions whose groups each get their own monthly revenue, ARPU and ARPPU.</param>
/// <param name="BreakdownLimit">Groups beyond the largest ones (by signed-up users) are grouped as Other.</param>
public sealed record RevenueQuery(
    ValueList<string> ExcludeEvents = default,
    TimeRange Range = default,
    Cohort? Cohort = null,
    ValueList<Breakdown> Breakdowns = default,
    int BreakdownLimit = 10) : IAnalysisQuery<RevenueMeasures, RevenueResult>, IScopedQuery;
