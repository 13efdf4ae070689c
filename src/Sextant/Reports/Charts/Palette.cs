namespace Sextant.Reports.Charts;

/// <summary>The one palette every dashboard, SVG chart and report uses.</summary>
public static class Palette
{
    /// <summary>Series colours, in order (colour-blind safe, after Okabe–Ito, with wine in place of black so that no mark reads as text).</summary>
    public static readonly IReadOnlyList<string> Series = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#882255"];

    /// <summary>Good news: a significant win, a healthy user.</summary>
    public const string Positive = "#009E73";

    /// <summary>Bad news: a loss, a harmed guardrail, users at risk.</summary>
    public const string Negative = "#D55E00";

    /// <summary>Neither: reference lines, not significant.</summary>
    public const string Neutral = "#7F7F7F";

    /// <summary>Text.</summary>
    public const string Text = "#1F2937";

    /// <summary>Grid lines and borders.</summary>
    public const string Grid = "#E5E7EB";

    /// <summary>Heatmap scale, low to high.</summary>
    public static readonly IReadOnlyList<string> Heat = ["#F7FBFF", "#C6DBEF", "#6BAED6", "#2171B5", "#08306B"];

    /// <summary>The series colour at <paramref name="index"/>, cycling.</summary>
    public static string At(int index) => Series[index % Series.Count];
}
