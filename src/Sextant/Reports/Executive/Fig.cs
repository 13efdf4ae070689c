using System.Globalization;

namespace Sextant.Reports.Executive;

/// <summary>How a figure's value is written.</summary>
internal enum NumberStyle
{
    /// <summary>A fraction as a percentage with one decimal: 0.4567 → 45.7%.</summary>
    Percent,

    /// <summary>A relative change with its sign: 0.055 → +5.5%.</summary>
    SignedPercent,

    /// <summary>A difference of two rates in percentage points: 0.032 → +3.2 pp.</summary>
    Points,

    /// <summary>A whole number with thousands separators.</summary>
    Count,

    /// <summary>A change in a count with its sign: +3, -12.</summary>
    SignedCount,

    /// <summary>A large amount of money, whole units with separators.</summary>
    Money,

    /// <summary>A small amount of money, two decimals.</summary>
    Amount,

    /// <summary>A score with one decimal.</summary>
    OneDecimal,

    /// <summary>A p-value with its name: "p = 0.042", "p &lt; 0.001".</summary>
    PValue,

    /// <summary>A statistic with three decimals (χ², a fit error).</summary>
    Decimal,
}

/// <summary>Makes figures: every number the report prints goes through here, invariant culture.</summary>
internal static class Fig
{
    public static string Format(double value, NumberStyle style) => style switch
    {
        NumberStyle.Percent => NumberText.Percent(value),
        NumberStyle.SignedPercent => NumberText.SignedPercent(value),
        NumberStyle.Points => NumberText.SignedPoints(value),
        NumberStyle.Count or NumberStyle.Money => NumberText.Count(value),
        NumberStyle.SignedCount => value.ToString("+#,0;-#,0;0", CultureInfo.InvariantCulture),
        NumberStyle.OneDecimal => value.ToString("#,0.0", CultureInfo.InvariantCulture),
        NumberStyle.PValue => value < 0.001 ? "p < 0.001" : "p = " + value.ToString("0.000", CultureInfo.InvariantCulture),
        NumberStyle.Amount => value.ToString("#,0.00", CultureInfo.InvariantCulture),
        _ => value.ToString("0.000", CultureInfo.InvariantCulture),
    };

    /// <summary>A result value as printed.</summary>
    public static Figure Of(double value, NumberStyle style) => new(value, Format(value, style), Derivation.Result, [value]);

    public static Figure Percent(double rate) => Of(rate, NumberStyle.Percent);

    public static Figure Signed(double relative) => Of(relative, NumberStyle.SignedPercent);

    public static Figure Count(double count) => Of(count, NumberStyle.Count);

    public static Figure Money(double amount) => Of(amount, NumberStyle.Money);

    public static Figure Amount(double amount) => Of(amount, NumberStyle.Amount);

    /// <summary>1 − <paramref name="rate"/>, e.g. the share lost at a step.</summary>
    public static Figure Complement(double rate) => new(1 - rate, Format(1 - rate, NumberStyle.Percent), Derivation.Complement, [rate]);

    /// <summary><paramref name="a"/> − <paramref name="b"/>.</summary>
    public static Figure Difference(double a, double b, NumberStyle style) => new(a - b, Format(a - b, style), Derivation.Difference, [a, b]);

    /// <summary><paramref name="a"/> / <paramref name="b"/>.</summary>
    public static Figure Ratio(double a, double b, NumberStyle style) => new(a / b, Format(a / b, style), Derivation.Ratio, [a, b]);

    /// <summary>The signed relative change from <paramref name="before"/> to <paramref name="after"/>: "+2.2%".</summary>
    public static Figure Change(double after, double before) =>
        new(after / before - 1, Format(after / before - 1, NumberStyle.SignedPercent), Derivation.Change, [after, before]);

    /// <summary>"[low, high]" of two result rates.</summary>
    public static RichText Interval(double low, double high, NumberStyle style = NumberStyle.Percent) =>
        RichText.Of($"[{Of(low, style)}, {Of(high, style)}]");

    /// <summary>A rate followed by its interval: "45.7% [43.1%, 48.2%]".</summary>
    public static RichText RateWithInterval(double rate, double low, double high) =>
        RichText.Of($"{Percent(rate)} {Interval(low, high)}");

    public static Label Name(string value) => new(value);

    public static RichText Text(string words) => new([new Prose(words)]);
}
