namespace Sextant.Reports.Charts;

public static partial class SvgChart
{
    private const double PlotHeight = 320;

    private static double DrawLine(SvgWriter w, LineChart chart, double top)
    {
        top = Legend(w, chart.Series, dashes: true, top);
        var count = Math.Max(chart.Categories.Count, chart.Series.Count == 0 ? 0 : chart.Series.Max(s => s.Points.Count));
        var scale = ScaleFor(chart.Series, chart.Format, stacked: false);
        var labels = ValueText.Ticks(scale, chart.Format);
        var left = Margin + AxisLabelWidth(labels);
        var right = Width - Margin - 8;
        var plotTop = top + 8;
        var plotBottom = plotTop + PlotHeight;
        ValueAxisY(w, scale, labels, left, right, plotTop, plotBottom);

        var step = (right - left) / Math.Max(1, count);
        double X(int i) => left + step * (i + 0.5);
        double Y(double v) => scale.Map(v, plotBottom, plotTop);

        for (var s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            var colour = Palette.At(s);
            if (series.Band) DrawBand(w, series.Points, colour, X, Y);
            DrawSegments(w, series.Points, colour, dashed: false, X, Y);
            DrawSegments(w, series.Points, colour, dashed: true, X, Y);
        }
        // Markers last so every tooltip sits above the lines and bands.
        var radius = step < 8 ? 2 : 3.5;
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var colour = Palette.At(s);
            var points = chart.Series[s].Points;
            for (var i = 0; i < points.Count && i < count; i++)
            {
                var point = points[i];
                if (!IsValue(point.Value)) continue;
                w.Open("circle").Num("cx", X(i)).Num("cy", Y(point.Value!.Value)).Num("r", radius)
                    .Attr("fill", point.Incomplete ? White : colour).Attr("stroke", colour).Attr("stroke-width", "1.5").End(point.Tip);
            }
        }

        return plotBottom + CategoryAxisX(w, chart.Categories, left, step, plotBottom);
    }

    /// <summary>
    /// One path holding every segment between two adjacent values: solid ones, or (when <paramref name="dashed"/>)
    /// the ones touching an incomplete point. A null value breaks the line.
    /// </summary>
    private static void DrawSegments(SvgWriter w, IReadOnlyList<ChartPoint> points, string colour, bool dashed, Func<int, double> x, Func<double, double> y)
    {
        var started = false;
        var previousEnd = -1;
        for (var i = 1; i < points.Count; i++)
        {
            var (a, b) = (points[i - 1], points[i]);
            if (!IsValue(a.Value) || !IsValue(b.Value) || (a.Incomplete || b.Incomplete) != dashed) continue;
            if (!started)
            {
                w.Open("path").Attr("fill", "none").Attr("stroke", colour).Attr("stroke-width", "2").Attr("stroke-linejoin", "round");
                if (dashed) w.Attr("stroke-dasharray", "6 4");
                w.D();
                started = true;
            }
            if (previousEnd != i - 1) w.M(x(i - 1), y(a.Value!.Value));
            w.L(x(i), y(b.Value!.Value));
            previousEnd = i;
        }
        if (started) w.EndD().End();
    }

    /// <summary>A shaded area between Low and High over each run of points that have both.</summary>
    private static void DrawBand(SvgWriter w, IReadOnlyList<ChartPoint> points, string colour, Func<int, double> x, Func<double, double> y)
    {
        static bool HasRange(ChartPoint p) => IsValue(p.Low) && IsValue(p.High);
        var i = 0;
        while (i < points.Count)
        {
            if (!HasRange(points[i]))
            {
                i++;
                continue;
            }
            var end = i;
            while (end + 1 < points.Count && HasRange(points[end + 1])) end++;

            w.Open("path").Attr("fill", colour).Attr("fill-opacity", "0.18").Attr("stroke", "none").D();
            if (end == i)
            {
                // A lone range still shows, as a narrow bar.
                w.M(x(i) - 2, y(points[i].High!.Value)).L(x(i) + 2, y(points[i].High!.Value))
                    .L(x(i) + 2, y(points[i].Low!.Value)).L(x(i) - 2, y(points[i].Low!.Value));
            }
            else
            {
                w.M(x(i), y(points[i].High!.Value));
                for (var k = i + 1; k <= end; k++) w.L(x(k), y(points[k].High!.Value));
                for (var k = end; k >= i; k--) w.L(x(k), y(points[k].Low!.Value));
            }
            w.Z().EndD().End();
            i = end + 1;
        }
    }

    /// <summary>A zero-based value scale over the values (and ranges of banded series), or over stack totals.</summary>
    private static NiceScale ScaleFor(IReadOnlyList<ChartSeries> series, ValueFormat format, bool stacked)
    {
        double low = 0, high = 0;
        if (stacked)
        {
            var count = series.Count == 0 ? 0 : series.Max(s => s.Points.Count);
            for (var i = 0; i < count; i++)
            {
                double up = 0, down = 0;
                foreach (var s in series)
                {
                    if (i >= s.Points.Count || !IsValue(s.Points[i].Value)) continue;
                    var v = s.Points[i].Value!.Value;
                    if (v >= 0) up += v;
                    else down += v;
                }
                (low, high) = (Math.Min(low, down), Math.Max(high, up));
            }
        }
        else
        {
            foreach (var s in series)
            {
                foreach (var p in s.Points)
                {
                    Include(p.Value);
                    if (s.Band) Include(p.Low);
                    if (s.Band) Include(p.High);
                }
            }
        }
        return NiceScale.Create(low, high, 6, format == ValueFormat.Count);

        void Include(double? value)
        {
            if (!IsValue(value)) return;
            low = Math.Min(low, value!.Value);
            high = Math.Max(high, value.Value);
        }
    }
}
