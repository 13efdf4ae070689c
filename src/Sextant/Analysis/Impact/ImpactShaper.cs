using MathNet.Numerics.Distributions;
using Sextant.Events;
using Sextant.Stats;

namespace Sextant.Analysis.Impact;

/// <summary>
/// Turns adopters' and non-adopters' outcome summaries into a feature's association with the
/// outcome: the naive difference of means, and the within-stratum differences averaged with the
/// adopters' weights (the effect on the adopters). Observational: it is labelled as an association.
/// </summary>
public static class ImpactShaper
{
    /// <summary>The caveat every impact result carries.</summary>
    public const string Caveat = "observational association: adopters chose to adopt; the adjusted estimate accounts only for the covariates listed, not for anything unmeasured";

    /// <summary>The result of <paramref name="query"/> from its measures.</summary>
    public static ImpactResult Shape(ImpactQuery query, ImpactMeasures measures)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(measures);
        var naive = Difference(measures.Adopters, measures.NonAdopters);
        var (adjusted, dropped) = Stratified(measures.Strata);
        var adopters = measures.Adopters.N;
        var (valuePerUnit, valueText) = ValuePerUnit(query.Outcome, measures);
        var adoptersPerYear = adopters * 365.0 / Math.Max(1, (measures.LastSignup - measures.FirstSignup) / (double)Timestamp.MicrosPerDay);
        var incremental = adjusted.Difference * adoptersPerYear * valuePerUnit;
        return new ImpactResult(query.Feature, query.Outcome, measures.Adopters.N + measures.NonAdopters.N, adopters,
            measures.Adopters.Mean, measures.NonAdopters.Mean, naive, adjusted, dropped,
            query.ActivationEvents.Count == 0
                ? ["segment", "channel", "platform", "sign-up quarter", "active days in the adoption window"]
                : ["segment", "channel", "platform", "sign-up quarter", $"activated ({string.Join(" + ", query.ActivationEvents)}) within the adoption window", "active days in the adoption window"],
            incremental, valueText, Caveat)
        {
            IncrementalAnnualRevenueExtrapolated = query.BusinessMau is { } mau && measures.SampleMau > 0 ? incremental * mau / measures.SampleMau : null,
        };
    }

    /// <summary>Two-sided normal p-value of an estimate, for reports.</summary>
    public static double PValue(EffectEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return estimate.StandardError > 0 ? 2 * (1 - Normal.CDF(0, 1, Math.Abs(estimate.Difference / estimate.StandardError))) : 1;
    }

    /// <summary>Revenue value of one unit of the outcome, and how it was measured.</summary>
    private static (double Value, string Definition) ValuePerUnit(ImpactOutcome outcome, ImpactMeasures measures) => outcome switch
    {
        ImpactOutcome.Revenue => (1, "1: the outcome is revenue"),
        ImpactOutcome.Upgrade => (measures.UnitUsers == 0 ? 0 : measures.UnitRevenue / measures.UnitUsers, "mean first-year revenue of users who upgraded within a year"),
        _ => (measures.UnitUsers == 0 ? 0 : measures.UnitRevenue / measures.UnitUsers, "last year's revenue per monthly active user"),
    };

    private static EffectEstimate Difference(OutcomeSummary adopters, OutcomeSummary nonAdopters)
    {
        var treated = Arm(adopters);
        var control = Arm(nonAdopters);
        var se = Math.Sqrt(treated.VarianceOfMean + control.VarianceOfMean);
        var d = treated.Mean - control.Mean;
        return new EffectEstimate(d, se, d - Proportions.Z95 * se, d + Proportions.Z95 * se);
    }

    /// <summary>Σ (n_t,s / n_t)(ȳ_t,s − ȳ_c,s) with variance Σ (n_t,s / n_t)²(v_t,s/n_t,s + v_c,s/n_c,s); strata without non-adopters are dropped.</summary>
    private static (EffectEstimate Estimate, long Dropped) Stratified(IReadOnlyList<StratumMeasures> strata)
    {
        double estimate = 0, variance = 0, kept = 0;
        long dropped = 0;
        foreach (var stratum in strata)
        {
            var treated = Arm(stratum.Adopters);
            var control = Arm(stratum.NonAdopters);
            if (treated.N == 0) continue;
            if (control.N == 0)
            {
                dropped += treated.N;
                continue;
            }
            kept += treated.N;
            estimate += treated.N * (treated.Mean - control.Mean);
            variance += (double)treated.N * treated.N * (treated.VarianceOfMean + control.VarianceOfMean);
        }
        if (kept == 0) return (new EffectEstimate(0, 0, 0, 0), dropped);
        var difference = estimate / kept;
        var se = Math.Sqrt(variance) / kept;
        return (new EffectEstimate(difference, se, difference - Proportions.Z95 * se, difference + Proportions.Z95 * se), dropped);
    }

    private static ArmSummary Arm(OutcomeSummary summary) => new(summary.N, summary.Mean, summary.Variance);
}
