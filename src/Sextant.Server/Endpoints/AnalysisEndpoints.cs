using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sextant.Analysis.Cohorts;
using Sextant.Analysis.Engagement;
using Sextant.Analysis.Experiments;
using Sextant.Analysis.Funnels;
using Sextant.Analysis.Growth;
using Sextant.Analysis.Health;
using Sextant.Analysis.Impact;
using Sextant.Analysis.Info;
using Sextant.Analysis.Paths;
using Sextant.Analysis.Retention;
using Sextant.Analysis.Revenue;
using Sextant.Application.Requests;
using Sextant.Serialization;
using Sextant.Server.Access;
using Sextant.Stats;

namespace Sextant.Server.Endpoints;

/// <summary>
/// The read endpoints: each maps its query string onto the parameters of an analysis request
/// (the names of the command's options) and answers the result as the CLI's <c>--json</c> does.
/// </summary>
internal static class AnalysisEndpoints
{
    /// <summary>The largest query document accepted.</summary>
    public const int MaxDocumentBytes = 64 * 1024;

    public static void Map(RouteGroupBuilder api)
    {
        Get(api, "/funnel", AnalysisRequests.Funnel).Produces<FunnelResult>();
        // Metrics, retention, growth, revenue, cohorts and store facts.
        Get(api, "/metrics/engagement", AnalysisRequests.Metrics).Produces<EngagementResult>();
        Get(api, "/metrics/north-star", AnalysisRequests.Metrics, ("north-star", "true")).Produces<NorthStar>()
            .WithSummary("The North Star: weekly active collaborative workspaces (the north_star part of the metrics)");
        Get(api, "/cohorts/retention", AnalysisRequests.Retention).Produces<RetentionResult>();
        Get(api, "/growth/levers", AnalysisRequests.Growth).Produces<GrowthResult>();
        Get(api, "/revenue", AnalysisRequests.Revenue).Produces<RevenueResult>();
        Get(api, "/cohorts", AnalysisRequests.Cohorts).Produces<CohortSizesResult>();
        Get(api, "/info", AnalysisRequests.Info).Produces<StoreInfo>();
        // Experiments, paths, impact, health, attribution and power.
        GetByName(api, "/experiments", AnalysisRequests.Experiment).Produces<ExperimentResult>();
        Get(api, "/paths", AnalysisRequests.Paths).Produces<PathResult>();
        GetByFeature(api, "/impact", AnalysisRequests.Impact).Produces<ImpactResult>();
        Get(api, "/health", AnalysisRequests.Health).Produces<HealthSummary>();
        Get(api, "/attribution", AnalysisRequests.Attribution).Produces<IReadOnlyList<ChannelCredit>>();
        Get(api, "/power", AnalysisRequests.Power).Produces<SampleSizeAnswer>();
        api.MapPost("/analysis/run", RunDocument).WithRole(ApiRole.Read)
            .WithSummary("Runs any analysis from a query document: {\"analysis\": \"funnel\", \"steps\": \"signup,create_page\", ...}");
    }

    /// <summary>A GET endpoint answering <paramref name="request"/> with the query string's fields, plus <paramref name="fixedFields"/>.</summary>
    public static RouteHandlerBuilder Get(RouteGroupBuilder api, string pattern, IAnalysisRequest request, params (string Name, string Value)[] fixedFields) =>
        api.MapGet(pattern, (HttpContext context, WarmProject project) => Answer(project, request, Fields(context, fixedFields)))
            .WithRole(ApiRole.Read).WithSummary(request.Summary);

    /// <summary>
    /// A GET endpoint whose last path segment is the request's <c>name</c> field
    /// (<c>/experiments/{name}</c>), declared as a path parameter in the OpenAPI document.
    /// </summary>
    public static RouteHandlerBuilder GetByName(RouteGroupBuilder api, string prefix, IAnalysisRequest request) =>
        api.MapGet(prefix + "/{name}", (string name, HttpContext context, WarmProject project) => Answer(project, request, Fields(context)))
            .WithRole(ApiRole.Read).WithSummary(request.Summary);

    /// <summary>
    /// A GET endpoint whose last path segment is the request's <c>feature</c> field
    /// (<c>/impact/{feature}</c>), declared as a path parameter in the OpenAPI document.
    /// </summary>
    public static RouteHandlerBuilder GetByFeature(RouteGroupBuilder api, string prefix, IAnalysisRequest request) =>
        api.MapGet(prefix + "/{feature}", (string feature, HttpContext context, WarmProject project) => Answer(project, request, Fields(context)))
            .WithRole(ApiRole.Read).WithSummary(request.Summary);

    /// <summary>The query string's fields, the route's values and <paramref name="fixedFields"/> as request parameters.</summary>
    private static RequestParameters Fields(HttpContext context, params (string Name, string Value)[] fixedFields) =>
        new(RequestTexts.Fields(context.Request.Query)
            .Concat(context.Request.RouteValues.Select(r => new KeyValuePair<string, IReadOnlyList<string>>(r.Key, [r.Value?.ToString() ?? ""])))
            .Concat(fixedFields.Select(f => new KeyValuePair<string, IReadOnlyList<string>>(f.Name, [f.Value]))));

    private static async Task<IResult> RunDocument(HttpContext context, WarmProject project)
    {
        var document = await Documents.ReadObject(context, MaxDocumentBytes);
        if (!document.TryGetProperty("analysis", out var name) || name.ValueKind != JsonValueKind.String)
            return Problems.Of(StatusCodes.Status400BadRequest, "Bad request", "the query document needs \"analysis\": the analysis's name (e.g. \"funnel\")", "analysis");
        var request = AnalysisRequests.Named(name.GetString()!);
        return Answer(project, request, RequestTexts.FromDocument(document, "analysis"));
    }

    /// <summary>Runs the request on the current snapshot and answers its result in the JSON contract.</summary>
    public static IResult Answer(WarmProject project, IAnalysisRequest request, RequestParameters parameters)
    {
        var result = request.Run(project.Current, parameters);
        return Results.Text(ResultJson.Serialize(result), "application/json; charset=utf-8");
    }

    /// <summary>Marks an endpoint with the role it needs (reads are audited only when denied).</summary>
    public static RouteHandlerBuilder WithRole(this RouteHandlerBuilder endpoint, ApiRole role, bool audited = false) =>
        endpoint.WithMetadata(new RequiredRole(role, audited))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status429TooManyRequests);
}
