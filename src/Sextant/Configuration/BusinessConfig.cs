namespace Sextant.Configuration;

/// <summary>
/// Business assumptions used to scale sample figures to the whole product (key
/// <c>business</c>). Every figure computed from them is labelled as extrapolated.
/// </summary>
public sealed record BusinessConfig
{
    /// <summary>
    /// Monthly active users of the whole business (key <c>business.mau</c>, default 10,000,000).
    /// A sample count is scaled by <c>Mau / sample MAU</c>. Must be positive.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a positive finite number.</exception>
    public double Mau
    {
        get;
        init => field = double.IsFinite(value) && value > 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MAU must be a positive number.");
    } = 10_000_000;

    /// <summary>
    /// Yearly average revenue per user in USD (key <c>business.arpu</c>, default 96). Must be
    /// zero or more.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or not finite.</exception>
    public double Arpu
    {
        get;
        init => field = double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "ARPU must be zero or a positive number.");
    } = 96;

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
