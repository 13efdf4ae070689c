namespace Sextant.Reports.Charts;

public static partial class SvgChart
{
    // Longest category label before it is cut with an ellipsis; rotated labels get fewer so the margin stays modest.
    private const int CategoryChars = 24;
    private const int RotatedChars = 18;
    private const double RotatedAngle = 40;

    /// <summary>Width the value-axis labels need left of the plot.</summary>
    private static double AxisLabelWidth(string[] labels) => TextFit.WidestOf(labels, LabelSize) + 10;

    /// <summary>Horizontal gridlines and labels of a vertical value axis; the zero line is drawn darker.</summary>
    private static void ValueAxisY(SvgWriter w, NiceScale scale, string[] labels, double left, double right, double top, double bottom)
    {
        for (var i = 0; i < scale.Ticks.Length; i++)
        {
            var y = scale.Map(scale.Ticks[i], bottom, top);
            w.Open("line").Num("x1", left).Num("y1", y).Num("x2", right).Num("y2", y)
                .Attr("stroke", scale.Ticks[i] == 0 ? Palette.Neutral : Palette.Grid).End();
            w.Open("text").Num("x", left - 6).Num("y", y + 4).Num("font-size", LabelSize).Attr("text-anchor", "end").Text(labels[i]);
        }
    }

    /// <summary>Vertical gridlines and labels of a horizontal value axis, labels under <paramref name="bottom"/>.</summary>
    private static void ValueAxisX(SvgWriter w, NiceScale scale, string[] labels, double left, double right, double top, double bottom)
    {
        // Thin the labels when they would touch; the gridlines stay.
        var spacing = (right - left) / Math.Max(1, scale.Ticks.Length - 1);
        var every = (int)Math.Ceiling((TextFit.WidestOf(labels, LabelSize) + 8) / spacing);
        for (var i = 0; i < scale.Ticks.Length; i++)
        {
            var x = scale.Map(scale.Ticks[i], left, right);
            w.Open("line").Num("x1", x).Num("y1", top).Num("x2", x).Num("y2", bottom)
                .Attr("stroke", scale.Ticks[i] == 0 ? Palette.Neutral : Palette.Grid).End();
            if (i % Math.Max(1, every) == 0)
            {
                w.Open("text").Num("x", x).Num("y", bottom + 15).Num("font-size", LabelSize).Attr("text-anchor", "middle").Text(labels[i]);
            }
        }
    }

    /// <summary>
    /// Category labels under a plot, one per band of width <paramref name="step"/>: all of them when they fit,
    /// every k-th when short ones would touch, rotated when long ones would; returns the height used.
    /// </summary>
    private static double CategoryAxisX(SvgWriter w, IReadOnlyList<string> categories, double left, double step, double y)
    {
        var labels = categories.Select(c => TextFit.Truncate(c, CategoryChars)).ToArray();
        var widest = TextFit.WidestOf(labels, LabelSize);
        if (widest + 6 <= step || widest <= 90)
        {
            var every = Math.Max(1, (int)Math.Ceiling((widest + 6) / step));
            for (var i = 0; i < labels.Length; i += every)
            {
                w.Open("text").Num("x", left + step * (i + 0.5)).Num("y", y + 16).Num("font-size", LabelSize).Attr("text-anchor", "middle")
                    .Text(labels[i], labels[i] == categories[i] ? null : categories[i]);
            }
            return 24;
        }

        var rotated = categories.Select(c => TextFit.Truncate(c, RotatedChars)).ToArray();
        var rotatedEvery = Math.Max(1, (int)Math.Ceiling((LabelSize + 3) / step));
        for (var i = 0; i < rotated.Length; i += rotatedEvery)
        {
            var x = left + step * (i + 0.5) + 4;
            w.Open("text").Num("x", x).Num("y", y + 14).Num("font-size", LabelSize).Attr("text-anchor", "end")
                .Attr("transform", FormattableString.Invariant($"rotate(-{RotatedAngle} {Math.Round(x, 1)} {Math.Round(y + 14, 1)})"))
                .Text(rotated[i], rotated[i] == categories[i] ? null : categories[i]);
        }
        var radians = RotatedAngle * Math.PI / 180;
        return 20 + TextFit.WidestOf(rotated, LabelSize) * Math.Sin(radians) + LabelSize * Math.Cos(radians);
    }

    /// <summary>Row labels right-aligned against the plot, one per row of height <paramref name="rowHeight"/>.</summary>
    private static void RowLabels(SvgWriter w, IReadOnlyList<string> rows, double right, double maxWidth, double top, double rowHeight,
        Func<int, bool>? bold = null)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            var label = TextFit.ToWidth(rows[i], LabelSize, maxWidth);
            var text = w.Open("text").Num("x", right).Num("y", top + rowHeight * (i + 0.5) + 4).Num("font-size", LabelSize)
                .Attr("text-anchor", "end");
            if (bold?.Invoke(i) == true) text.Attr("font-weight", "bold");
            text.Text(label, label == rows[i] ? null : rows[i]);
        }
    }

    /// <summary>Pixels reserved for row labels: the widest label, capped so the plot keeps most of the width.</summary>
    private static double RowLabelWidth(IEnumerable<string> rows, double cap) => Math.Min(cap, TextFit.WidestOf(rows, LabelSize));
}
