namespace Sextant.Reports.Charts;

public static partial class SvgChart
{
    private static double DrawFunnel(SvgWriter w, FunnelChart chart, double top)
    {
        const double RowHeight = 44, BarHeight = 30, NameWidth = 190, FiguresWidth = 170;
        var count = Math.Max(chart.Stages.Count, chart.Users.Count);
        var barLeft = Margin + NameWidth + 10;
        var barRight = Width - Margin - FiguresWidth - 10;
        var centre = (barLeft + barRight) / 2;
        var widest = 0.0;
        foreach (var p in chart.Users) if (IsValue(p.Value)) widest = Math.Max(widest, p.Value!.Value);

        var rowTop = top + 8;
        RowLabels(w, chart.Stages, barLeft - 10, NameWidth, rowTop, RowHeight);
        double? previous = null;
        for (var i = 0; i < count; i++)
        {
            var point = i < chart.Users.Count ? chart.Users[i] : null;
            var y = rowTop + i * RowHeight;
            var value = point is not null && IsValue(point.Value) ? point.Value!.Value : (double?)null;
            if (value is { } users)
            {
                var width = widest > 0 ? Math.Max(users, 0) / widest * (barRight - barLeft) : 0;
                w.Open("rect").Num("x", centre - width / 2).Num("y", y + (RowHeight - BarHeight) / 2).Num("width", width).Num("height", BarHeight)
                    .Attr("fill", Palette.At(0));
                if (point!.Incomplete) w.Attr("fill-opacity", "0.4").Attr("stroke", Palette.At(0)).Attr("stroke-dasharray", "4 2");
                w.End(point.Tip);
            }

            var figuresX = barRight + 10;
            w.Open("text").Num("x", figuresX).Num("y", y + RowHeight / 2 - 2).Num("font-size", 12).Attr("font-weight", "bold")
                .Text(value is { } v ? ValueText.Label(v, ValueFormat.Count) : "–");
            if (i > 0 && previous is > 0 && value is { } current)
            {
                w.Open("text").Num("x", figuresX).Num("y", y + RowHeight / 2 + 12).Num("font-size", 10).Attr("fill", Palette.Neutral)
                    .Text(ValueText.Label(current / previous.Value, ValueFormat.Percent) + " of previous");
            }
            previous = value;
        }
        return rowTop + count * RowHeight;
    }
}
