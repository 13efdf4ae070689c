using System.Text.Json.Serialization;

namespace Sextant.Analysis.Impact;

/// <summary>An estimate of the adopters' difference with its 95% interval.</summary>
/// <param name="Difference">Adopters' mean outcome minus non-adopters' (or the stratified average of it).</param>
/// <param name="StandardError">Its standard error.</param>
/// <param name="CiLow">Lower 95% bound.</param>
/// <param name="CiHigh">Upper 95% bound.</param>
public sealed record EffectEstimate(double Difference, double StandardError, double CiLow, double CiHigh);

/// <summary>A feature's association with an outcome.</summary>
/// <param name="Feature">The feature.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="Eligible">Signed-up users observed long enough for the outcome.</param>
/// <param name="Adopters">Eligible users who used the feature within the adoption window.</param>
/// <param name="AdopterMean">Adopters' mean outcome.</param>
/// <param name="NonAdopterMean">Non-adopters' mean outcome.</param>
/// <param name="Naive">The raw difference.</param>
/// <param name="Adjusted">The difference within propensity strata, averaged over the adopters (effect on the adopters).</param>
/// <param name="AdoptersDropped">Adopters in strata with no non-adopters, left out of the adjusted estimate.</param>
/// <param name="Covariates">What the adjustment accounts for.</param>
/// <param name="IncrementalAnnualRevenue">Adjusted difference × adopters a year × value of one unit of outcome, in the sample (not scaled).</param>
/// <param name="ValuePerUnit">Revenue value of one unit of the outcome (measured), and how it was measured.</param>
/// <param name="Statement">The caveat: an observational association, not a controlled effect.</param>
public sealed record ImpactResult(string Feature, ImpactOutcome Outcome, long Eligible, long Adopters, double AdopterMean, double NonAdopterMean,
    EffectEstimate Naive, EffectEstimate Adjusted, long AdoptersDropped, IReadOnlyList<string> Covariates, double IncrementalAnnualRevenue, string ValuePerUnit, string Statement)
{
    /// <summary>
    /// <see cref="IncrementalAnnualRevenue"/> × business.mau / sample MAU (extrapolated), or null
    /// when business.mau is not set.
    /// </summary>
    public double? IncrementalAnnualRevenueExtrapolated { get; init; }

    /// <summary>
    /// With breakdowns, each group compared on its own users: the largest groups by eligible users,
    /// then Other; null (and left out of JSON) without breakdowns.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ImpactGroup>? Groups { get; init; }
}

/// <summary>A feature's association with the outcome within one breakdown group.</summary>
/// <param name="Value">The group's label: its values joined by " / ", or "Other".</param>
/// <param name="Values">The group's value of each breakdown; ["Other"] for Other.</param>
/// <param name="Eligible">The group's eligible users.</param>
/// <param name="Adopters">Of them, adopters.</param>
/// <param name="NonAdopters">Of them, non-adopters.</param>
/// <param name="AdopterMean">The group's adopters' mean outcome (0 without any).</param>
/// <param name="NonAdopterMean">The group's non-adopters' mean outcome (0 without any).</param>
/// <param name="Naive">The raw difference within the group; null when the group is too small to estimate.</param>
/// <param name="Adjusted">The difference within propensity strata of the group's users; null when it cannot be estimated.</param>
/// <param name="AdoptersDropped">The group's adopters in strata with no non-adopters, left out of its adjusted estimate.</param>
/// <param name="Reason">Why an estimate is null; null when both are given.</param>
public sealed record ImpactGroup(string Value, ValueList<string> Values, long Eligible, long Adopters, long NonAdopters, double AdopterMean, double NonAdopterMean,
    EffectEstimate? Naive, EffectEstimate? Adjusted, long AdoptersDropped, string? Reason);
