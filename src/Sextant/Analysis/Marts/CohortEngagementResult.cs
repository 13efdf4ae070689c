namespace Sextant.Analysis.Marts;

/// <summary>One row of cohort_engagement: a sign-up cohort in one calendar month.</summary>
/// <param name="Cohort">The sign-up month, yyyy-MM.</param>
/// <param name="CohortSize">Signed-up users in the cohort.</param>
/// <param name="Month">The activity month, yyyy-MM.</param>
/// <param name="MonthsSinceSignup">Months from the sign-up month to <paramref name="Month"/> (0 = the sign-up month).</param>
/// <param name="Days">Days of the month observed: all of them for a complete month, up to the data end's day otherwise.</param>
/// <param name="ActiveUsers">Cohort users active in the month: the cohort's MAU.</param>
/// <param name="MeanDau">The cohort's daily active users averaged over the month's <paramref name="Days"/> days.</param>
/// <param name="Stickiness">MeanDau / ActiveUsers (0 when nobody was active).</param>
/// <param name="RetainedShare">ActiveUsers / CohortSize.</param>
/// <param name="CiLow">Wilson 95% lower bound of the retained share.</param>
/// <param name="CiHigh">Wilson 95% upper bound of the retained share.</param>
/// <param name="Complete">False when the month had not ended at the data end: the row is partial.</param>
public sealed record CohortEngagementRow(string Cohort, long CohortSize, string Month, int MonthsSinceSignup, int Days, long ActiveUsers,
    double MeanDau, double Stickiness, double RetainedShare, double CiLow, double CiHigh, bool Complete);

/// <summary>One row of cohort_feature_adoption: a feature among a sign-up cohort.</summary>
/// <param name="Cohort">The sign-up month, yyyy-MM.</param>
/// <param name="CohortSize">Signed-up users in the cohort.</param>
/// <param name="Feature">The feature event.</param>
/// <param name="Adopters">Cohort users who used it at least once by the data end.</param>
/// <param name="Rate">Adopters / CohortSize.</param>
/// <param name="CiLow">Wilson 95% lower bound of the rate.</param>
/// <param name="CiHigh">Wilson 95% upper bound of the rate.</param>
/// <param name="EarlyAdopters">Cohort users who used it on days 0 … 29 after their sign-up day.</param>
/// <param name="EarlyRate">EarlyAdopters / CohortSize.</param>
/// <param name="EarlyCiLow">Wilson 95% lower bound of the early rate.</param>
/// <param name="EarlyCiHigh">Wilson 95% upper bound of the early rate.</param>
/// <param name="Complete">False when some member's first 30 days had not ended at the data end: the early figures are partial.</param>
public sealed record CohortFeatureAdoptionRow(string Cohort, long CohortSize, string Feature, long Adopters, double Rate, double CiLow, double CiHigh,
    long EarlyAdopters, double EarlyRate, double EarlyCiLow, double EarlyCiHigh, bool Complete);

/// <summary>Engagement and feature adoption by sign-up cohort.</summary>
/// <param name="DataEnd">The data end's local day, yyyy-MM-dd; empty when there are no events.</param>
/// <param name="Features">The features counted, in order.</param>
/// <param name="Months">One row per cohort and month since its sign-up month, oldest cohort first, months in order.</param>
/// <param name="Adoption">One row per cohort and feature, oldest cohort first, features in order.</param>
public sealed record CohortEngagementResult(string DataEnd, IReadOnlyList<string> Features, IReadOnlyList<CohortEngagementRow> Months,
    IReadOnlyList<CohortFeatureAdoptionRow> Adoption)
{
    /// <summary>Feature names from sextant.yaml that the store does not contain, one line each; their adoption counts 0.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
