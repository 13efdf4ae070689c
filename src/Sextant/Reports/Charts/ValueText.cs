using System.Globalization;

namespace Sextant.Reports.Charts;

/// <summary>Axis and label text for values, per <see cref="ValueFormat"/>, always in the invariant culture.</summary>
internal static class ValueText
{
    // Past this, digits stop meaning anything to a reader and would overflow the margins.
    private const double Huge = 1e15;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A single value as a data label: 1,234 · 12.5% · $1,234 · $9.99 · 1.25.</summary>
    public static string Label(double value, ValueFormat format)
    {
        if (!double.IsFinite(value)) return "–";
        return format switch
        {
            ValueFormat.Percent => Percent(value, Math.Abs(value) < 0.01 ? 2 : 1, trim: true),
            ValueFormat.Money => Money(value, Math.Abs(value) >= 100 || value == Math.Round(value) ? 0 : 2),
            ValueFormat.Count => Number(value, Math.Abs(value - Math.Round(value)) < 1e-9 ? 0 : 1),
            _ => Number(value, 2, trim: true),
        };
    }

    /// <summary>Tick labels with as many decimals as the step needs; money switches to k or M for the whole axis.</summary>
    public static string[] Ticks(NiceScale scale, ValueFormat format)
    {
        var ticks = scale.Ticks;
        var labels = new string[ticks.Length];
        var largest = 0.0;
        foreach (var tick in ticks) largest = Math.Max(largest, Math.Abs(tick));

        var (divisor, suffix) = format == ValueFormat.Money
            ? largest >= 1e6 ? (1e6, "M") : largest >= 1e4 ? (1e3, "k") : (1.0, "")
            : (1.0, "");
        var step = format == ValueFormat.Percent ? scale.Step * 100 : scale.Step / divisor;
        var decimals = DecimalsFor(step);

        for (var i = 0; i < ticks.Length; i++)
        {
            var value = ticks[i];
            labels[i] = format switch
            {
                ValueFormat.Percent => Percent(value, decimals, trim: false),
                ValueFormat.Money => value == 0 ? "$0" : Money(value / divisor, decimals) + suffix,
                _ => Number(value, decimals),
            };
        }
        return labels;
    }

    /// <summary>Fewest decimals (up to 6) that show <paramref name="step"/> exactly, so 2.5% does not print as 3%.</summary>
    private static int DecimalsFor(double step)
    {
        var scaled = Math.Abs(step);
        for (var d = 0; d < 6; d++)
        {
            if (Math.Abs(scaled - Math.Round(scaled)) <= scaled * 1e-6) return d;
            scaled *= 10;
        }
        return 6;
    }

    private static string Number(double value, int decimals, bool trim = false)
    {
        if (Math.Abs(value) >= Huge) return value.ToString("0.##E+0", Invariant);
        var pattern = decimals == 0 ? "#,0" : "#,0." + new string(trim ? '#' : '0', decimals);
        var text = value.ToString(pattern, Invariant);
        return text == "-0" ? "0" : text;
    }

    private static string Percent(double fraction, int decimals, bool trim) => Number(fraction * 100, decimals, trim) + "%";

    private static string Money(double value, int decimals)
    {
        var text = Number(Math.Abs(value), decimals);
        return value < 0 && text != "0" ? "-$" + text : "$" + text;
    }
}
