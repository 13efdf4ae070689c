namespace Sextant.Analysis.Growth;

/// <summary>One lever's first-year revenue impact at business scale (extrapolated).</summary>
/// <param name="Lever">Lever name.</param>
/// <param name="Rate">The rate it moves.</param>
/// <param name="Baseline">The rate's measured value.</param>
/// <param name="AudienceShare">Share of active users it reaches (measured).</param>
/// <param name="UpliftLow">Pessimistic relative uplift.</param>
/// <param name="UpliftLikely">Likely relative uplift.</param>
/// <param name="UpliftHigh">Optimistic relative uplift.</param>
/// <param name="Confidence">Probability that it works.</param>
/// <param name="EffortMonths">Person-months.</param>
/// <param name="RampUpMonths">Months to the full effect.</param>
/// <param name="P10">10th percentile of first-year revenue impact, counting the chance that it fails.</param>
/// <param name="P50">Median.</param>
/// <param name="P90">90th percentile.</param>
/// <param name="ExpectedIfItWorks">Mean first-year impact when it works.</param>
/// <param name="Score">ExpectedIfItWorks × Confidence / EffortMonths: the ranking.</param>
/// <param name="Rank">1 = best score.</param>
public sealed record LeverImpact(string Lever, LeverRate Rate, double Baseline, double AudienceShare, double UpliftLow, double UpliftLikely, double UpliftHigh,
    double Confidence, double EffortMonths, double RampUpMonths, double P10, double P50, double P90, double ExpectedIfItWorks, double Score, int Rank);

/// <summary>One month of the compound projection of the top levers.</summary>
/// <param name="Month">1–12.</param>
/// <param name="Baseline">Revenue without the levers (the year's revenue growing at business.growth).</param>
/// <param name="P10">10th percentile of revenue with the levers.</param>
/// <param name="P50">Median.</param>
/// <param name="P90">90th percentile.</param>
/// <param name="CumulativeAdditionalP50">Median additional revenue from month 1 to this month.</param>
public sealed record ProjectionMonth(int Month, double Baseline, double P10, double P50, double P90, double CumulativeAdditionalP50);

/// <summary>One bar of the tornado: the top levers' 12-month additional revenue when one input moves to its low or high value.</summary>
/// <param name="Lever">The lever whose input moves.</param>
/// <param name="Parameter">uplift, audience or ramp_up_months.</param>
/// <param name="LowValue">The input's low value.</param>
/// <param name="HighValue">Its high value.</param>
/// <param name="ImpactAtLow">12-month additional revenue at the low value (others at likely).</param>
/// <param name="ImpactAtHigh">At the high value.</param>
/// <param name="Swing">|ImpactAtHigh − ImpactAtLow|.</param>
public sealed record SensitivityRow(string Lever, string Parameter, double LowValue, double HighValue, double ImpactAtLow, double ImpactAtHigh, double Swing);

/// <summary>A growth-lever model run.</summary>
/// <param name="Label">Says that every money figure is extrapolated and modelled, not measured.</param>
/// <param name="Baseline">The measured baselines.</param>
/// <param name="Draws">Monte Carlo draws.</param>
/// <param name="Seed">Random seed (the same seed gives the same figures).</param>
/// <param name="Levers">Levers, best score first.</param>
/// <param name="TopLevers">The three levers projected together.</param>
/// <param name="Projection">12 months of the top levers acting together, multiplicatively on revenue.</param>
/// <param name="CompoundAdditionalP10">10th percentile of the 12 months' additional revenue.</param>
/// <param name="CompoundAdditionalP50">Median.</param>
/// <param name="CompoundAdditionalP90">90th percentile.</param>
/// <param name="Sensitivity">Tornado rows, largest swing first.</param>
/// <param name="SensitivityBase">12-month additional revenue of the top levers at likely values, all working: the tornado's centre line.</param>
public sealed record GrowthResult(string Label, GrowthBaseline Baseline, int Draws, int Seed, IReadOnlyList<LeverImpact> Levers, IReadOnlyList<string> TopLevers,
    IReadOnlyList<ProjectionMonth> Projection, double CompoundAdditionalP10, double CompoundAdditionalP50, double CompoundAdditionalP90, IReadOnlyList<SensitivityRow> Sensitivity,
    double SensitivityBase)
{
    /// <summary>
    /// Names from sextant.yaml that the store does not contain, one line each; the figures that
    /// depend on them count 0. Empty when every name is stored or nothing came from sextant.yaml.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
