namespace Sextant.Analysis.Cohorts;

/// <summary>One cohort's size.</summary>
/// <param name="Name">Cohort name.</param>
/// <param name="Definition">The definition in words, e.g. "did create_page ≥ 3 times within 7d of sign-up and plan in (paid)".</param>
/// <param name="Users">Signed-up users in the cohort.</param>
/// <param name="Share">Users / all signed-up users.</param>
/// <param name="CiLow">Wilson 95% lower bound of the share.</param>
/// <param name="CiHigh">Wilson 95% upper bound of the share.</param>
/// <param name="Visitors">Never-identified visitors who also meet the definition (not in Users).</param>
public sealed record CohortSize(string Name, string Definition, long Users, double Share, double CiLow, double CiHigh, long Visitors);

/// <summary>The sizes of the saved cohorts.</summary>
/// <param name="Users">Signed-up users in the store.</param>
/// <param name="Cohorts">Each cohort, in the order of sextant.yaml.</param>
public sealed record CohortSizesResult(long Users, IReadOnlyList<CohortSize> Cohorts);
