using System.Globalization;

namespace Sextant.Reports.Charts;

/// <summary>Colours on <see cref="Palette.Heat"/>, interpolated linearly in RGB between its evenly spaced stops.</summary>
internal static class HeatColor
{
    private static readonly (int R, int G, int B)[] Stops = [.. Palette.Heat.Select(Parse)];

    /// <summary>The colour at <paramref name="t"/> in [0, 1] (clamped): 0 is the palest stop, 1 the darkest.</summary>
    public static string At(double t)
    {
        if (!double.IsFinite(t)) t = 0;
        var position = Math.Clamp(t, 0, 1) * (Stops.Length - 1);
        var index = Math.Min((int)position, Stops.Length - 2);
        var f = position - index;
        var (a, b) = (Stops[index], Stops[index + 1]);
        return string.Create(CultureInfo.InvariantCulture,
            $"#{Mix(a.R, b.R, f):X2}{Mix(a.G, b.G, f):X2}{Mix(a.B, b.B, f):X2}");
    }

    private static int Mix(int a, int b, double f) => (int)Math.Round(a + (b - a) * f);

    private static (int R, int G, int B) Parse(string hex) =>
        (System.Convert.ToInt32(hex[1..3], 16), System.Convert.ToInt32(hex[3..5], 16), System.Convert.ToInt32(hex[5..7], 16));
}
