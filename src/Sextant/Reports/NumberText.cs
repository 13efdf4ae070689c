using System.Globalization;

namespace Sextant.Reports;

/// <summary>
/// How every output writes a rate and a count, in the invariant culture: dashboards, the
/// executive report and the terminal all show 0.4567 as "45.7%" and 12345 as "12,345".
/// </summary>
internal static class NumberText
{
    /// <summary>A fraction as a percentage with one decimal and no space: 0.4567 → "45.7%".</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>
    /// A relative change with its sign: 0.052 → "+5.2%", -0.052 → "-5.2%". A value that rounds to
    /// zero prints "0.0%", never "-0.0%": the sign is chosen after rounding, from one format.
    /// </summary>
    public static string SignedPercent(double fraction) => Signed(fraction * 100) + "%";

    /// <summary>A difference of two rates in percentage points: 0.024 → "+2.4 pp"; zero prints "0.0 pp".</summary>
    public static string SignedPoints(double difference) => Signed(difference * 100) + " pp";

    /// <summary>A whole number with thousands separators: 12345 → "12,345".</summary>
    public static string Count(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    // The third section formats values that round to zero, so -0.00001 cannot print "-0.0".
    private static string Signed(double value) => value.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);
}
