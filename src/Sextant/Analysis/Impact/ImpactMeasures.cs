namespace Sextant.Analysis.Impact;

/// <summary>
/// The outcome over a set of users as a SQL engine returns it: COUNT, AVG and VAR_SAMP (0 for
/// fewer than two users; mean 0 for none).
/// </summary>
/// <param name="N">Users.</param>
/// <param name="Mean">Mean outcome.</param>
/// <param name="Variance">Sample variance of the outcome.</param>
public sealed record OutcomeSummary(long N, double Mean, double Variance);

/// <summary>Adopters and non-adopters within one propensity stratum.</summary>
/// <param name="Adopters">Adopters' outcome.</param>
/// <param name="NonAdopters">Non-adopters' outcome.</param>
public sealed record StratumMeasures(OutcomeSummary Adopters, OutcomeSummary NonAdopters);

/// <summary>What an engine returns for an <see cref="ImpactQuery"/>.</summary>
/// <param name="Adopters">Eligible adopters' outcome.</param>
/// <param name="NonAdopters">Eligible non-adopters' outcome.</param>
/// <param name="Strata">Each equal-sized propensity stratum, lowest propensity first.</param>
/// <param name="FirstSignup">Earliest sign-up of an eligible user (UTC µs).</param>
/// <param name="LastSignup">Latest sign-up of an eligible user (UTC µs).</param>
/// <param name="SampleMau">Users active in the 30 days up to the data end.</param>
/// <param name="UnitRevenue">
/// Revenue that values one unit of outcome, over <paramref name="UnitUsers"/>: first-year revenue
/// of the users who upgraded within a year (upgrade), or last year's subscription revenue
/// (retention); 0 for revenue, whose unit is revenue itself.
/// </param>
/// <param name="UnitUsers">Users that revenue is shared by: the upgraders, or the sample MAU.</param>
public sealed record ImpactMeasures(OutcomeSummary Adopters, OutcomeSummary NonAdopters, IReadOnlyList<StratumMeasures> Strata,
    long FirstSignup, long LastSignup, long SampleMau, double UnitRevenue, long UnitUsers)
{
    /// <summary>With breakdowns, every group with an eligible user, in no particular order; empty without.</summary>
    public IReadOnlyList<ImpactGroupMeasures> Groups { get; init; } = [];
}

/// <summary>One breakdown group's eligible users, summarised as the whole sample is.</summary>
/// <param name="Values">The group's value of each breakdown.</param>
/// <param name="Adopters">The group's adopters' outcome.</param>
/// <param name="NonAdopters">The group's non-adopters' outcome.</param>
/// <param name="Strata">The group's users in equal-sized strata by the overall propensity score, lowest first.</param>
public sealed record ImpactGroupMeasures(ValueList<string> Values, OutcomeSummary Adopters, OutcomeSummary NonAdopters, IReadOnlyList<StratumMeasures> Strata);
