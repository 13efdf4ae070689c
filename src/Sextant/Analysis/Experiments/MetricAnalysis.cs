using Sextant.Stats;

namespace Sextant.Analysis.Experiments;

/// <summary>
/// Per-arm statistics and treatment-vs-control comparisons of one metric: Welch t-test (Fisher's
/// exact test for small proportion samples), delta-method absolute and relative lift, Holm over
/// treatments, Bayesian chance to win and expected loss, optional CUPED and sequential intervals.
/// </summary>
internal static class MetricAnalysis
{
    /// <summary>The same analysis from per-arm sums, e.g. those a warehouse query returned (the first arm is the control).</summary>
    public static MetricResult FromSums(MetricSpec spec, IReadOnlyList<string> variants, ArmSums[] sums, bool cuped, ExperimentQuery query, bool? proportion = null)
    {
        if (query.Relative && query.Sequential)
            throw new SextantException("--relative and --sequential cannot be combined: the always-valid intervals are of the absolute lift");
        var isProportion = proportion ?? spec.IsProportion;
        var raw = sums.Select(s => s.Summary(spec, isProportion)).ToArray();
        double? theta = null;
        var summaries = raw;
        if (cuped && sums.All(s => s.N > 1))
        {
            var adjusted = Cuped.Adjust(sums.Select(s => s.Covariate()).ToList());
            theta = adjusted.Theta;
            summaries = [.. adjusted.Adjusted];
            // Proportions keep their own mean; CUPED changes the variance and the mean by θ·(covariate imbalance).
        }
        var small = raw.Any(r => r.N < 30) || (isProportion && sums.Any(s => s.SumY < 5 || s.N - s.SumY < 5));
        var useFisher = small && isProportion && !cuped;

        var comparisons = new List<Comparison>();
        var pValues = new List<double>();
        for (var arm = 1; arm < variants.Count; arm++)
        {
            var control = summaries[0];
            var treatment = summaries[arm];
            // An empty arm (possible within a segment) has nothing to compare; it is left out rather than reported as 0.
            if (control.N == 0 || treatment.N == 0) continue;
            var absolute = Lift.Absolute(control, treatment, query.Alpha);
            var relative = Lift.RelativeTest(control, treatment, query.Alpha, query.Alternative);
            var p = useFisher
                ? FisherExact.ForProportions((long)Math.Round(sums[0].SumY), sums[0].N, (long)Math.Round(sums[arm].SumY), sums[arm].N, query.Alternative).PValue
                : WelchTTest.Test(control, treatment, query.Alternative).PValue;
            var (low, high) = (absolute.Low, absolute.High);
            if (query.Sequential)
            {
                var sequence = ConfidenceSequence.Interval(control, treatment, query.Alpha, query.SequentialTuning);
                (low, high) = (sequence.Low, sequence.High);
            }
            var (chance, loss) = Posterior(absolute, useFisher, sums[0], sums[arm]);
            var comparison = new Comparison(variants[arm], absolute.Estimate, relative?.Lift.Estimate, low, high, relative?.Lift.Low, relative?.Lift.High,
                p, p, chance, loss, false, relative?.PValue);
            if (query.Relative)
            {
                if (relative is not { } r) throw new SextantException($"{spec.Text}: the control mean is 0, so the relative lift of {variants[arm]} is undefined; leave out --relative");
                comparison = comparison with
                {
                    CiLow = r.Lift.Low,
                    CiHigh = r.Lift.High,
                    PValue = r.PValue,
                    AdjustedPValue = r.PValue,
                    AbsoluteCiLow = low,
                    AbsoluteCiHigh = high,
                    AbsolutePValue = p,
                };
            }
            pValues.Add(comparison.PValue);
            comparisons.Add(comparison);
        }
        var adjustedP = MultipleTesting.Holm(pValues);
        for (var i = 0; i < comparisons.Count; i++)
        {
            var c = comparisons[i];
            var significant = query.Sequential ? c.CiLow > 0 || c.CiHigh < 0 : adjustedP[i] < query.Alpha;
            comparisons[i] = c with { AdjustedPValue = adjustedP[i], Significant = significant };
        }
        return new MetricResult(spec.Text, spec.Kind, useFisher ? "fisher_exact" : "welch_t", small, theta, query.Sequential,
            variants.Select((v, i) => new ArmStatistics(v, summaries[i].N, summaries[i].Mean, summaries[i].Variance)).ToList(), comparisons);
    }

    /// <summary>
    /// Chance to win and expected loss: exact Beta–Binomial (uniform priors) for small 0/1 samples, where
    /// the normal approximation is poor; otherwise a Gaussian on the absolute lift with a flat prior.
    /// </summary>
    private static (double Chance, double Loss) Posterior(LiftEstimate absolute, bool smallProportion, ArmSums control, ArmSums treatment)
    {
        if (smallProportion)
        {
            var exact = Bayesian.BetaBinomial((long)Math.Round(control.SumY), control.N, (long)Math.Round(treatment.SumY), treatment.N);
            return (exact.ChanceToWin, exact.ExpectedLoss);
        }
        var gaussian = Bayesian.Gaussian(absolute);
        return (gaussian.ChanceToWin, gaussian.ExpectedLoss);
    }
}
