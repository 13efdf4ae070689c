using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using Sextant.Server.Access;
using Sextant.Server.Audit;
using Sextant.Server.Ingest;

namespace Sextant.Server.Endpoints;

/// <summary>
/// <c>POST /api/v1/events</c>: events as a JSON array or NDJSON, at most
/// <see cref="EventEndpointsLimits.MaxBodyBytes"/> bytes and <see cref="EventEndpointsLimits.MaxEvents"/>
/// events (else 413), stored idempotently by event id; the answer counts every row and lists the
/// refused ones (docs/SERVER.md, Ingest over HTTP).
/// </summary>
internal static class EventEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var services = ((IEndpointRouteBuilder)api).ServiceProvider;
        var writer = new EventWriter(services.GetRequiredService<ServerOptions>(), services.GetRequiredService<WarmProject>(), services.GetRequiredService<StoreWrites>(),
            services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILoggerFactory>().CreateLogger("Sextant.Server.Events"));
        services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(writer.Dispose);
        api.MapPost("/events", (Func<HttpContext, Task<IResult>>)(context => Post(context, writer))).WithRole(ApiRole.Write, audited: true)
            .WithSummary("Stores events sent as a JSON array or NDJSON (≤ 1 MB, ≤ 1,000 events), idempotently by event id")
            .Produces<EventIngestAnswer>().ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static async Task<IResult> Post(HttpContext context, EventWriter writer)
    {
        var mediaType = MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) ? type.MediaType.Value : null;
        if (!EventBatch.Reads(mediaType))
            return Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"events are sent as application/json (an array of event objects) or application/x-ndjson (one object a line), not {mediaType ?? context.Request.ContentType}");
        var body = await Bodies.Read(context, EventEndpointsLimits.MaxBodyBytes);
        var batch = EventBatch.Split(body, mediaType);
        new IngestCounts(batch.Rows.Count, 0, 0, 0).Attach(context);
        var answer = await writer.Write(batch, Caller.Of(context).Name, context.RequestAborted);
        new IngestCounts(answer.Received, answer.Inserted, answer.Duplicates, answer.Quarantined).Attach(context);
        return Results.Json(answer);
    }
}
