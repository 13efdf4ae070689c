namespace Sextant.Stats;

/// <summary>Order statistics.</summary>
public static class Quantiles
{
    /// <summary>
    /// The q-quantile by linear interpolation between closest ranks (NumPy's default, "type 7"):
    /// position (n − 1)q in the sorted values. Null for no values. Sorts <paramref name="values"/> in place.
    /// </summary>
    public static double? Of(List<double> values, double q)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) return null;
        values.Sort();
        var position = (values.Count - 1) * q;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(values.Count - 1, lower + 1);
        return values[lower] + (values[upper] - values[lower]) * (position - lower);
    }
}
