namespace Sextant.Analysis.Health;

/// <summary>How much each component counts in the health score; only the ratios matter (the score divides by their sum).</summary>
/// <param name="Recency">Weight of the recency component (default 0.30).</param>
/// <param name="Frequency">Weight of the frequency component (default 0.25).</param>
/// <param name="Breadth">Weight of the breadth component (default 0.20).</param>
/// <param name="Collaboration">Weight of the collaboration component (default 0.15).</param>
/// <param name="Trend">Weight of the trend component.</param>
/// <param name="Tenure">Weight of the tenure component (0 unless given; the default weights give it 0.20).</param>
public sealed record HealthWeights(
    double Recency = 0.30,
    double Frequency = 0.25,
    double Breadth = 0.20,
    double Collaboration = 0.15,
    double Trend = 0.10,
    double Tenure = 0)
{
    /// <summary>
    /// The default weights, summing to 1: recency 0.25, frequency 0.20, breadth 0.15, collaboration 0.15,
    /// trend 0.05, tenure 0.20. Tenure is in because new users are the likeliest to leave (measured on the
    /// generated scenario: churn 0.51–0.55 in the first 30 days, 0.18 after a year).
    /// </summary>
    public static HealthWeights Default { get; } = new(0.25, 0.20, 0.15, 0.15, 0.05, 0.20);

    /// <summary>Sum of the weights.</summary>
    public double Sum => Recency + Frequency + Breadth + Collaboration + Trend + Tenure;
}

/// <summary>Where a user's plan is read from.</summary>
public enum PlanSource
{
    /// <summary>The profile's plan attribute.</summary>
    Profile,

    /// <summary>
    /// The plan of the subscription live at the data end (status trial, active or past_due, started by then and not ended;
    /// of several, the highest MRR, ties by plan name); a user with subscriptions but none live has no plan; only a user
    /// with no subscription at all falls back to the profile's plan.
    /// </summary>
    Subscriptions,
}

/// <summary>
/// What user health to compute. All windows are calendar days in the project time zone ending on
/// the data end's day (that day included, even when it is only partly observed): the "last 30
/// days" are the data end's day and the 29 days before it. The data end is the range's last
/// instant (the latest event when the range is open); events before the range's start are
/// ignored like events after its end (docs/HEALTH.md).
/// </summary>
/// <param name="Range">The events looked at; its last instant is the data end. All time by default.</param>
/// <param name="ExcludeEvents">Events that never make a user active (activity.exclude_events).</param>
/// <param name="CollaborationEvents">Events that count as collaboration; empty (the default) means none: the collaboration component is 0 for everyone.</param>
/// <param name="Weights">Component weights; null means <see cref="HealthWeights.Default"/>.</param>
/// <param name="AtRiskBelow">A user whose score (0–100) is strictly below this is at risk (default 40).</param>
/// <param name="ExpansionPlans">Plans that can expand (starter-like); empty (the default) means none, so no user is expansion-ready. Compared ordinally.</param>
/// <param name="ExpansionMinFeatures">Distinct active events in the last 30 days an expansion-ready user needs (default 4).</param>
/// <param name="ExpansionMinActiveDays">Active days in the last 30 an expansion-ready user needs (default 20).</param>
/// <param name="RecencyHalfLifeDays">Recency scale τ in days: recency = exp(−days since last active / τ) (default 14).</param>
/// <param name="FrequencyTargetDays">Active days in the last 30 that give full frequency (default 12; 30 gives the plain share of days).</param>
/// <param name="BreadthTargetFeatures">Distinct active events in the last 30 days that give full breadth (default 5).</param>
/// <param name="TenureTargetDays">Days since sign-up at which the tenure component reaches 1 (default 180).</param>
/// <param name="Cohort">Only members of this cohort are scored, or every user when null.</param>
/// <param name="Breakdowns">Dimensions whose groups get their own health counts (<see cref="HealthResult.Groups"/>).</param>
/// <param name="BreakdownLimit">Groups kept, most scored users first, before the rest are merged into Other (default 10).</param>
/// <param name="ExpansionPlanFrom">Where a user's plan is read for the expansion rule and the Plan column: the profile (default) or the subscriptions (docs/HEALTH.md, Plan source).</param>
public sealed record HealthQuery(
    TimeRange Range = default,
    ValueList<string> ExcludeEvents = default,
    ValueList<string> CollaborationEvents = default,
    HealthWeights? Weights = null,
    double AtRiskBelow = 40,
    ValueList<string> ExpansionPlans = default,
    int ExpansionMinFeatures = 4,
    int ExpansionMinActiveDays = 20,
    double RecencyHalfLifeDays = 14,
    int FrequencyTargetDays = 12,
    int BreadthTargetFeatures = 5,
    int TenureTargetDays = 180,
    Cohort? Cohort = null,
    ValueList<Breakdown> Breakdowns = default,
    int BreakdownLimit = 10,
    PlanSource ExpansionPlanFrom = PlanSource.Profile) : IAnalysisQuery<HealthMeasures, HealthResult>, IScopedQuery
{
    /// <summary>The warning when no plan is named as one that can expand: nobody is flagged expansion-ready, and the count 0 must not read as a finding.</summary>
    public const string NoExpansionPlansWarning = "health.expansion.plans is not set: no user is flagged expansion-ready (name the plans that can expand, e.g. free tiers)";

    /// <summary>Days before the data end's day that count as "recent activity" for the population (the last 90 days).</summary>
    public const int PopulationDays = 90;
}
