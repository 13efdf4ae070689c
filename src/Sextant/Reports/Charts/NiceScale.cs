namespace Sextant.Reports.Charts;

/// <summary>
/// A linear axis from <see cref="Min"/> to <see cref="Max"/> with ticks at round steps (1, 2, 2.5 or 5 × 10ⁿ).
/// Arithmetic halves values before subtracting, so extreme finite inputs never overflow to infinity.
/// </summary>
internal sealed class NiceScale
{
    private const int MaxTicks = 40;

    private NiceScale(double min, double max, double step, double[] ticks)
    {
        Min = min;
        Max = max;
        Step = step;
        Ticks = ticks;
    }

    public double Min { get; }

    public double Max { get; }

    public double Step { get; }

    public double[] Ticks { get; }

    /// <summary>A scale covering [low, high] with about <paramref name="targetTicks"/> ticks; whole steps when <paramref name="wholeSteps"/>.</summary>
    public static NiceScale Create(double low, double high, int targetTicks, bool wholeSteps = false)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high)) (low, high) = (0, 1);
        if (low > high) (low, high) = (high, low);
        if (low == high)
        {
            if (low > 0) low = 0;
            else if (high < 0) high = 0;
            else high = 1;
        }

        var rough = high / targetTicks - low / targetTicks;
        // Spans near the smallest doubles have no meaningful round step; show a unit range instead.
        if (!(rough >= 1e-200)) return Create(Math.Floor(low), Math.Floor(low) + 1, targetTicks, wholeSteps);

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var residual = rough / magnitude;
        var nice = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 2.5 ? 2.5 : residual <= 5 ? 5 : 10;
        var step = nice * magnitude;
        if (wholeSteps && step < 1) step = 1;

        var min = Math.Floor(low / step) * step;
        var max = Math.Ceiling(high / step) * step;
        if (!double.IsFinite(min)) min = low;
        if (!double.IsFinite(max)) max = high;

        var count = (int)Math.Min(MaxTicks, Math.Round(max / step - min / step) + 1);
        var ticks = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var tick = min + i * step;
            // Float noise would otherwise print a zero tick as "-0" or 1E-17.
            if (Math.Abs(tick) < step * 1e-9) tick = 0;
            if (double.IsFinite(tick)) ticks.Add(tick);
        }
        return new NiceScale(min, max, step, [.. ticks]);
    }

    /// <summary>Where <paramref name="value"/> falls between the pixels for <see cref="Min"/> and <see cref="Max"/>.</summary>
    public double Map(double value, double pixelAtMin, double pixelAtMax)
    {
        var span = Max * 0.5 - Min * 0.5;
        var t = span > 0 ? (value * 0.5 - Min * 0.5) / span : 0.5;
        return pixelAtMin + t * (pixelAtMax - pixelAtMin);
    }
}
