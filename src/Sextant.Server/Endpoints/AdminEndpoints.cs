using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sextant.Application;
using Sextant.Application.Requests;
using Sextant.Events;
using Sextant.Privacy;
using Sextant.Serialization;
using Sextant.Server.Access;
using Sextant.Server.Audit;

namespace Sextant.Server.Endpoints;

/// <summary>
/// The admin endpoints (role admin, every call audited): keys, <c>forget</c>, the effective
/// settings and the audit log, each answering what the matching command prints with <c>--json</c>
/// (docs/SERVER.md, Admin endpoints).
/// </summary>
internal static class AdminEndpoints
{
    /// <summary>The largest admin body (a key request, or a list of user ids to forget).</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/keys", ListKeys).Admin().WithSummary("Lists the keys: name, role, id, created, revoked (never a key's text), as `sextant keys list --json`");
        api.MapPost("/keys", CreateKey).Admin().WithSummary("Creates a key from {\"role\": \"read|write|admin\", \"name\": \"...\"} and answers {name, role, key}: the only time the key is shown");
        api.MapDelete("/keys/{name}", RevokeKey).Admin().WithSummary("Revokes the key of that name: the server refuses it from the next request on");
        api.MapPost("/forget", Forget).Admin().WithSummary("Erases people, {\"user_ids\": [...], \"by\": \"who asked\"}, as `sextant forget --json`; later answers no longer count them");
        api.MapGet("/config", Config).Admin().WithSummary("The effective settings: the server's and sextant.yaml's (never a secret)");
        api.MapGet("/audit", ReadAudit).Admin().WithSummary("The audit log, oldest first, from ?since= (a UTC day or an instant), as `sextant audit --json`");
    }

    private static RouteHandlerBuilder Admin(this RouteHandlerBuilder endpoint) => endpoint.WithRole(ApiRole.Admin, audited: true);

    private static IResult ListKeys(HttpContext context, ApiKeyStore store)
    {
        RequestTexts.FromQuery(context.Request.Query).RejectUnread("keys");
        return Json(store.List().Select(k => k.ToJson()));
    }

    private static async Task<IResult> CreateKey(HttpContext context, ApiKeyStore store, KeyRing ring)
    {
        var body = RequestTexts.FromDocument(await Documents.ReadObject(context, MaxBodyBytes));
        var role = body.Text("role") ?? throw RequestParameters.Invalid("role", "a key needs \"role\": read, write or admin");
        var parsed = body.Field("role", () => ApiKeyStore.ParseRole(role));
        var name = body.Text("name");
        body.RejectUnread("keys");
        var (key, text) = body.Field("name", () => store.Create(parsed, name));
        ring.Invalidate();
        return Json(ApiKey.CreatedJson(key, text), StatusCodes.Status201Created);
    }

    private static IResult RevokeKey(string name, ApiKeyStore store, KeyRing ring)
    {
        if (!store.Revoke(name))
            return Problems.Of(StatusCodes.Status404NotFound, "Not found", $"no valid key named '{name}' (GET /api/v1/keys lists them)", "name");
        ring.Invalidate();
        return Json(new { Revoked = name });
    }

    private static async Task<IResult> Forget(HttpContext context, WarmProject project, ServerOptions options, StoreWrites writes, TimeProvider clock)
    {
        var body = RequestTexts.FromDocument(await Documents.ReadObject(context, MaxBodyBytes));
        var ids = body.Texts("user_ids");
        var by = body.Text("by") is { Length: > 0 } given ? given : Caller.Of(context).Name;
        var pseudonymise = body.Flag("pseudonymise") || project.Config.Privacy.Pseudonymise;
        body.RejectUnread("forget");
        if (ids.Count == 0) throw RequestParameters.Invalid("user_ids", "forget needs \"user_ids\": the people's user ids, e.g. [\"u1\", \"u2\"]");
        var pseudonymiser = pseudonymise ? body.Field("pseudonymise", () => Pseudonymiser.FromEnvironment()) : null;
        ForgetOutcome outcome;
        // An erasure rewrites the table snapshot too: no ingest may run beside it.
        await writes.WaitAsync(context.RequestAborted);
        try
        {
            outcome = body.Field("user_ids", () => Forgetting.Run(options.StorePath, project.Config, ids, by, Timestamp.FromDateTimeOffset(clock.GetUtcNow()), pseudonymiser));
            // Answers after this one must not count the people erased.
            project.Refresh();
        }
        finally
        {
            writes.Release();
        }
        return Json(outcome.ToJson());
    }

    private static IResult Config(HttpContext context, WarmProject project, ServerOptions options, KeyRing keys)
    {
        RequestTexts.FromQuery(context.Request.Query).RejectUnread("config");
        return Json(ServerSettings.Of(options, project.Config, keys), options: ServerSettings.JsonOptions);
    }

    private static IResult ReadAudit(HttpContext context, ServerOptions options)
    {
        var query = RequestTexts.FromQuery(context.Request.Query);
        var since = query.Text("since") is { } text ? query.Field("since", () => AuditLog.Since(text, query.Label("since"))) : (Timestamp?)null;
        query.RejectUnread("audit");
        return Json(AuditLog.Read(options.StorePath, since));
    }

    private static IResult Json<T>(T value, int status = StatusCodes.Status200OK, JsonSerializerOptions? options = null) =>
        Results.Text(options is null ? ResultJson.Serialize(value) : JsonSerializer.Serialize(value, options), "application/json; charset=utf-8", statusCode: status);
}
