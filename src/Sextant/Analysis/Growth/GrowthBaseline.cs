namespace Sextant.Analysis.Growth;

/// <summary>One measured rate and the share of monthly active users it applies to.</summary>
/// <param name="Rate">The rate.</param>
/// <param name="Baseline">Its measured value.</param>
/// <param name="AudienceShare">Share of the final month's active users the lever reaches.</param>
/// <param name="Definition">How both were measured.</param>
public sealed record RateBaseline(LeverRate Rate, double Baseline, double AudienceShare, string Definition);

/// <summary>
/// Baselines measured from the data: annual revenue of the last 12 complete months — scaled to
/// the business (business.mau / sample MAU, labelled extrapolated) only when business.mau is set
/// — and for each rate its value and audience.
/// </summary>
/// <param name="SampleAnnualRevenue">Revenue of the last 12 complete months in the data.</param>
/// <param name="SampleMau">Monthly active users (rolling 30 days) at the data end.</param>
/// <param name="ScaleFactor">business.mau / sample MAU; 1 when business.mau is not set.</param>
/// <param name="AnnualRevenue">Sample annual revenue × scale factor: the revenue the levers act on.</param>
/// <param name="Rates">Per rate, its baseline and audience.</param>
public sealed record GrowthBaseline(double SampleAnnualRevenue, long SampleMau, double ScaleFactor, double AnnualRevenue, IReadOnlyList<RateBaseline> Rates)
{
    /// <summary>business.mau when it was set (the money figures are then extrapolated), else null (they are the sample's).</summary>
    public double? BusinessMau { get; init; }

    /// <summary>True when the money figures are scaled to business.mau rather than the sample's own.</summary>
    public bool Extrapolated => BusinessMau is not null;
}
