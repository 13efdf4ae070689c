using MathNet.Numerics.Distributions;

namespace Sextant.Stats;

/// <summary>
/// An estimated effect of a treatment against control with its standard error and a two-sided
/// normal (Wald) interval Estimate ± z·StandardError, z = Φ⁻¹(1 − α/2).
/// </summary>
/// <param name="Estimate">Point estimate: a difference of means (absolute) or a fraction of the control mean (relative, 0.05 = +5%).</param>
/// <param name="StandardError">Standard error of the estimate, in the same units.</param>
/// <param name="Low">Lower bound of the interval.</param>
/// <param name="High">Upper bound of the interval.</param>
public readonly record struct LiftEstimate(double Estimate, double StandardError, double Low, double High);

/// <summary>A lift with its test: the interval and p-value from Student's t at Welch–Satterthwaite degrees of freedom.</summary>
/// <param name="Lift">The estimate, its standard error and interval.</param>
/// <param name="DegreesOfFreedom">Welch–Satterthwaite degrees of freedom; infinite (normal quantile) when an arm has fewer than 2 units or no variance.</param>
/// <param name="PValue">p-value of "no lift" for the requested alternative, in [0, 1]; 1 when the standard error is 0.</param>
public readonly record struct LiftTest(LiftEstimate Lift, double DegreesOfFreedom, double PValue);

/// <summary>
/// Absolute and relative lift of a treatment arm over a control arm from per-arm sufficient
/// statistics, as GrowthBook's frequentist engine computes them (gbstats
/// <c>frequentist_diff</c> / <c>frequentist_variance</c>; docs.growthbook.io/statistics/details).
/// The absolute interval uses the normal quantile; the relative interval and p-value use
/// Student's t with Welch–Satterthwaite degrees of freedom, as gbstats <c>TwoSidedTTest</c>.
/// </summary>
public static class Lift
{
    /// <summary>
    /// Absolute lift mean_t − mean_c with standard error √(v_t/n_t + v_c/n_c) (Welch's unpooled
    /// variance of a difference of independent means) and a normal interval at level 1 − α.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An arm has no units, or α is outside (0, 1).</exception>
    public static LiftEstimate Absolute(ArmSummary control, ArmSummary treatment, double alpha = 0.05)
    {
        Validate(control, treatment, alpha);
        var estimate = treatment.Mean - control.Mean;
        var se = Math.Sqrt(treatment.VarianceOfMean + control.VarianceOfMean);
        return WithInterval(estimate, se, alpha);
    }

    /// <summary>
    /// Relative lift (mean_t − mean_c) / |mean_c| with the delta-method variance of a ratio of
    /// independent means, Var ≈ (v_t/n_t)/m_c² + m_t²(v_c/n_c)/m_c⁴ (GrowthBook
    /// <c>variance_of_ratios</c> with zero covariance; docs.growthbook.io/statistics/details,
    /// "Lift (Relative Effects)"). Dividing by |mean_c| keeps the sign of the lift equal to the
    /// sign of mean_t − mean_c when the control mean is negative; the variance is unchanged
    /// because it involves only even powers of m_c.
    /// The interval is Estimate ± t·se with t the 1 − α/2 quantile of Student's t at the
    /// Welch–Satterthwaite degrees of freedom of the two arms (see <see cref="RelativeTest"/>).
    /// </summary>
    /// <returns>Null when the control mean is 0, where relative lift is undefined.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An arm has no units, or α is outside (0, 1).</exception>
    public static LiftEstimate? Relative(ArmSummary control, ArmSummary treatment, double alpha = 0.05) =>
        RelativeTest(control, treatment, alpha)?.Lift;

    /// <summary>
    /// The relative lift of <see cref="Relative"/> with GrowthBook's frequentist test of it (gbstats
    /// <c>TwoSidedTTest</c>, relative): ν = (v_t/n_t + v_c/n_c)² / ((v_t/n_t)²/(n_t − 1) + (v_c/n_c)²/(n_c − 1)),
    /// interval Estimate ± t(1 − α/2, ν)·se, and p from t = Estimate/se with ν degrees of freedom
    /// (two-sided 2·F(−|t|), greater 1 − F(t), less F(t)). When ν is undefined (an arm with fewer
    /// than 2 units, or no variance at all) the normal quantile is used.
    /// </summary>
    /// <returns>Null when the control mean is 0, where relative lift is undefined.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An arm has no units, or α is outside (0, 1).</exception>
    public static LiftTest? RelativeTest(ArmSummary control, ArmSummary treatment, double alpha = 0.05, Alternative alternative = Alternative.TwoSided)
    {
        Validate(control, treatment, alpha);
        var mc = control.Mean;
        if (mc == 0) return null;
        var mt = treatment.Mean;
        var estimate = (mt - mc) / Math.Abs(mc);
        var mc2 = mc * mc;
        var variance = treatment.VarianceOfMean / mc2 + mt * mt * control.VarianceOfMean / (mc2 * mc2);
        var se = Math.Sqrt(variance);
        var df = WelchDegreesOfFreedom(control, treatment);
        var half = (double.IsPositiveInfinity(df) ? TwoSidedZ(alpha) : StudentT.InvCDF(0, 1, df, 1 - alpha / 2)) * se;
        var lift = new LiftEstimate(estimate, se, estimate - half, estimate + half);
        if (!(se > 0)) return new LiftTest(lift, df, 1);
        var t = estimate / se;
        // Each tail is taken from the CDF on its own side so small p-values keep their digits.
        double Below(double x) => double.IsPositiveInfinity(df) ? Normal.CDF(0, 1, x) : StudentT.CDF(0, 1, df, x);
        var p = alternative switch
        {
            Alternative.Greater => Below(-t),
            Alternative.Less => Below(t),
            Alternative.TwoSided => Math.Min(1, 2 * Below(-Math.Abs(t))),
            _ => throw new ArgumentOutOfRangeException(nameof(alternative), $"unknown alternative {alternative}"),
        };
        return new LiftTest(lift, df, p);
    }

    /// <summary>Welch–Satterthwaite degrees of freedom of two arms; +∞ when undefined (an arm under 2 units, or no variance).</summary>
    internal static double WelchDegreesOfFreedom(ArmSummary control, ArmSummary treatment)
    {
        if (control.N < 2 || treatment.N < 2) return double.PositiveInfinity;
        var vc = control.VarianceOfMean;
        var vt = treatment.VarianceOfMean;
        var denominator = vc * vc / (control.N - 1) + vt * vt / (treatment.N - 1);
        return denominator > 0 ? (vc + vt) * (vc + vt) / denominator : double.PositiveInfinity;
    }

    /// <summary>The two-sided normal quantile Φ⁻¹(1 − α/2).</summary>
    internal static double TwoSidedZ(double alpha) => Normal.InvCDF(0, 1, 1 - alpha / 2);

    internal static void ValidateAlpha(double alpha)
    {
        if (!(alpha > 0 && alpha < 1)) throw new ArgumentOutOfRangeException(nameof(alpha), $"alpha {alpha} must be within (0, 1)");
    }

    private static LiftEstimate WithInterval(double estimate, double se, double alpha)
    {
        var half = TwoSidedZ(alpha) * se;
        return new LiftEstimate(estimate, se, estimate - half, estimate + half);
    }

    private static void Validate(ArmSummary control, ArmSummary treatment, double alpha)
    {
        if (control.N <= 0) throw new ArgumentOutOfRangeException(nameof(control), $"control arm has {control.N} units; at least 1 is needed");
        if (treatment.N <= 0) throw new ArgumentOutOfRangeException(nameof(treatment), $"treatment arm has {treatment.N} units; at least 1 is needed");
        ValidateAlpha(alpha);
    }
}
