namespace Sextant.Reports.Charts;

public static partial class SvgChart
{
    private static double DrawGauge(SvgWriter w, GaugeChart chart, double top)
    {
        const double Radius = 130, Thickness = 26;
        var cx = Width / 2.0;
        var cy = top + 20 + Radius;

        // The dial is the upper half circle, 0 on the left and Max on the right.
        w.Open("path").Attr("fill", "none").Attr("stroke", Palette.Grid).Num("stroke-width", Thickness)
            .D().M(cx - Radius, cy).A(Radius, false, true, cx + Radius, cy).EndD().End();

        var point = chart.Value;
        var max = double.IsFinite(chart.Max) && chart.Max > 0 ? chart.Max : 1;
        string text;
        if (IsValue(point.Value))
        {
            var value = point.Value!.Value;
            var share = Math.Clamp(value / max, 0, 1);
            var angle = Math.PI * (1 - share);
            var colour = Palette.At(0);
            w.Open("path").Attr("fill", "none").Attr("stroke", colour).Num("stroke-width", Thickness);
            if (point.Incomplete) w.Attr("stroke-opacity", "0.45");
            w.D().M(cx - Radius, cy).A(Radius, false, true, cx + Radius * Math.Cos(angle), cy - Radius * Math.Sin(angle)).EndD().End(point.Tip);
            text = ValueText.Label(value, chart.Format);
        }
        else
        {
            text = "–";
        }

        w.Open("text").Num("x", cx).Num("y", cy - 14).Num("font-size", 30).Attr("font-weight", "bold").Attr("text-anchor", "middle").Text(text, point.Tip);
        var label = TextFit.ToWidth(chart.Label, 13, 2 * Radius - 2 * Thickness);
        w.Open("text").Num("x", cx).Num("y", cy + 20).Num("font-size", 13).Attr("text-anchor", "middle").Text(label, label == chart.Label ? null : chart.Label);
        w.Open("text").Num("x", cx - Radius).Num("y", cy + 20).Num("font-size", LabelSize).Attr("text-anchor", "middle").Text(ValueText.Label(0, chart.Format));
        w.Open("text").Num("x", cx + Radius).Num("y", cy + 20).Num("font-size", LabelSize).Attr("text-anchor", "middle").Text(ValueText.Label(max, chart.Format));
        return cy + 24;
    }
}
