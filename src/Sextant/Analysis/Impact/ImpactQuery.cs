namespace Sextant.Analysis.Impact;

/// <summary>What adopting a feature is compared on.</summary>
public enum ImpactOutcome
{
    /// <summary>Started a paying subscription within a year of sign-up (also called conversion).</summary>
    Upgrade,
    /// <summary>Active on any day 30–59 after the sign-up day.</summary>
    Retention,
    /// <summary>Subscription revenue in the first year after sign-up.</summary>
    Revenue,
}

/// <summary>A feature's association with an outcome, adopters against non-adopters (docs/IMPACT.md).</summary>
/// <param name="Feature">The feature's event.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="AdoptionDays">Adopters used the feature within this many days of sign-up (default 7).</param>
/// <param name="Strata">Propensity strata (default 10, equal-sized by propensity).</param>
/// <param name="ExcludeEvents">Events that never make a user active.</param>
/// <param name="BusinessMau">business.mau, for the incremental revenue at business scale; null (the default) extrapolates nothing.</param>
/// <param name="Range">
/// Users who signed up in it are compared; its last instant is the data end, by which a user's
/// adoption window and outcome horizon must have passed. All time by default.
/// </param>
/// <param name="ActivationEvents">activation.events: all of them within the adoption window make the activation covariate; empty leaves it out.</param>
/// <param name="Cohort">Only members of this cohort are compared; everyone when null.</param>
public sealed record ImpactQuery(
    string Feature,
    ImpactOutcome Outcome = ImpactOutcome.Upgrade,
    int AdoptionDays = 7,
    int Strata = 10,
    ValueList<string> ExcludeEvents = default,
    double? BusinessMau = null,
    TimeRange Range = default,
    ValueList<string> ActivationEvents = default,
    Cohort? Cohort = null) : IAnalysisQuery<ImpactMeasures, ImpactResult>, IScopedQuery
{
    /// <summary>Groups the eligible users are split into, crossed (at most 3), each compared on its own; none by default.</summary>
    public ValueList<Breakdown> Breakdowns { get; init; } = [];

    /// <summary>Groups kept, by eligible users; the rest are merged into Other.</summary>
    public int BreakdownLimit { get; init; } = 10;

    /// <summary>Days after the sign-up day by which the outcome is known: 60 for retention, else 365.</summary>
    public int HorizonDays => Outcome == ImpactOutcome.Retention ? 60 : 365;
}
