using System.Text.Json.Serialization;

namespace Sextant.Analysis;

/// <summary>
/// The median and 90th percentile of a sample of durations, by linear interpolation between
/// closest ranks as <see cref="Stats.Quantiles.Of"/> computes them (position (n − 1)q in the
/// sorted values), and the sample's size. A measures record carries this instead of one value
/// per user, so an engine returns a few numbers however many users it counts: the in-memory
/// engine from its sorted values (which it keeps, so disjoint samples can still be merged), an
/// SQL engine from the values at the ranks either side of each position.
/// </summary>
public sealed class DurationQuantiles
{
    /// <summary>The quantiles the shapers report.</summary>
    public static readonly double[] Levels = [0.5, 0.9];

    // The sorted values, kept by the in-memory engine only: merging samples needs them.
    private readonly double[]? _sorted;

    private DurationQuantiles(long count, double? median, double? p90, double[]? sorted)
    {
        Count = count;
        Median = median;
        P90 = p90;
        _sorted = sorted;
    }

    /// <summary>An empty sample.</summary>
    public static DurationQuantiles Empty { get; } = new(0, null, null, []);

    /// <summary>How many durations the sample holds.</summary>
    public long Count { get; }

    /// <summary>The median, in the sample's unit; null for an empty sample.</summary>
    public double? Median { get; }

    /// <summary>The 90th percentile, in the sample's unit; null for an empty sample.</summary>
    public double? P90 { get; }

    /// <summary>True when the sample's values are kept, so it can be merged with <see cref="Sum"/>.</summary>
    [JsonIgnore]
    public bool CanMerge => _sorted is not null;

    /// <summary>The quantiles of sorted values (kept for merging).</summary>
    public static DurationQuantiles OfSorted(double[] sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return new DurationQuantiles(sorted.Length, At(sorted.Length, 0.5, r => sorted[r]), At(sorted.Length, 0.9, r => sorted[r]), sorted);
    }

    /// <summary>
    /// The quantiles of a sample of <paramref name="count"/> values from the values at the ranks
    /// <see cref="Ranks"/> names; the values themselves are not known, so the result cannot be merged.
    /// </summary>
    /// <param name="count">Values in the sample.</param>
    /// <param name="valueAt">The value at a 0-based rank in ascending order (asked only for ranks of <see cref="Ranks"/>).</param>
    public static DurationQuantiles OfRanks(long count, Func<long, double> valueAt)
    {
        ArgumentNullException.ThrowIfNull(valueAt);
        return new DurationQuantiles(count, At(count, 0.5, valueAt), At(count, 0.9, valueAt), null);
    }

    /// <summary>
    /// The 0-based ranks whose values the quantiles of <paramref name="count"/> values need, per level:
    /// floor((n − 1)q) and the rank after it (the last rank at most). Equal to n − 1 times 1/2 and 9/10
    /// in integers (what SQL computes): (n − 1) · 0.9 in doubles is never below a whole (n − 1) · 9 / 10,
    /// since 0.9 as a double is above 0.9, and otherwise at least 0.1 from a whole number.
    /// </summary>
    public static (long Lower, long Upper) Ranks(long count, double level)
    {
        var position = (count - 1) * level;
        var lower = (long)Math.Floor(position);
        return (lower, Math.Min(count - 1, lower + 1));
    }

    /// <summary>The sample of the union of disjoint samples.</summary>
    /// <exception cref="InvalidOperationException">A part was computed from ranks alone (an SQL engine's), whose values are not known.</exception>
    public static DurationQuantiles Sum(IEnumerable<DurationQuantiles> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var values = new List<double>();
        foreach (var part in parts)
            values.AddRange(part._sorted ?? throw new InvalidOperationException("durations computed from ranks alone cannot be merged"));
        var merged = values.ToArray();
        Array.Sort(merged);
        return OfSorted(merged);
    }

    // Quantiles.Of's interpolation, on the two values around the position.
    private static double? At(long count, double level, Func<long, double> valueAt)
    {
        if (count == 0) return null;
        var position = (count - 1) * level;
        var (lower, upper) = Ranks(count, level);
        var low = valueAt(lower);
        return low + (valueAt(upper) - low) * (position - lower);
    }
}
