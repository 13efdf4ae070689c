using System.Text.Json.Nodes;
using Sextant.Reports.Charts;

namespace Sextant.Reports.Dashboards;

/// <summary>
/// Turns a <see cref="Chart"/> into an Apache ECharts option object. Every data item carries
/// its tooltip text as <c>tip</c>; the page script shows it and formats axes by
/// <c>sextantFormat</c>, and draws <c>sextantRenderer</c> custom series (intervals, ranges,
/// error bars). Nothing here computes a metric: values are copied from the chart.
/// </summary>
internal static partial class EChartsOption
{
    /// <summary>The option object of <paramref name="chart"/>.</summary>
    public static JsonObject For(Chart chart)
    {
        var option = chart switch
        {
            LineChart line => Line(line),
            BarChart bar => Bar(bar),
            HeatmapChart heatmap => Heatmap(heatmap),
            GaugeChart gauge => Gauge(gauge),
            FunnelChart funnel => Funnel(funnel),
            SankeyChart sankey => Sankey(sankey),
            IntervalChart interval => Interval(interval),
            _ => throw new ArgumentException($"no ECharts form for {chart.GetType().Name}", nameof(chart)),
        };
        // A chart of only gaps would show bare axes, which read as zero; say why nothing is drawn.
        if (ChartData.IsEmpty(chart))
            option["title"] = new JsonObject { ["text"] = ChartData.EmptyText, ["left"] = "center", ["top"] = "middle", ["textStyle"] = new JsonObject { ["fontSize"] = 13, ["fontWeight"] = "normal", ["color"] = Palette.Neutral } };
        option["animation"] = false;
        option["color"] = new JsonArray(Palette.Series.Select(c => (JsonNode)c).ToArray());
        option["textStyle"] = new JsonObject { ["color"] = Palette.Text };
        return option;
    }

    /// <summary>The pixel height a chart's container needs.</summary>
    public static int HeightOf(Chart chart) => chart switch
    {
        HeatmapChart heatmap => Math.Clamp(90 + 26 * heatmap.Rows.Count, 260, 900),
        IntervalChart interval => Math.Clamp(90 + 34 * interval.Rows.Count, 200, 900),
        BarChart { Horizontal: true } bar => Math.Clamp(90 + 28 * bar.Categories.Count * Math.Max(1, bar.Stacked ? 1 : bar.Series.Count), 220, 900),
        SankeyChart => 520,
        GaugeChart => 300,
        _ => 360,
    };

    private static JsonObject Item(ChartPoint point, JsonNode? value = null)
    {
        var item = new JsonObject { ["value"] = value ?? (point.Value is { } v ? JsonValue.Create(v) : null), ["tip"] = point.Tip };
        if (point.Incomplete) item["incomplete"] = true;
        return item;
    }

    private static string FormatName(ValueFormat format) => format.ToString().ToLowerInvariant();

    private static JsonObject ValueAxis(ValueFormat format)
    {
        var axis = new JsonObject
        {
            ["type"] = "value",
            ["sextantFormat"] = FormatName(format),
            ["splitLine"] = new JsonObject { ["lineStyle"] = new JsonObject { ["color"] = Palette.Grid } },
        };
        // A count axis over a small range would get ticks at 0.5 steps, printed as "0, 1, 1, 2".
        if (format == ValueFormat.Count) axis["minInterval"] = 1;
        return axis;
    }

    private static JsonObject CategoryAxis(IReadOnlyList<string> categories, bool inverse = false, bool vertical = false)
    {
        // Up to a dozen categories all get a label (rotated on a horizontal axis when crowded); longer axes thin their labels.
        var label = categories.Count <= 12
            ? new JsonObject { ["interval"] = 0, ["rotate"] = !vertical && categories.Count > 5 && categories.Max(c => c.Length) > 6 ? 30 : 0, ["width"] = vertical ? 220 : 110, ["overflow"] = "truncate" }
            : new JsonObject { ["hideOverlap"] = true };
        return new JsonObject
        {
            ["type"] = "category",
            ["inverse"] = inverse,
            ["data"] = new JsonArray(categories.Select(c => (JsonNode)c).ToArray()),
            ["axisLabel"] = label,
        };
    }

    private static JsonObject Tooltip(string trigger) => new() { ["trigger"] = trigger, ["confine"] = true, ["className"] = "sextant-tooltip" };

    private static JsonObject Grid(int left = 64) => new() { ["left"] = left, ["right"] = 28, ["top"] = 40, ["bottom"] = 40, ["containLabel"] = true };

    private static JsonObject Legend(IEnumerable<string> names) => new()
    {
        ["top"] = 0,
        ["type"] = "scroll",
        ["data"] = new JsonArray(names.Select(n => (JsonNode)n).ToArray()),
    };
}
