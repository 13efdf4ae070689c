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

    /// <summary>A whole number with thousands separators: 12345 → "12,345".</summary>
    public static string Count(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
