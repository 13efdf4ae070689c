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
        var (adjusted, dropped, _) = Stratified(measures.Strata);
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
            Groups = query.Breakdowns.Count == 0 ? null : Groups(query, measures.Groups),
        };
    }

    /// <summary>Adopters and non-adopters a group needs on each side for an estimate.</summary>
    private const int MinimumPerSide = 2;

    /// <summary>The largest groups by eligible users (ties by label), the rest pooled stratum by stratum as Other.</summary>
    private static List<ImpactGroup> Groups(ImpactQuery query, IReadOnlyList<ImpactGroupMeasures> groups)
    {
        var (kept, other) = TopGroups.Split(groups.Select(g => g.Values).ToList(), i => groups[i].Adopters.N + groups[i].NonAdopters.N, query.BreakdownLimit);
        var rows = kept.Select(i => Group(Breakdowns.Label(groups[i].Values), groups[i])).ToList();
        if (other.Count == 0) return rows;
        var merged = new ImpactGroupMeasures([Breakdowns.OtherValues],
            Pool(other.Select(i => groups[i].Adopters)), Pool(other.Select(i => groups[i].NonAdopters)),
            groups[other[0]].Strata.Select((_, s) => new StratumMeasures(
                Pool(other.Select(i => groups[i].Strata[s].Adopters)), Pool(other.Select(i => groups[i].Strata[s].NonAdopters)))).ToList());
        rows.Add(Group(Breakdowns.OtherValues, merged));
        return rows;
    }

    private static ImpactGroup Group(string label, ImpactGroupMeasures group)
    {
        var (adopters, nonAdopters) = (group.Adopters, group.NonAdopters);
        string? reason = adopters.N < MinimumPerSide ? $"fewer than {MinimumPerSide} adopters ({adopters.N})"
            : nonAdopters.N < MinimumPerSide ? $"fewer than {MinimumPerSide} non-adopters ({nonAdopters.N})"
            : null;
        EffectEstimate? naive = null, adjusted = null;
        long dropped = 0;
        if (reason is null)
        {
            naive = Difference(adopters, nonAdopters);
            (var estimate, dropped, var kept) = Stratified(group.Strata);
            if (kept > 0) adjusted = estimate;
            else reason = "no propensity stratum has both adopters and non-adopters";
        }
        return new ImpactGroup(label, group.Values, adopters.N + nonAdopters.N, adopters.N, nonAdopters.N, adopters.Mean, nonAdopters.Mean, naive, adjusted, dropped, reason);
    }

    /// <summary>The outcome summary of the union of disjoint sets of users: pooled count, mean and sample variance.</summary>
    private static OutcomeSummary Pool(IEnumerable<OutcomeSummary> parts)
    {
        long n = 0;
        double sum = 0, sumOfSquares = 0;
        foreach (var part in parts)
        {
            n += part.N;
            sum += part.N * part.Mean;
            // Variance is 0 for fewer than two users, so a part of none adds nothing here.
            sumOfSquares += (part.N - 1) * part.Variance + part.N * part.Mean * part.Mean;
        }
        if (n == 0) return new OutcomeSummary(0, 0, 0);
        var mean = sum / n;
        return new OutcomeSummary(n, mean, n < 2 ? 0 : Math.Max(0, (sumOfSquares - n * mean * mean) / (n - 1)));
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
    private static (EffectEstimate Estimate, long Dropped, double Kept) Stratified(IReadOnlyList<StratumMeasures> strata)
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
        if (kept == 0) return (new EffectEstimate(0, 0, 0, 0), dropped, 0);
        var difference = estimate / kept;
        var se = Math.Sqrt(variance) / kept;
        return (new EffectEstimate(difference, se, difference - Proportions.Z95 * se, difference + Proportions.Z95 * se), dropped, kept);
    }

    private static ArmSummary Arm(OutcomeSummary summary) => new(summary.N, summary.Mean, summary.Variance);
}
