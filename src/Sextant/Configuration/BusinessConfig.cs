namespace Sextant.Configuration;

/// <summary>
/// Business assumptions (key <c>business</c>). Sample figures are scaled to the whole product
/// only when <see cref="Mau"/> is set; every figure computed from it is labelled as
/// extrapolated and shown beside the measured one.
/// </summary>
public sealed record BusinessConfig
{
    /// <summary>
    /// Monthly active users of the whole business (key <c>business.mau</c>, not set by default).
    /// When set, a sample count is also shown scaled by <c>Mau / sample MAU</c>, labelled
    /// extrapolated; when null nothing is scaled. Must be positive.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a positive finite number.</exception>
    public double? Mau
    {
        get;
        init => field = value is null || (double.IsFinite(value.Value) && value > 0)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MAU must be a positive number.");
    }

    /// <summary>
    /// Yearly growth rate as a fraction (key <c>business.growth</c>, default 0.10 = 10% a year);
    /// negative for a shrinking business, but above -1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is -1 or less, or not finite.</exception>
    public double Growth
    {
        get;
        init => field = double.IsFinite(value) && value > -1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Growth must be a fraction above -1.");
    } = 0.10;
}
