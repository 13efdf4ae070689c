namespace Sextant.Analysis.Cohorts;

/// <summary>Members of one cohort.</summary>
/// <param name="Users">Signed-up users in the cohort.</param>
/// <param name="Visitors">Never-identified visitors in the cohort.</param>
public sealed record CohortCount(long Users, long Visitors);

/// <summary>What an engine returns for <see cref="CohortSizesQuery"/>.</summary>
/// <param name="Users">Signed-up users in the store.</param>
/// <param name="Visitors">Visitors in the store.</param>
/// <param name="Counts">Members per cohort, in query order.</param>
public sealed record CohortSizesMeasures(long Users, long Visitors, IReadOnlyList<CohortCount> Counts);
