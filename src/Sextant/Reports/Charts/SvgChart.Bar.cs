namespace Sextant.Reports.Charts;

public static partial class SvgChart
{
    private const double ValueLabelSize = 10;

    private static double DrawBar(SvgWriter w, BarChart chart, double top)
    {
        top = Legend(w, chart.Series, dashes: false, top);
        var count = Math.Max(chart.Categories.Count, chart.Series.Count == 0 ? 0 : chart.Series.Max(s => s.Points.Count));
        var scale = ScaleFor(chart.Series, chart.Format, chart.Stacked);
        var ticks = ValueText.Ticks(scale, chart.Format);
        var plotTop = top + 8;

        BarLayout layout;
        double bottom;
        if (chart.Horizontal)
        {
            var rowHeight = chart.Stacked || chart.Series.Count < 2 ? 24 : Math.Max(24, chart.Series.Count * 12 + 8);
            var labelWidth = RowLabelWidth(chart.Categories, 220);
            var left = Margin + labelWidth + 8;
            // Room on the right for the value printed past the longest bar.
            var right = Width - Margin - (chart.Stacked ? 8 : 56);
            var plotBottom = plotTop + rowHeight * Math.Max(1, count);
            ValueAxisX(w, scale, ticks, left, right, plotTop, plotBottom);
            RowLabels(w, chart.Categories, left - 6, labelWidth, plotTop, rowHeight);
            layout = new BarLayout(true, plotTop, rowHeight, v => scale.Map(v, left, right));
            bottom = plotBottom + 22;
        }
        else
        {
            var left = Margin + AxisLabelWidth(ticks);
            var right = Width - Margin - 8;
            var plotBottom = plotTop + PlotHeight;
            ValueAxisY(w, scale, ticks, left, right, plotTop, plotBottom);
            var step = (right - left) / Math.Max(1, count);
            layout = new BarLayout(false, left, step, v => scale.Map(v, plotBottom, plotTop));
            bottom = plotBottom + CategoryAxisX(w, chart.Categories, left, step, plotBottom);
        }

        if (chart.Stacked) DrawStacks(w, chart.Series, count, layout);
        else DrawGroups(w, chart, count, layout);
        return bottom;
    }

    /// <summary>Where bars go: bands along the category axis starting at <paramref name="Start"/>, values through <paramref name="Value"/>.</summary>
    private sealed record BarLayout(bool Horizontal, double Start, double Band, Func<double, double> Value)
    {
        public double BandStart(int category) => Start + Band * category;
    }

    private static void DrawGroups(SvgWriter w, BarChart chart, int count, BarLayout layout)
    {
        var series = chart.Series;
        var size = layout.Band * 0.8 / Math.Max(1, series.Count);
        var gap = size > 4 ? 1 : 0;
        var zero = layout.Value(0);
        var labelled = count * series.Count <= 40;
        for (var s = 0; s < series.Count; s++)
        {
            var colour = Palette.At(s);
            for (var i = 0; i < series[s].Points.Count && i < count; i++)
            {
                var point = series[s].Points[i];
                if (!IsValue(point.Value)) continue;
                var value = point.Value!.Value;
                var position = layout.BandStart(i) + layout.Band * 0.1 + s * size;
                var end = layout.Value(value);
                BarRect(w, layout.Horizontal, position, size - gap, zero, end, colour, point.Incomplete).End(point.Tip);

                var centre = position + (size - gap) / 2;
                if (series[s].Band && IsValue(point.Low) && IsValue(point.High))
                {
                    Whisker(w, layout.Horizontal, centre, Math.Min(size * 0.5, 10), layout.Value(point.Low!.Value), layout.Value(point.High!.Value), point.Tip);
                }
                else if (labelled)
                {
                    ValueLabel(w, layout.Horizontal, centre, size, end, value >= 0, ValueText.Label(value, chart.Format));
                }
            }
        }
    }

    private static void DrawStacks(SvgWriter w, IReadOnlyList<ChartSeries> series, int count, BarLayout layout)
    {
        var size = layout.Band * 0.6;
        for (var i = 0; i < count; i++)
        {
            double up = 0, down = 0;
            for (var s = 0; s < series.Count; s++)
            {
                if (i >= series[s].Points.Count) continue;
                var point = series[s].Points[i];
                if (!IsValue(point.Value)) continue;
                var value = point.Value!.Value;
                var from = value >= 0 ? up : down;
                var to = from + value;
                if (value >= 0) up = to;
                else down = to;
                BarRect(w, layout.Horizontal, layout.BandStart(i) + layout.Band * 0.2, size, layout.Value(from), layout.Value(to),
                    Palette.At(s), point.Incomplete);
                // A hairline keeps touching segments apart; incomplete ones already have their dashed edge.
                if (!point.Incomplete) w.Attr("stroke", White).Attr("stroke-width", "0.5");
                w.End(point.Tip);
            }
        }
    }

    /// <summary>A bar across the category axis at <paramref name="position"/> and along the value axis from one pixel to another; incomplete bars are pale with a dashed edge.</summary>
    private static SvgWriter BarRect(SvgWriter w, bool horizontal, double position, double size, double from, double to, string colour, bool incomplete)
    {
        var (low, length) = (Math.Min(from, to), Math.Abs(to - from));
        w.Open("rect");
        if (horizontal) w.Num("x", low).Num("y", position).Num("width", length).Num("height", size);
        else w.Num("x", position).Num("y", low).Num("width", size).Num("height", length);
        w.Attr("fill", colour);
        if (incomplete) w.Attr("fill-opacity", "0.4").Attr("stroke", colour).Attr("stroke-dasharray", "4 2");
        return w;
    }

    /// <summary>An error bar from <paramref name="low"/> to <paramref name="high"/> (pixels) with caps.</summary>
    private static void Whisker(SvgWriter w, bool horizontal, double centre, double cap, double low, double high, string tip)
    {
        w.Open("path").Attr("fill", "none").Attr("stroke", Palette.Text).Attr("stroke-width", "1.2").D();
        if (horizontal)
        {
            w.M(low, centre).L(high, centre).M(low, centre - cap / 2).L(low, centre + cap / 2).M(high, centre - cap / 2).L(high, centre + cap / 2);
        }
        else
        {
            w.M(centre, low).L(centre, high).M(centre - cap / 2, low).L(centre + cap / 2, low).M(centre - cap / 2, high).L(centre + cap / 2, high);
        }
        w.EndD().End(tip);
    }

    /// <summary>The value past the bar's end, when the bar is wide enough to carry it.</summary>
    private static void ValueLabel(SvgWriter w, bool horizontal, double centre, double size, double end, bool positive, string text)
    {
        if (horizontal)
        {
            if (size < ValueLabelSize) return;
            w.Open("text").Num("x", positive ? end + 4 : end - 4).Num("y", centre + 3.5).Num("font-size", ValueLabelSize)
                .Attr("text-anchor", positive ? "start" : "end").Text(text);
            return;
        }
        if (size < TextFit.Width(text, ValueLabelSize) + 2) return;
        w.Open("text").Num("x", centre).Num("y", positive ? end - 4 : end + 12).Num("font-size", ValueLabelSize)
            .Attr("text-anchor", "middle").Text(text);
    }
}
