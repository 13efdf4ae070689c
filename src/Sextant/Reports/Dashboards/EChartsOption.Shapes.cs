using System.Text.Json.Nodes;
using Sextant.Reports.Charts;

namespace Sextant.Reports.Dashboards;

internal static partial class EChartsOption
{
    private static JsonObject Gauge(GaugeChart chart)
    {
        var item = Item(chart.Value);
        item["name"] = chart.Label;
        return new JsonObject
        {
            ["tooltip"] = Tooltip("item"),
            ["series"] = new JsonArray(new JsonObject
            {
                ["type"] = "gauge",
                ["min"] = 0,
                ["max"] = chart.Max,
                ["progress"] = new JsonObject { ["show"] = true, ["width"] = 18 },
                ["axisLine"] = new JsonObject { ["lineStyle"] = new JsonObject { ["width"] = 18 } },
                ["splitNumber"] = 5,
                ["sextantFormat"] = FormatName(chart.Format),
                ["title"] = new JsonObject { ["offsetCenter"] = new JsonArray(0, "78%") },
                ["detail"] = new JsonObject { ["offsetCenter"] = new JsonArray(0, "40%"), ["fontSize"] = 26 },
                ["data"] = new JsonArray(item),
            }),
        };
    }

    private static JsonObject Funnel(FunnelChart chart)
    {
        var data = new JsonArray();
        for (var i = 0; i < chart.Stages.Count; i++)
        {
            var item = Item(chart.Users[i]);
            item["name"] = chart.Stages[i];
            data.Add(item);
        }
        return new JsonObject
        {
            ["tooltip"] = Tooltip("item"),
            ["series"] = new JsonArray(new JsonObject
            {
                ["type"] = "funnel",
                ["sort"] = "none",
                ["left"] = "4%",
                ["width"] = "62%",
                ["minSize"] = "4%",
                ["gap"] = 2,
                ["label"] = new JsonObject { ["show"] = true, ["position"] = "right" },
                ["data"] = data,
            }),
        };
    }

    private static JsonObject Sankey(SankeyChart chart) => new()
    {
        ["tooltip"] = Tooltip("item"),
        ["series"] = new JsonArray(new JsonObject
        {
            ["type"] = "sankey",
            ["left"] = 10,
            ["right"] = 120,
            ["nodeGap"] = 10,
            ["emphasis"] = new JsonObject { ["focus"] = "adjacency" },
            ["lineStyle"] = new JsonObject { ["color"] = "gradient", ["opacity"] = 0.35 },
            ["data"] = new JsonArray(chart.Nodes.Select(n => (JsonNode)new JsonObject
            {
                ["name"] = n.Key,
                ["label"] = new JsonObject { ["formatter"] = n.Label.Replace("{", "(", StringComparison.Ordinal).Replace("}", ")", StringComparison.Ordinal) },
                ["depth"] = n.Column,
                ["tip"] = n.Tip ?? n.Label,
            }).ToArray()),
            ["links"] = new JsonArray(chart.Links.Select(l => (JsonNode)new JsonObject
            {
                ["source"] = l.Source,
                ["target"] = l.Target,
                ["value"] = l.Value,
                ["tip"] = l.Tip,
            }).ToArray()),
        }),
    };

    /// <summary>Highlighted rows above the reference are good news, below it bad news; the rest are plain.</summary>
    internal static string EmphasisColour(IntervalRow row, double reference) =>
        !row.Highlight ? Palette.Text : (row.Estimate ?? (row.Low + row.High) / 2) >= reference ? Palette.Positive : Palette.Negative;

    private static JsonObject Interval(IntervalChart chart)
    {
        var ranges = new JsonArray();
        var estimates = new JsonArray();
        for (var i = 0; i < chart.Rows.Count; i++)
        {
            var row = chart.Rows[i];
            var color = EmphasisColour(row, chart.Reference);
            ranges.Add(new JsonObject { ["value"] = new JsonArray(i, row.Low, row.High), ["tip"] = row.Tip, ["color"] = color });
            if (row.Estimate is { } estimate)
                estimates.Add(new JsonObject
                {
                    ["value"] = new JsonArray(estimate, i),
                    ["tip"] = row.Tip,
                    ["itemStyle"] = new JsonObject { ["color"] = row.Highlight ? color : Palette.At(0) },
                });
        }
        var series = new JsonArray(new JsonObject
        {
            ["type"] = "custom",
            ["sextantRenderer"] = chart.Style == IntervalStyle.Tornado ? "tornado" : "whiskerX",
            ["sextantReference"] = chart.Reference,
            ["encode"] = new JsonObject { ["y"] = 0, ["x"] = new JsonArray(1, 2) },
            ["data"] = ranges,
            ["markLine"] = new JsonObject
            {
                ["silent"] = true,
                ["symbol"] = "none",
                ["lineStyle"] = new JsonObject { ["color"] = Palette.Neutral, ["type"] = "dashed" },
                ["label"] = new JsonObject { ["show"] = false },
                ["data"] = new JsonArray(new JsonObject { ["xAxis"] = chart.Reference }),
            },
        });
        if (estimates.Count > 0)
            series.Add(new JsonObject { ["type"] = "scatter", ["symbolSize"] = 10, ["z"] = 10, ["data"] = estimates });
        return new JsonObject
        {
            ["tooltip"] = Tooltip("item"),
            ["grid"] = Grid(),
            ["xAxis"] = ValueAxis(chart.Format),
            ["yAxis"] = CategoryAxis(chart.Rows.Select(r => r.Label).ToList(), inverse: true, vertical: true),
            ["series"] = series,
        };
    }
}
