namespace Sextant.Analysis.Experiments;

/// <summary>
/// One arm's sufficient statistics as a warehouse query returns them: n, Σy, Σy² and, for CUPED,
/// Σx, Σx² and Σxy of the pre-exposure covariate.
/// </summary>
/// <param name="Variant">Variant name.</param>
/// <param name="N">Units.</param>
/// <param name="Sum">Σy.</param>
/// <param name="SumSquares">Σy².</param>
/// <param name="CovariateSum">Σx, or null.</param>
/// <param name="CovariateSumSquares">Σx², or null.</param>
/// <param name="CrossSum">Σxy, or null.</param>
public sealed record ArmInput(string Variant, long N, double Sum, double SumSquares, double? CovariateSum = null, double? CovariateSumSquares = null, double? CrossSum = null);

/// <summary>
/// <c>sextant stats</c>: the experiment statistics on per-arm sums instead of raw events, with the
/// same comparisons (Welch t-test, delta-method lifts, Holm, Bayesian, CUPED, sequential).
/// </summary>
public static class SufficientStatistics
{
    /// <summary>
    /// Compares every arm with the control; with <paramref name="relative"/>, each comparison's interval
    /// and p-value are the relative lift's (<see cref="ExperimentQuery.Relative"/>).
    /// </summary>
    /// <exception cref="SextantException">
    /// No such control, fewer than two arms, CUPED without covariate sums, relative with sequential, or relative with a control mean of 0.
    /// </exception>
    public static MetricResult Analyse(IReadOnlyList<ArmInput> arms, string control, bool proportion, bool cuped, bool sequential, double sequentialTuning, double alpha,
        Stats.Alternative alternative = Stats.Alternative.TwoSided, bool relative = false)
    {
        ArgumentNullException.ThrowIfNull(arms);
        if (arms.Count < 2) throw new SextantException($"need at least two arms, got {arms.Count}");
        var ordered = arms.Where(a => a.Variant == control).Concat(arms.Where(a => a.Variant != control)).ToList();
        if (ordered[0].Variant != control)
            throw new SextantException($"no control arm '{control}' (arms: {string.Join(", ", arms.Select(a => a.Variant))}); name it with --control");
        if (cuped && ordered.Any(a => a.CovariateSum is null || a.CovariateSumSquares is null || a.CrossSum is null))
            throw new SextantException("--cuped needs covariate_sum, covariate_sum_squares and cross_sum for every arm");
        var sums = ordered.Select(a => new ArmSums
        {
            N = a.N,
            SumY = a.Sum,
            SumY2 = a.SumSquares,
            SumX = a.CovariateSum ?? 0,
            SumX2 = a.CovariateSumSquares ?? 0,
            SumXY = a.CrossSum ?? 0,
        }).ToArray();
        var spec = proportion ? new MetricSpec("proportion", MetricKind.Conversion, null, null, null, null, 0) : new MetricSpec("mean", MetricKind.Sum, null, null, "value", null, 0);
        var query = new ExperimentQuery("stats", [spec], control, Alpha: alpha, Sequential: sequential, SequentialTuning: sequentialTuning, Cuped: cuped, Alternative: alternative, Relative: relative);
        return MetricAnalysis.FromSums(spec, ordered.Select(a => a.Variant).ToList(), sums, cuped, query);
    }
}
