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

/// <summary>A feature's association with an outcome, adopters against non-adopters.</summary>
/// <param name="Feature">The feature's event.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="AdoptionDays">Adopters used the feature within this many days of sign-up (default 7).</param>
/// <param name="Strata">Propensity strata (default 10, equal-sized by propensity).</param>
/// <param name="ExcludeEvents">Events that never make a user active.</param>
/// <param name="BusinessMau">business.mau, for the incremental revenue at business scale; null (the default) extrapolates nothing.</param>
/// <param name="AsOf">Data end; null means the latest event.</param>
/// <param name="ActivationEvents">activation.events: all of them within the adoption window make the activation covariate; null or empty leaves it out.</param>
public sealed record ImpactQuery(
    string Feature,
    ImpactOutcome Outcome = ImpactOutcome.Upgrade,
    int AdoptionDays = 7,
    int Strata = 10,
    IReadOnlyList<string>? ExcludeEvents = null,
    double? BusinessMau = null,
    long? AsOf = null,
    IReadOnlyList<string>? ActivationEvents = null);
