namespace Sextant.Reports.Charts;

public static partial class SvgChart
{
    private static double DrawInterval(SvgWriter w, IntervalChart chart, double top)
    {
        const double RowHeight = 28, FiguresWidth = 170;
        var rows = chart.Rows;
        var labelWidth = RowLabelWidth(rows.Select(r => r.Label), 240);
        var left = Margin + labelWidth + 10;
        var right = Width - Margin - FiguresWidth - 10;
        var plotTop = top + 8;
        var plotBottom = plotTop + RowHeight * Math.Max(1, rows.Count);

        var reference = double.IsFinite(chart.Reference) ? chart.Reference : 0;
        double low = reference, high = reference;
        foreach (var row in rows)
        {
            foreach (var v in new[] { row.Low, row.High, row.Estimate ?? reference })
            {
                if (!double.IsFinite(v)) continue;
                low = Math.Min(low, v);
                high = Math.Max(high, v);
            }
        }
        var scale = NiceScale.Create(low, high, 6);
        var ticks = ValueText.Ticks(scale, chart.Format);
        double X(double v) => scale.Map(v, left, right);

        ValueAxisX(w, scale, ticks, left, right, plotTop, plotBottom);
        RowLabels(w, [.. rows.Select(r => r.Label)], left - 8, labelWidth, plotTop, RowHeight, i => rows[i].Highlight);
        w.Open("line").Num("x1", X(reference)).Num("y1", plotTop).Num("x2", X(reference)).Num("y2", plotBottom)
            .Attr("stroke", Palette.Neutral).Attr("stroke-width", "1.5").Attr("stroke-dasharray", "5 3").End();

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var centre = plotTop + RowHeight * (i + 0.5);
            if (chart.Style == IntervalStyle.Forest) ForestRow(w, row, reference, centre, X);
            else TornadoRow(w, row, reference, centre, X);

            var figures = chart.Style == IntervalStyle.Forest && row.Estimate is { } estimate
                ? $"{ValueText.Label(estimate, chart.Format)} [{ValueText.Label(row.Low, chart.Format)}, {ValueText.Label(row.High, chart.Format)}]"
                : $"{ValueText.Label(row.Low, chart.Format)} to {ValueText.Label(row.High, chart.Format)}";
            var text = w.Open("text").Num("x", right + 10).Num("y", centre + 4).Num("font-size", LabelSize);
            if (row.Highlight) text.Attr("font-weight", "bold");
            text.Text(TextFit.ToWidth(figures, LabelSize, FiguresWidth));
        }
        return plotBottom + 22;
    }

    /// <summary>The emphasis colour of a highlighted row: bad news below the reference, good news above.</summary>
    private static string Emphasis(double value, double reference) => value < reference ? Palette.Negative : Palette.Positive;

    private static void ForestRow(SvgWriter w, IntervalRow row, double reference, double centre, Func<double, double> x)
    {
        var middle = row.Estimate ?? (row.Low / 2 + row.High / 2);
        var colour = row.Highlight ? Emphasis(middle, reference) : Palette.Neutral;
        var (low, high) = (x(row.Low), x(row.High));
        w.Open("path").Attr("fill", "none").Attr("stroke", colour).Num("stroke-width", row.Highlight ? 2.5 : 1.5).D()
            .M(low, centre).L(high, centre).M(low, centre - 5).L(low, centre + 5).M(high, centre - 5).L(high, centre + 5).EndD().End(row.Tip);
        if (row.Estimate is { } estimate)
        {
            w.Open("circle").Num("cx", x(estimate)).Num("cy", centre).Num("r", row.Highlight ? 6 : 5).Attr("fill", colour).End(row.Tip);
        }
    }

    private static void TornadoRow(SvgWriter w, IntervalRow row, double reference, double centre, Func<double, double> x)
    {
        const double BarHeight = 16;
        var origin = x(reference);
        foreach (var (end, series) in new[] { (row.Low, 0), (row.High, 1) })
        {
            var colour = row.Highlight ? Emphasis(end, reference) : Palette.At(series);
            var to = x(end);
            w.Open("rect").Num("x", Math.Min(origin, to)).Num("y", centre - BarHeight / 2).Num("width", Math.Abs(to - origin)).Num("height", BarHeight)
                .Attr("fill", colour).End(row.Tip);
        }
    }
}
