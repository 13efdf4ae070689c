using System.Text.Json.Serialization;

namespace Sextant.Analysis.Revenue;

/// <summary>Revenue and users of one calendar month.</summary>
/// <param name="Month">yyyy-MM in the project time zone.</param>
/// <param name="Revenue">
/// Sum over paying subscriptions of MRR × (days of the month the subscription ran, up to the data end) / (days in the month),
/// in <see cref="RevenueResult.Currency"/>. Trials and zero-MRR subscriptions add nothing.
/// </param>
/// <param name="ActiveUsers">Signed-up users with at least one active event in the month (visitors never count).</param>
/// <param name="PayingUsers">Users with a paying subscription that ran for part of the month.</param>
/// <param name="Arpu">Revenue / active users; 0 when nobody was active.</param>
/// <param name="Arppu">Revenue / paying users; 0 when nobody paid.</param>
/// <param name="Complete">False while the month has not ended by the data end: every figure is partial.</param>
public sealed record RevenueMonth(string Month, double Revenue, long ActiveUsers, long PayingUsers, double Arpu, double Arppu, bool Complete);

/// <summary>One cohort month: what the cohort paid in it and its observed LTV so far.</summary>
/// <param name="Period">k, months after the sign-up month (0 = the sign-up month).</param>
/// <param name="Revenue">Revenue of the cohort's members in month k (in month 0, also any revenue from before sign-up).</param>
/// <param name="Ltv">Observed LTV(k): cumulative revenue of the cohort through month k / cohort size.</param>
/// <param name="Retained">Members active in month k or any later month up to the data end (on-or-after retention).</param>
/// <param name="Complete">False while month k has not ended by the data end: a partial figure.</param>
public sealed record LtvCell(int Period, double Revenue, double Ltv, long Retained, bool Complete);

/// <summary>Observed and projected LTV of one sign-up-month cohort.</summary>
/// <param name="Cohort">Sign-up month, yyyy-MM.</param>
/// <param name="Size">Signed-up users in the cohort.</param>
/// <param name="Periods">Cells from month 0 to the data end's month.</param>
/// <param name="ProjectedLtv12">
/// Extrapolated, not observed (see <see cref="LtvModel.Projected"/>): expected revenue per member over months 0..11,
/// observed through the last complete month m and projected beyond it by the model. Equal to the observed LTV(11)
/// once month 11 is complete; null without a model or without a complete month.
/// </param>
/// <param name="ProjectedLtv24">As <paramref name="ProjectedLtv12"/> over months 0..23.</param>
public sealed record RevenueCohort(string Cohort, long Size, IReadOnlyList<LtvCell> Periods, double? ProjectedLtv12, double? ProjectedLtv24);

/// <summary>
/// The retention model behind projected LTV: a shifted-beta-geometric fit to pooled on-or-after monthly retention
/// (cohort-size-weighted over the cohorts whose month k is complete, made non-increasing), and the revenue each
/// retained user-month brings. A cohort with last complete month m and retained share s_m is projected as
/// LTV(m) + r × Σ_{k=m+1}^{H−1} s_m × S(k) / S(m).
/// </summary>
/// <param name="Name">Always "shifted-beta-geometric".</param>
/// <param name="Alpha">Fitted α of the Beta distribution of monthly churn probabilities.</param>
/// <param name="Beta">Fitted β.</param>
/// <param name="RootMeanSquareError">Fit error: RMS difference between pooled and fitted retention over months 1..<paramref name="PeriodsFitted"/>.</param>
/// <param name="PeriodsFitted">Months after the sign-up month that were fitted.</param>
/// <param name="RevenuePerRetainedUserMonth">r: revenue in complete cohort months / retained user-months in those cells.</param>
/// <param name="PooledRetention">The fitted series: pooled on-or-after retention for months 0..<paramref name="PeriodsFitted"/>.</param>
public sealed record LtvModel(
    string Name, double Alpha, double Beta, double RootMeanSquareError, int PeriodsFitted, double RevenuePerRetainedUserMonth, IReadOnlyList<double> PooledRetention)
{
    /// <summary>Always true: figures from this model are extrapolations and must be labelled as projected.</summary>
    public bool Projected => true;
}

/// <summary>Monthly revenue of the users of one breakdown group.</summary>
/// <param name="Value">The group's values joined by " / " (or Other, or (none) for a missing value).</param>
/// <param name="Values">The group's value of each breakdown, in the order given; just Other for the merged rest.</param>
/// <param name="Users">Signed-up users in the group.</param>
/// <param name="Months">The group's revenue, active and paying users, ARPU and ARPPU in each month of <see cref="RevenueResult.Months"/>.</param>
public sealed record RevenueBreakdown(string Value, ValueList<string> Values, long Users, IReadOnlyList<RevenueMonth> Months);

/// <summary>A computed revenue and LTV analysis.</summary>
/// <param name="DataEnd">The instant revenue was counted to and completeness judged against (ISO-8601).</param>
/// <param name="Currency">The currency of every figure: the most common one among paying subscriptions; null when none pay.</param>
/// <param name="SkippedSubscriptions">Paying subscriptions in other currencies, left out of every figure.</param>
/// <param name="UnmatchedSubscriptions">Subscriptions whose user is not in the store, left out of every figure.</param>
/// <param name="Months">Calendar months from the first with data to the data end's month.</param>
/// <param name="Cohorts">Sign-up-month cohorts, oldest first.</param>
/// <param name="Model">The projection model; null when it could not be fitted (fewer than three months of pooled retention).</param>
public sealed record RevenueResult(
    string DataEnd,
    string? Currency,
    int SkippedSubscriptions,
    int UnmatchedSubscriptions,
    IReadOnlyList<RevenueMonth> Months,
    IReadOnlyList<RevenueCohort> Cohorts,
    LtvModel? Model)
{
    /// <summary>
    /// Names from sextant.yaml that the store does not contain, one line each; the figures that
    /// depend on them count 0. Empty when every name is stored or nothing came from sextant.yaml.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The breakdowns as given (attribute, event.PROPERTY, cohort.NAME) joined by " / "; null (and left out of JSON) without breakdowns.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? BreakdownBy { get; init; }

    /// <summary>Months per group of <see cref="BreakdownBy"/>, largest group first, Other last; null (and left out of JSON) without breakdowns.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RevenueBreakdown>? Breakdown { get; init; }
}
