using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sextant.Reports.Charts;

namespace Sextant.Reports.Dashboards.Live;

/// <summary>
/// The dashboards as <c>sextant serve</c> shows them live (docs/SERVER.md, Live dashboards): a page
/// shell with controls and no data, and each dashboard's content as JSON (tiles, notes and the
/// same ECharts options a static page inlines) that the page script draws and redraws. Built
/// by the same dashboard code as the static pages; nothing here computes a figure.
/// </summary>
public static class LiveDashboards
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Default };

    /// <summary>Every dashboard's slug and title, in the order <see cref="DashboardSet.Build"/> returns them.</summary>
    public static IReadOnlyList<(string Slug, string Title)> Catalog { get; } =
    [
        (ExecutiveDashboard.Slug, "Executive summary"),
        (NorthStarDashboard.Slug, "North Star"),
        (EngagementDashboard.Slug, "Engagement"),
        (FunnelDashboard.Slug, "Funnels"),
        (RetentionDashboard.Slug, "Retention"),
        (AdoptionDashboard.Slug, "Feature adoption"),
        (PowerUsersDashboard.Slug, "Power users and lifecycle"),
        (PathsDashboard.Slug, "User paths"),
        (ExperimentsDashboard.Slug, "Experiments"),
        (GrowthDashboard.Slug, "Growth levers"),
        (RevenueDashboard.Slug, "Revenue"),
        (HealthDashboard.Slug, "User health"),
    ];

    /// <summary>True when <paramref name="slug"/> names a dashboard of <see cref="Catalog"/>.</summary>
    public static bool Exists(string slug) => Catalog.Any(c => c.Slug == slug);

    /// <summary>The static files a live page loads by URL: name → (content type, text).</summary>
    public static (string ContentType, string Text)? Asset(string name) => name switch
    {
        "echarts.min.js" => ("text/javascript; charset=utf-8", DashboardAssets.EChartsScript),
        "dashboard.js" => ("text/javascript; charset=utf-8", DashboardAssets.Script),
        "dashboard.css" => ("text/css; charset=utf-8", DashboardAssets.Style),
        "live.js" => ("text/javascript; charset=utf-8", LiveScript.Value),
        _ => null,
    };

    /// <summary>
    /// One dashboard's content as JSON: <c>slug</c>, <c>title</c>, <c>summary</c>, <c>tiles</c>,
    /// <c>charts</c> (each with its ECharts <c>option</c>), <c>notes</c>, <c>warnings</c>,
    /// <c>footer</c>, <c>palette</c> and the <paramref name="controls"/> the page offers.
    /// </summary>
    public static string Content(Dashboard dashboard, ReportInputs inputs, JsonNode? controls = null)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        ArgumentNullException.ThrowIfNull(inputs);
        var charts = new JsonArray();
        foreach (var chart in dashboard.Charts)
            charts.Add(new JsonObject
            {
                ["id"] = chart.Id,
                ["title"] = chart.Title,
                ["note"] = chart.Note,
                ["height"] = EChartsOption.HeightOf(chart),
                ["wide"] = chart is HeatmapChart or SankeyChart,
                ["option"] = EChartsOption.For(chart),
            });
        var content = new JsonObject
        {
            ["slug"] = dashboard.Slug,
            ["title"] = dashboard.Title,
            ["summary"] = dashboard.Summary,
            ["tiles"] = new JsonArray([.. dashboard.Tiles.Select(t => (JsonNode)new JsonObject { ["label"] = t.Label, ["value"] = t.Value, ["detail"] = t.Detail })]),
            ["charts"] = charts,
            ["notes"] = new JsonArray([.. dashboard.Notes.Select(n => (JsonNode)n)]),
            ["warnings"] = new JsonArray([.. inputs.Warnings.Select(w => (JsonNode)w)]),
            ["footer"] = $"{inputs.Product} · data end {Text.Instant(inputs.Metrics.DataEnd)} · rendered by Sextant from the analyses' result records; no figure is computed in the page.",
            ["palette"] = JsonNode.Parse(DashboardPage.PaletteJson()),
            ["controls"] = controls?.DeepClone(),
        };
        return content.ToJsonString(Json);
    }

    /// <summary>
    /// The page of one dashboard: header, navigation, the controls and empty places the page script
    /// fills from <c>/api/v1/dashboards/{slug}</c>. It carries no data and no inline script.
    /// </summary>
    /// <param name="slug">The dashboard, one of <see cref="Catalog"/>.</param>
    /// <param name="product">The product's name in the title.</param>
    public static string Page(string slug, string product)
    {
        var (_, title) = Catalog.First(c => c.Slug == slug);
        var html = new StringBuilder(8_000);
        Head(html, $"{product}: {title}");
        html.Append("<body data-dashboard=\"").Append(Encode(slug)).Append("\">\n<header><h1 id=\"title\">").Append(Encode(title))
            .Append("</h1><p id=\"summary\"></p>");
        html.Append("<nav><a href=\"/\">All dashboards</a>");
        foreach (var (other, otherTitle) in Catalog)
        {
            html.Append("<a href=\"/dashboards/").Append(Encode(other)).Append('"');
            if (other == slug) html.Append(" class=\"current\"");
            html.Append('>').Append(Encode(otherTitle)).Append("</a>");
        }
        html.Append("</nav>\n");
        Controls(html, slug);
        html.Append("</header>\n");
        html.Append("<form id=\"key-form\" class=\"key\" hidden><label>This server needs a key: <input id=\"key\" type=\"password\" autocomplete=\"off\" size=\"40\"></label> <button type=\"submit\">Use key</button> <span id=\"key-message\"></span></form>\n");
        html.Append("<main>\n<p id=\"status\" class=\"status\" role=\"status\">Loading…</p>\n<ul id=\"warnings\" class=\"warnings\"></ul>\n<div id=\"tiles\" class=\"tiles\"></div>\n<div id=\"cards\" class=\"cards\"></div>\n<ul id=\"notes\" class=\"notes\"></ul>\n</main>\n<footer id=\"footer\"></footer>\n");
        html.Append("<script src=\"/assets/echarts.min.js\"></script>\n<script src=\"/assets/dashboard.js\"></script>\n<script src=\"/assets/live.js\"></script>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The index: a link to each dashboard's live page.</summary>
    public static string Index(string product)
    {
        var html = new StringBuilder(4_000);
        Head(html, $"{product}: dashboards");
        html.Append("<body>\n<header><h1>").Append(Encode(product)).Append(": dashboards</h1><p>Live dashboards: each page re-queries the server as its controls change; the address holds the view, so it can be shared.</p></header>\n<main>\n<ul class=\"index\">\n");
        foreach (var (slug, title) in Catalog)
            html.Append("<li><a href=\"/dashboards/").Append(Encode(slug)).Append("\">").Append(Encode(title)).Append("</a></li>\n");
        html.Append("</ul>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Controls(StringBuilder html, string slug)
    {
        html.Append("<form id=\"controls\" class=\"controls\">");
        html.Append("<label>From <input type=\"date\" name=\"from\"></label>");
        html.Append("<label>To <input type=\"date\" name=\"to\"></label>");
        html.Append("<label>Breakdown <input name=\"breakdown\" list=\"breakdowns\" placeholder=\"segment\" size=\"14\"></label><datalist id=\"breakdowns\"></datalist>");
        html.Append("<label>Users <select name=\"users\"><option value=\"\">all users</option></select></label>");
        if (slug == FunnelDashboard.Slug)
        {
            html.Append("<label>Funnel steps <input name=\"steps\" size=\"40\"></label>");
            html.Append("<label>Window <input name=\"window\" size=\"6\"></label>");
        }
        if (slug == RetentionDashboard.Slug)
            html.Append("<label>Retention period <select name=\"period\"><option value=\"month\">month</option><option value=\"week\">week</option><option value=\"day\">day</option></select></label>");
        html.Append("<button type=\"submit\">Apply</button> <button type=\"button\" id=\"reset\">Reset</button> <span id=\"error\" class=\"error\" role=\"alert\"></span></form>\n");
    }

    private static void Head(StringBuilder html, string title) =>
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n<link rel=\"stylesheet\" href=\"/assets/dashboard.css\">\n</head>\n");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static readonly Lazy<string> LiveScript = new(() => DashboardAssets.Read("Sextant.Reports.Dashboards.Live.live.js"));
}
