using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sextant.Reports.Charts;

namespace Sextant.Reports.Dashboards;

/// <summary>Writes one dashboard as a self-contained HTML page: style, chart library, data and script inline.</summary>
internal static class DashboardPage
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Default };

    /// <summary>The page of <paramref name="dashboard"/>, with links to <paramref name="all"/>.</summary>
    /// <param name="dashboard">The page's content.</param>
    /// <param name="all">Every dashboard, for the navigation bar.</param>
    /// <param name="footer">Where the numbers come from (data end, product).</param>
    /// <param name="assets">The inlined style and scripts; <see cref="PageAssets.Placeholders"/> for snapshots.</param>
    public static string Render(Dashboard dashboard, IReadOnlyList<Dashboard> all, string footer, PageAssets assets)
    {
        var html = new StringBuilder(assets.Library.Length + 64_000);
        Head(html, dashboard.Title, assets.Style);
        html.Append("<header><h1>").Append(Encode(dashboard.Title)).Append("</h1><p>").Append(Encode(dashboard.Summary)).Append("</p>");
        Navigation(html, all, dashboard.Slug);
        html.Append("</header>\n<main>\n");
        Tiles(html, dashboard.Tiles);
        html.Append("<div class=\"cards\">\n");
        var options = new JsonObject();
        foreach (var chart in dashboard.Charts)
        {
            html.Append(chart is HeatmapChart or SankeyChart ? "<section class=\"card wide\"><h2>" : "<section class=\"card\"><h2>").Append(Encode(chart.Title)).Append("</h2>")
                .Append("<div class=\"chart\" id=\"chart-").Append(chart.Id).Append("\" data-chart-id=\"").Append(chart.Id)
                .Append("\" style=\"height:").Append(EChartsOption.HeightOf(chart)).Append("px\"></div>");
            if (chart.Note is { } note) html.Append("<p class=\"note\">").Append(Encode(note)).Append("</p>");
            html.Append("</section>\n");
            options[chart.Id] = EChartsOption.For(chart);
        }
        html.Append("</div>\n");
        if (dashboard.Notes.Count > 0)
        {
            html.Append("<ul class=\"notes\">");
            foreach (var note in dashboard.Notes) html.Append("<li>").Append(Encode(note)).Append("</li>");
            html.Append("</ul>\n");
        }
        html.Append("</main>\n<footer>").Append(Encode(footer)).Append("</footer>\n");
        html.Append("<script>").Append(assets.Library).Append("</script>\n");
        html.Append("<script>window.SEXTANT_PALETTE = ").Append(PaletteJson()).Append(";\nwindow.SEXTANT_CHARTS = ")
            .Append(options.ToJsonString(Json)).Append(";</script>\n");
        html.Append("<script>").Append(assets.Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The index page linking every dashboard and, under them, the other files of the report.</summary>
    /// <param name="all">The dashboards.</param>
    /// <param name="title">Page title.</param>
    /// <param name="footer">Where the numbers come from.</param>
    /// <param name="files">Other files of the report: link text and a path relative to the index.</param>
    /// <param name="warnings">Names from sextant.yaml missing from the store, listed above the dashboards; none when null.</param>
    public static string RenderIndex(IReadOnlyList<Dashboard> all, string title, string footer, IReadOnlyList<(string Text, string Href)> files, IReadOnlyList<string>? warnings = null)
    {
        var html = new StringBuilder();
        Head(html, title, DashboardAssets.Style);
        html.Append("<header><h1>").Append(Encode(title)).Append("</h1><p>Every dashboard opens offline; hover a chart for exact values and intervals.</p></header>\n<main>\n");
        if (warnings is { Count: > 0 })
        {
            html.Append("<h2>Warnings</h2>\n<ul class=\"warnings\">\n");
            foreach (var warning in warnings) html.Append("<li>").Append(Encode(warning)).Append("</li>\n");
            html.Append("</ul>\n");
        }
        html.Append("<ul class=\"index\">\n");
        foreach (var dashboard in all)
            html.Append("<li><a href=\"").Append(dashboard.Slug).Append(".html\">").Append(Encode(dashboard.Title)).Append("</a><p>")
                .Append(Encode(dashboard.Summary)).Append("</p></li>\n");
        html.Append("</ul>\n");
        if (files.Count > 0)
        {
            html.Append("<h2>Also in this report</h2>\n<ul class=\"files\">\n");
            foreach (var (text, href) in files) html.Append("<li><a href=\"").Append(Encode(href)).Append("\">").Append(Encode(text)).Append("</a></li>\n");
            html.Append("</ul>\n");
        }
        html.Append("</main>\n<footer>").Append(Encode(footer)).Append("</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Head(StringBuilder html, string title, string style) =>
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n<style>").Append(style).Append("</style>\n</head>\n<body>\n");

    private static void Navigation(StringBuilder html, IReadOnlyList<Dashboard> all, string current)
    {
        html.Append("<nav><a href=\"index.html\">All dashboards</a>");
        foreach (var dashboard in all)
        {
            html.Append("<a href=\"").Append(dashboard.Slug).Append(".html\"");
            if (dashboard.Slug == current) html.Append(" class=\"current\"");
            html.Append('>').Append(Encode(dashboard.Title)).Append("</a>");
        }
        html.Append("</nav>");
    }

    private static void Tiles(StringBuilder html, IReadOnlyList<Tile> tiles)
    {
        if (tiles.Count == 0) return;
        html.Append("<div class=\"tiles\">\n");
        foreach (var tile in tiles)
        {
            html.Append("<div class=\"tile\"><div class=\"label\">").Append(Encode(tile.Label)).Append("</div><div class=\"value\">")
                .Append(Encode(tile.Value)).Append("</div>");
            if (tile.Detail is { } detail) html.Append("<div class=\"detail\">").Append(Encode(detail)).Append("</div>");
            html.Append("</div>\n");
        }
        html.Append("</div>\n");
    }

    internal static string PaletteJson() => new JsonObject
    {
        ["series"] = new JsonArray(Palette.Series.Select(c => (JsonNode)c).ToArray()),
        ["positive"] = Palette.Positive,
        ["negative"] = Palette.Negative,
        ["neutral"] = Palette.Neutral,
        ["text"] = Palette.Text,
    }.ToJsonString();

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
