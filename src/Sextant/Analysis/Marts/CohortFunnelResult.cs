namespace Sextant.Analysis.Marts;

/// <summary>One funnel step among a sign-up cohort.</summary>
/// <param name="Name">The step's label.</param>
/// <param name="Users">Cohort users who reached the step.</param>
/// <param name="FromPrevious">Users / users of the previous step; for step 1, users / the cohort size.</param>
/// <param name="CiLow">Wilson 95% lower bound of <paramref name="FromPrevious"/>.</param>
/// <param name="CiHigh">Wilson 95% upper bound of <paramref name="FromPrevious"/>.</param>
/// <param name="FromCohort">Users / the cohort size.</param>
/// <param name="CohortCiLow">Wilson 95% lower bound of <paramref name="FromCohort"/>.</param>
/// <param name="CohortCiHigh">Wilson 95% upper bound of <paramref name="FromCohort"/>.</param>
public sealed record CohortFunnelStep(string Name, long Users, double FromPrevious, double CiLow, double CiHigh, double FromCohort, double CohortCiLow, double CohortCiHigh);

/// <summary>One row of cohort_funnel: the funnel among the users who signed up in one month.</summary>
/// <param name="Cohort">The sign-up month, yyyy-MM.</param>
/// <param name="CohortSize">Signed-up users in the cohort.</param>
/// <param name="Complete">False when the conversion window after the cohort's last sign-up day had not closed at the data end: the row is partial.</param>
/// <param name="Steps">Every step, in order.</param>
public sealed record CohortFunnelRow(string Cohort, long CohortSize, bool Complete, IReadOnlyList<CohortFunnelStep> Steps);

/// <summary>A funnel's conversion by sign-up cohort month.</summary>
/// <param name="Steps">The step labels, in order.</param>
/// <param name="WindowSeconds">The conversion window in seconds.</param>
/// <param name="Cohorts">One row per sign-up month, oldest first.</param>
/// <param name="CompleteCohorts">Cohorts whose windows had all closed: the ones <paramref name="Average"/> pools.</param>
/// <param name="Average">Per step, the complete cohorts pooled (their users added up), with Wilson intervals; incomplete cohorts are left out. All zero when no cohort is complete.</param>
public sealed record CohortFunnelResult(IReadOnlyList<string> Steps, long WindowSeconds, IReadOnlyList<CohortFunnelRow> Cohorts, int CompleteCohorts,
    IReadOnlyList<CohortFunnelStep> Average);
