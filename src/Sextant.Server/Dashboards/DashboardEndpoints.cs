using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sextant.Application.Requests;
using Sextant.Reports.Dashboards;
using Sextant.Reports.Dashboards.Live;
using Sextant.Server.Access;
using Sextant.Server.Endpoints;

namespace Sextant.Server.Dashboards;

/// <summary>
/// The live dashboards (docs/SERVER.md, Live dashboards): <c>/</c> lists them, <c>/dashboards/{name}</c>
/// serves a page with controls and no data, <c>/assets/{file}</c> its script and style, and
/// <c>/api/v1/dashboards/{name}</c> (role read) the dashboard's content for the view in the query string.
/// </summary>
internal static class DashboardEndpoints
{
    /// <summary>How long a browser may keep an asset without asking again: they change only with the server.</summary>
    public const int AssetMaxAgeSeconds = 86_400;

    private const string PagePolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static readonly string AssetVersion = typeof(DashboardEndpoints).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    public static void Map(WebApplication app)
    {
        app.MapGet("/", () => Html(LiveDashboards.Index(DashboardViews.ReportProduct))).ExcludeFromDescription();
        app.MapGet("/dashboards/{name}", (string name) => LiveDashboards.Exists(name)
            ? Html(LiveDashboards.Page(name, DashboardViews.ReportProduct))
            : NoDashboard(name)).ExcludeFromDescription();
        app.MapMethods("/assets/{file}", [HttpMethods.Get, HttpMethods.Head], Asset).ExcludeFromDescription();
        var api = app.MapGroup("/api/v1");
        api.MapGet("/dashboards", () => Results.Json(LiveDashboards.Catalog.Select(c => new { c.Slug, c.Title })))
            .WithRole(ApiRole.Read).WithSummary("The live dashboards: slug and title of each");
        var views = new DashboardViews();
        api.MapGet("/dashboards/{name}", (string name, HttpContext context, WarmProject warm) => Content(name, context, warm, views)).WithRole(ApiRole.Read)
            .WithSummary("One dashboard's tiles, charts (ECharts options) and notes for the view in the query string: from, to, breakdown, limit, cohort, filter, steps, window, period");
    }

    private static IResult Content(string name, HttpContext context, WarmProject warm, DashboardViews views)
    {
        if (!LiveDashboards.Exists(name)) return NoDashboard(name);
        var project = warm.Current;
        var scope = DashboardRequest.Scope(project, RequestTexts.FromQuery(context.Request.Query));
        var inputs = views.Of(project, scope);
        var dashboard = DashboardSet.Build(inputs).First(d => d.Slug == name);
        return Results.Text(LiveDashboards.Content(dashboard, inputs, DashboardRequest.Controls(project, scope)), "application/json; charset=utf-8");
    }

    private static IResult Asset(string file, HttpContext context)
    {
        if (LiveDashboards.Asset(file) is not { } asset) return Problems.Of(StatusCodes.Status404NotFound, "Not found", $"no asset named '{file}'");
        var etag = $"\"{AssetVersion}\"";
        var headers = context.Response.Headers;
        headers.CacheControl = $"public, max-age={AssetMaxAgeSeconds}";
        headers.ETag = etag;
        headers.XContentTypeOptions = "nosniff";
        if (context.Request.Headers.IfNoneMatch.ToString() == etag) return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Text(asset.Text, asset.ContentType);
    }

    private static IResult Html(string html) => new PageResult(html);

    private static IResult NoDashboard(string name) =>
        Problems.Of(StatusCodes.Status404NotFound, "Not found", $"no dashboard named '{name}' (dashboards: {string.Join(", ", LiveDashboards.Catalog.Select(c => c.Slug))})");

    /// <summary>An HTML page sent with a policy that lets only the server's own scripts run.</summary>
    private sealed class PageResult(string html) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var headers = httpContext.Response.Headers;
            headers.ContentSecurityPolicy = PagePolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.CacheControl = "no-cache";
            headers["Referrer-Policy"] = "no-referrer";
            return Results.Text(html, "text/html; charset=utf-8").ExecuteAsync(httpContext);
        }
    }
}
