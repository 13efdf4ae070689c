using System.Text.Json.Nodes;
using Sextant.Reports.Charts;

namespace Sextant.Reports.Dashboards;

internal static partial class EChartsOption
{
    private static JsonObject Line(LineChart chart)
    {
        var series = new JsonArray();
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var line = chart.Series[s];
            if (line.Band) AddBand(series, line, s);
            series.Add(new JsonObject
            {
                ["type"] = "line",
                ["name"] = line.Name,
                ["showSymbol"] = line.Points.Count <= 60,
                ["connectNulls"] = false,
                ["data"] = new JsonArray(line.Points.Select(p => (JsonNode)Item(p)).ToArray()),
            });
        }
        return new JsonObject
        {
            ["tooltip"] = Tooltip("axis"),
            ["legend"] = Legend(chart.Series.Select(s => s.Name)),
            ["grid"] = Grid(),
            ["xAxis"] = CategoryAxis(chart.Categories),
            ["yAxis"] = ValueAxis(chart.Format),
            ["series"] = series,
        };
    }

    /// <summary>A shaded band from Low to High: a transparent base line with the width stacked on it.</summary>
    private static void AddBand(JsonArray series, ChartSeries line, int index)
    {
        var stack = "band" + index;
        series.Add(HiddenLine(stack, line.Points.Select(p => p.Low), area: null));
        series.Add(HiddenLine(stack, line.Points.Select(p => p is { Low: { } low, High: { } high } ? high - low : (double?)null),
            new JsonObject { ["color"] = Palette.At(index), ["opacity"] = 0.18 }));
    }

    /// <summary>A line drawn only as the area under it (or not at all), stacked, with no tooltip.</summary>
    private static JsonObject HiddenLine(string stack, IEnumerable<double?> values, JsonObject? area)
    {
        var line = new JsonObject
        {
            ["type"] = "line",
            ["stack"] = stack,
            ["silent"] = true,
            ["symbol"] = "none",
            ["lineStyle"] = new JsonObject { ["opacity"] = 0 },
        };
        if (area is not null) line["areaStyle"] = area;
        line["tooltip"] = new JsonObject { ["show"] = false };
        line["data"] = new JsonArray(values.Select(v => (JsonNode?)(v is { } value ? JsonValue.Create(value) : null)).ToArray());
        return line;
    }

    private static JsonObject Bar(BarChart chart)
    {
        var series = new JsonArray();
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var bars = chart.Series[s];
            var bar = new JsonObject
            {
                ["type"] = "bar",
                ["name"] = bars.Name,
                ["data"] = new JsonArray(bars.Points.Select(p => (JsonNode)Item(p)).ToArray()),
            };
            if (chart.Stacked) bar["stack"] = "total";
            series.Add(bar);
            if (bars.Band && !chart.Stacked)
            {
                // Whiskers from Low to High over each bar; the page script draws them.
                var whiskers = new JsonArray();
                for (var i = 0; i < bars.Points.Count; i++)
                    if (bars.Points[i] is { Low: { } low, High: { } high } point)
                        whiskers.Add(new JsonObject { ["value"] = new JsonArray(i, low, high), ["tip"] = point.Tip });
                series.Add(new JsonObject
                {
                    ["type"] = "custom",
                    ["name"] = bars.Name,
                    ["sextantRenderer"] = chart.Horizontal ? "whiskerX" : "whiskerY",
                    ["sextantSeries"] = s,
                    ["sextantSeriesCount"] = chart.Series.Count,
                    ["encode"] = chart.Horizontal ? new JsonObject { ["y"] = 0, ["x"] = new JsonArray(1, 2) } : new JsonObject { ["x"] = 0, ["y"] = new JsonArray(1, 2) },
                    ["z"] = 5,
                    ["data"] = whiskers,
                });
            }
        }
        var categories = CategoryAxis(chart.Categories, inverse: chart.Horizontal, vertical: chart.Horizontal);
        var values = ValueAxis(chart.Format);
        return new JsonObject
        {
            ["tooltip"] = Tooltip("item"),
            ["legend"] = Legend(chart.Series.Select(s => s.Name)),
            ["grid"] = Grid(),
            ["xAxis"] = chart.Horizontal ? values : categories,
            ["yAxis"] = chart.Horizontal ? categories : values,
            ["series"] = series,
        };
    }

    // A wide dashboard card leaves about 880 px for the cells (a 1280 px page less its padding,
    // the row labels and the colour legend); rows are at least 14 px tall up to 60 rows.
    private const double HeatmapPlotWidth = 880;
    private const double HeatmapLabelSize = 10;
    private const int HeatmapMaxLabelledRows = 60;

    /// <summary>True when the widest cell label fits its cell, as the SVG heatmap decides.</summary>
    private static bool LabelsFit(HeatmapChart chart, JsonArray data) =>
        data.Count > 0 && chart.Rows.Count <= HeatmapMaxLabelledRows
        && TextFit.WidestOf(data.Select(d => (string)d!["text"]!), HeatmapLabelSize) + 4 <= HeatmapPlotWidth / chart.Columns.Count;

    private static JsonObject Heatmap(HeatmapChart chart)
    {
        var data = new JsonArray();
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (var r = 0; r < chart.Rows.Count; r++)
            for (var c = 0; c < chart.Columns.Count; c++)
            {
                var cell = chart.Cells[r][c];
                if (cell.Value is not { } value) continue;
                min = Math.Min(min, value);
                max = Math.Max(max, value);
                var item = Item(cell, new JsonArray(c, r, value));
                // The cell's label is prepared here, in the format of every other output.
                item["text"] = ValueText.Label(value, chart.Format);
                data.Add(item);
            }
        if (data.Count == 0) (min, max) = (0, 1);
        var option = new JsonObject
        {
            ["tooltip"] = Tooltip("item"),
            ["grid"] = new JsonObject { ["left"] = 90, ["right"] = 90, ["top"] = 20, ["bottom"] = 40, ["containLabel"] = true },
            ["xAxis"] = CategoryAxis(chart.Columns),
            ["yAxis"] = CategoryAxis(chart.Rows, inverse: true, vertical: true),
            ["visualMap"] = new JsonObject
            {
                ["min"] = min,
                ["max"] = max,
                ["calculable"] = false,
                ["orient"] = "vertical",
                ["right"] = 0,
                ["top"] = "middle",
                ["sextantFormat"] = FormatName(chart.Format),
                ["inRange"] = new JsonObject { ["color"] = new JsonArray(Palette.Heat.Select(c => (JsonNode)c).ToArray()) },
            },
            ["series"] = new JsonArray(new JsonObject
            {
                ["type"] = "heatmap",
                ["data"] = data,
                ["label"] = new JsonObject { ["show"] = LabelsFit(chart, data), ["fontSize"] = HeatmapLabelSize },
                ["sextantFormat"] = FormatName(chart.Format),
            }),
        };
        // The colour legend's title says what the colours measure.
        if (chart.LegendTitle is { } legend) option["visualMap"]!["text"] = new JsonArray(legend, "");
        return option;
    }
}
