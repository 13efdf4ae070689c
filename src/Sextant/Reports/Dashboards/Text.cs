using System.Globalization;

namespace Sextant.Reports.Dashboards;

/// <summary>How dashboards write numbers in tiles and tooltips (invariant culture, one style everywhere).</summary>
internal static class Text
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>0.5964 → "59.6%".</summary>
    public static string Percent(double fraction) => NumberText.Percent(fraction);

    /// <summary>A signed percentage: 0.052 → "+5.2%".</summary>
    public static string SignedPercent(double fraction) => Minus(NumberText.SignedPercent(fraction));

    /// <summary>A difference of two rates in percentage points: 0.024 → "+2.4 pp" (a rate's change is not a percent change).</summary>
    public static string SignedPoints(double difference) => Minus(NumberText.SignedPoints(difference));

    /// <summary>An interval of fractions: "[59.2%, 60.1%]".</summary>
    public static string PercentInterval(double low, double high) => $"[{Percent(low)}, {Percent(high)}]";

    /// <summary>1234 → "1,234".</summary>
    public static string Count(double value) => NumberText.Count(value);

    /// <summary>1234.5 → "$1,235".</summary>
    public static string Money(double value) => value < 0 ? "−$" + (-value).ToString("N0", Invariant) : "$" + value.ToString("N0", Invariant);

    /// <summary>Money with cents: "$12.34".</summary>
    public static string Cents(double value) => "$" + value.ToString("N2", Invariant);

    /// <summary>A data end or other instant as "2025-12-31 23:59 UTC"; a plain date stays as it is.</summary>
    public static string Instant(string text) =>
        text.Length > 10 && DateTimeOffset.TryParse(text, Invariant, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", Invariant) + " UTC"
            : text;

    // Dashboards print a typographic minus sign; the rounding and the zero rule are NumberText's.
    private static string Minus(string text) => text.StartsWith('-') ? "−" + text[1..] : text;

    /// <summary>A plain number with up to three decimals.</summary>
    public static string Number(double value) => value.ToString("0.###", Invariant);
}
