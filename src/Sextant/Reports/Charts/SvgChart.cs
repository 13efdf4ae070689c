using System.Text;

namespace Sextant.Reports.Charts;

/// <summary>
/// Renders a <see cref="Chart"/> as a standalone, print-ready SVG 1.1 document: the static twin of the
/// interactive ECharts dashboards, for reports, e-mail and PNG export.
/// </summary>
public static partial class SvgChart
{
    /// <summary>Width of every chart, in pixels; the height follows the content.</summary>
    public const int Width = 900;

    private const double Margin = 16;
    private const double TitleSize = 16;
    private const double LabelSize = 11;
    private const double NoteSize = 11;
    private const string White = "#FFFFFF";
    private const string FontFamily = "Helvetica, Arial, sans-serif";

    /// <summary>
    /// The chart as a complete SVG document. Every data mark carries a &lt;title&gt; with its tooltip text;
    /// null values draw nothing; the note, if any, is printed as a caption under the chart.
    /// </summary>
    /// <exception cref="ArgumentException">The chart is of a kind this renderer does not know.</exception>
    public static string Render(Chart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var body = new SvgWriter();
        var top = Heading(body, chart.Title);
        var bottom = ChartData.IsEmpty(chart) ? Empty(body, top) : chart switch
        {
            LineChart line => DrawLine(body, line, top),
            BarChart bar => DrawBar(body, bar, top),
            HeatmapChart heatmap => DrawHeatmap(body, heatmap, top),
            GaugeChart gauge => DrawGauge(body, gauge, top),
            FunnelChart funnel => DrawFunnel(body, funnel, top),
            SankeyChart sankey => DrawSankey(body, sankey, top),
            IntervalChart interval => DrawInterval(body, interval, top),
            _ => throw new ArgumentException($"No SVG renderer for chart kind {chart.GetType().Name}.", nameof(chart)),
        };
        bottom = Caption(body, chart.Note, bottom);
        return Document(chart.Title, (int)Math.Ceiling(bottom + Margin), body);
    }

    private static string Document(string title, int height, SvgWriter body)
    {
        var sb = new StringBuilder(body.ToString().Length + 512);
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
          .Append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").Append(Width)
          .Append("\" height=\"").Append(height)
          .Append("\" viewBox=\"0 0 ").Append(Width).Append(' ').Append(height)
          .Append("\" font-family=\"").Append(FontFamily).Append("\" font-size=\"12\" fill=\"").Append(Palette.Text).Append("\">\n<title>");
        SvgWriter.Escape(sb, title);
        sb.Append("</title>\n<rect width=\"").Append(Width).Append("\" height=\"").Append(height).Append("\" fill=\"").Append(White).Append("\"/>\n");
        body.CopyTo(sb);
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    private static double Heading(SvgWriter w, string title)
    {
        var shown = TextFit.ToWidth(title, TitleSize, Width - 2 * Margin);
        w.Open("text").Num("x", Margin).Num("y", Margin + TitleSize).Num("font-size", TitleSize).Attr("font-weight", "bold")
            .Text(shown, shown == title ? null : title);
        return Margin + TitleSize + 12;
    }

    private static double Empty(SvgWriter w, double top)
    {
        w.Open("text").Num("x", Margin).Num("y", top + LabelSize + 8).Num("font-size", LabelSize + 1).Attr("fill", Palette.Neutral).Text(ChartData.EmptyText);
        return top + LabelSize + 16;
    }

    private static double Caption(SvgWriter w, string? note, double bottom)
    {
        if (string.IsNullOrWhiteSpace(note)) return bottom;
        var maxChars = (int)((Width - 2 * Margin) / (NoteSize * 0.6));
        var y = bottom + 12;
        foreach (var line in TextFit.Wrap(note, maxChars))
        {
            y += NoteSize + 4;
            w.Open("text").Num("x", Margin).Num("y", y).Num("font-size", NoteSize).Attr("fill", Palette.Neutral).Text(line);
        }
        return y;
    }

    /// <summary>Draws swatches for several series (and one for incomplete periods); returns the y below them.</summary>
    private static double Legend(SvgWriter w, IReadOnlyList<ChartSeries> series, bool dashes, double top)
    {
        var anyIncomplete = series.Any(s => s.Points.Any(p => p.Incomplete && p.Value is not null));
        if (series.Count < 2 && !anyIncomplete) return top;

        var x = Margin;
        var y = top;
        void Item(string name, string colour, bool incomplete)
        {
            var label = TextFit.Truncate(name, 40);
            var width = 18 + TextFit.Width(label, LabelSize) + 16;
            if (x > Margin && x + width > Width - Margin)
            {
                x = Margin;
                y += 18;
            }
            var swatch = w.Open("rect").Num("x", x).Num("y", y).Num("width", 12).Num("height", 12).Attr("fill", colour);
            if (incomplete)
            {
                swatch.Attr("fill-opacity", "0.4").Attr("stroke", colour).Attr("stroke-dasharray", dashes ? "3 2" : "2 2");
            }
            swatch.End();
            w.Open("text").Num("x", x + 18).Num("y", y + 10).Num("font-size", LabelSize).Text(label, label == name ? null : name);
            x += width;
        }

        if (series.Count > 1)
        {
            for (var i = 0; i < series.Count; i++) Item(series[i].Name, Palette.At(i), false);
        }
        if (anyIncomplete) Item("Incomplete period", Palette.Neutral, true);
        return y + 22;
    }

    private static bool IsValue(double? value) => value is { } v && double.IsFinite(v);
}
