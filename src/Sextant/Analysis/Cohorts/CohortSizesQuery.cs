namespace Sextant.Analysis.Cohorts;

/// <summary>How many users each cohort holds (<c>sextant cohorts</c>).</summary>
/// <param name="Cohorts">The cohorts to size, in the order to report them.</param>
/// <param name="Range">The analysis range that range-anchored conditions use (all time by default).</param>
public sealed record CohortSizesQuery(ValueList<Cohort> Cohorts, TimeRange Range = default) : IAnalysisQuery<CohortSizesMeasures, CohortSizesResult>;
