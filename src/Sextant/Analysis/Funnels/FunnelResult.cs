namespace Sextant.Analysis.Funnels;

/// <summary>One step of a funnel result.</summary>
/// <param name="Name">Step label.</param>
/// <param name="Users">Users who reached the step.</param>
/// <param name="ConversionFromPrevious">Users / users of the previous step (1 for step 1).</param>
/// <param name="ConversionFromStart">Users / users of step 1.</param>
/// <param name="CiLow">Wilson 95% lower bound of the conversion from the previous step.</param>
/// <param name="CiHigh">Wilson 95% upper bound of the conversion from the previous step.</param>
/// <param name="CiLowFromStart">Wilson 95% lower bound of the conversion from step 1.</param>
/// <param name="CiHighFromStart">Wilson 95% upper bound of the conversion from step 1.</param>
/// <param name="DropOff">Users of the previous step who did not reach this one.</param>
/// <param name="MedianSecondsFromPrevious">Median time from the previous step, or null.</param>
/// <param name="P90SecondsFromPrevious">90th percentile of the time from the previous step, or null.</param>
/// <param name="MedianSecondsFromStart">Median time from step 1, or null.</param>
/// <param name="P90SecondsFromStart">90th percentile of the time from step 1, or null.</param>
public sealed record FunnelStepResult(
    string Name,
    long Users,
    double ConversionFromPrevious,
    double ConversionFromStart,
    double CiLow,
    double CiHigh,
    double CiLowFromStart,
    double CiHighFromStart,
    long DropOff,
    double? MedianSecondsFromPrevious,
    double? P90SecondsFromPrevious,
    double? MedianSecondsFromStart,
    double? P90SecondsFromStart);

/// <summary>The funnel of one breakdown group, compared with the rest of the users.</summary>
/// <param name="Value">
/// The group's label: its value ("(none)" when unset), the values of several breakdowns joined
/// by " / ", or "Other" for the merged smaller groups.
/// </param>
/// <param name="Steps">The funnel of these users.</param>
/// <param name="OverallConversion">Last step / first step for these users.</param>
/// <param name="RatioToRest">Overall conversion of this value divided by that of everyone else, with a 95% interval (null when undefined).</param>
/// <param name="RatioLow">Lower bound of <paramref name="RatioToRest"/>.</param>
/// <param name="RatioHigh">Upper bound of <paramref name="RatioToRest"/>.</param>
/// <param name="PValueVsRest">Two-proportion z-test of this value's overall conversion against everyone else's.</param>
public sealed record FunnelBreakdown(
    string Value,
    IReadOnlyList<FunnelStepResult> Steps,
    double OverallConversion,
    double? RatioToRest,
    double? RatioLow,
    double? RatioHigh,
    double PValueVsRest)
{
    /// <summary>The group's value of each breakdown, in the order asked for; ["Other"] for the merged smaller groups.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];
}

/// <summary>A computed funnel.</summary>
/// <param name="Order">How steps had to follow each other.</param>
/// <param name="WindowSeconds">Conversion window in seconds.</param>
/// <param name="Steps">Per-step results over all users.</param>
/// <param name="Breakdown">Per-group results when breakdowns were asked for, else empty.</param>
/// <param name="ExcludedUsers">Users removed by an exclusion event.</param>
/// <param name="BiggestDropStep">Index of the step with the lowest conversion from its previous step (≥ 1), or null.</param>
public sealed record FunnelResult(
    FunnelOrder Order,
    double WindowSeconds,
    IReadOnlyList<FunnelStepResult> Steps,
    IReadOnlyList<FunnelBreakdown> Breakdown,
    long ExcludedUsers,
    int? BiggestDropStep)
{
    /// <summary>
    /// Names from sextant.yaml that the store does not contain, one line each; the figures that
    /// depend on them count 0. Empty when every name is stored or nothing came from sextant.yaml.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
