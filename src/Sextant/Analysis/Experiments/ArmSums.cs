using Sextant.Stats;

namespace Sextant.Analysis.Experiments;

/// <summary>
/// Running sums of one arm for one metric: value y, ratio denominator x (or the CUPED covariate),
/// their squares and cross product. Summaries follow SEMANTICS.md: proportions use p(1 − p);
/// ratios ΣY/ΣX use the delta method, Var(R) ≈ (σ²y − 2R·σxy + R²·σ²x) / (n·μ²x).
/// </summary>
internal sealed class ArmSums
{
    public long N;
    public double SumY, SumY2, SumX, SumX2, SumXY;

    public void Add(double y, double x)
    {
        N++;
        SumY += y;
        SumY2 += y * y;
        SumX += x;
        SumX2 += x * x;
        SumXY += x * y;
    }

    public void Add(ArmSums other)
    {
        N += other.N;
        SumY += other.SumY;
        SumY2 += other.SumY2;
        SumX += other.SumX;
        SumX2 += other.SumX2;
        SumXY += other.SumXY;
    }

    /// <summary>These sums without <paramref name="part"/>'s: the rest of the users when <paramref name="part"/> is one segment.</summary>
    public ArmSums Without(ArmSums part) => new()
    {
        N = N - part.N,
        SumY = SumY - part.SumY,
        SumY2 = SumY2 - part.SumY2,
        SumX = SumX - part.SumX,
        SumX2 = SumX2 - part.SumX2,
        SumXY = SumXY - part.SumXY,
    };

    public ArmSummary Summary(MetricSpec metric, bool proportion)
    {
        if (N == 0) return new ArmSummary(0, 0, 0);
        if (proportion)
        {
            var p = SumY / N;
            return new ArmSummary(N, p, p * (1 - p));
        }
        if (metric.Kind != MetricKind.Ratio) return ArmSummary.FromSums(N, SumY, SumY2);
        var meanX = SumX / N;
        if (meanX == 0) return new ArmSummary(N, 0, 0);
        var ratio = SumY / SumX;
        var varY = N < 2 ? 0 : (SumY2 - SumY * SumY / N) / (N - 1);
        var varX = N < 2 ? 0 : (SumX2 - SumX * SumX / N) / (N - 1);
        var covXY = N < 2 ? 0 : (SumXY - SumX * SumY / N) / (N - 1);
        // Stored as a per-unit variance so that Variance / N is Var(R).
        var varianceOfRatio = Math.Max(0, (varY - 2 * ratio * covXY + ratio * ratio * varX) / (N * meanX * meanX));
        return new ArmSummary(N, ratio, varianceOfRatio * N);
    }

    /// <summary>Sums as an engine returns them.</summary>
    public static ArmSums From(MetricSums sums) => new()
    {
        N = sums.N,
        SumY = sums.Sum,
        SumY2 = sums.SumSquares,
        SumX = sums.SecondSum,
        SumX2 = sums.SecondSumSquares,
        SumXY = sums.CrossSum,
    };

    /// <summary>These sums as measures.</summary>
    public MetricSums ToMeasures() => new(N, SumY, SumY2, SumX, SumX2, SumXY);

    public CovariateSums Covariate() => new(N, SumY, SumY2, SumX, SumX2, SumXY);
}
