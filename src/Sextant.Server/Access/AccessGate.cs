using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sextant.Events;
using Sextant.Server.Audit;

namespace Sextant.Server.Access;

/// <summary>
/// The middleware in front of every API endpoint: once any key exists a request needs
/// <c>Authorization: Bearer KEY</c> (401 without a valid one), a key of the endpoint's role (403),
/// and to stay within its key's rate (429 with <c>Retry-After</c>). Writes, admin calls and every
/// denied request are recorded in the audit log after the response is decided.
/// </summary>
internal sealed class AccessGate
{
    private readonly RequestDelegate _next;
    private readonly KeyRing _keys;
    private readonly AuditLog _audit;
    private readonly TimeProvider _clock;
    private readonly int _requestsPerSecond;
    private readonly ConcurrentDictionary<string, TokenBucketRateLimiter> _limiters = new(StringComparer.Ordinal);

    public AccessGate(RequestDelegate next, KeyRing keys, AuditLog audit, TimeProvider clock, ServerOptions options)
    {
        _next = next;
        _keys = keys;
        _audit = audit;
        _clock = clock;
        _requestsPerSecond = options.RequestsPerSecond;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var required = context.GetEndpoint()?.Metadata.GetMetadata<RequiredRole>();
        if (required is null)
        {
            await _next(context);
            return;
        }
        var (caller, denial) = Admit(context, required.Role);
        if (denial is not null)
        {
            await denial.ExecuteAsync(context);
            Record(context, caller?.Name ?? KeyNameOf(context), context.Response.StatusCode);
            return;
        }
        caller!.Attach(context);
        int? failed = null;
        try
        {
            await _next(context);
        }
        catch (Exception error)
        {
            // The error boundary outside sets the status only after this runs: record the one it will send.
            failed = ErrorBoundary.StatusOf(error);
            throw;
        }
        finally
        {
            var status = failed ?? context.Response.StatusCode;
            if (required.Audited || status is 401 or 403 or 429) Record(context, caller.Name, status);
        }
    }

    /// <summary>The caller, or the answer that turns the request away.</summary>
    private (Caller? Caller, IResult? Denial) Admit(HttpContext context, ApiRole role)
    {
        Caller caller;
        if (!_keys.Required) caller = Caller.Open;
        else
        {
            var header = context.Request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                return (null, Unauthorized(context, "this server needs a key: send 'Authorization: Bearer KEY' (sextant keys create)"));
            if (_keys.Find(header["Bearer ".Length..].Trim()) is not { } key)
                return (null, Unauthorized(context, "the key is not valid: it is unknown or was revoked"));
            caller = new Caller(key.Name, key.Role);
        }
        if (caller.Role < role)
            return (caller, Problems.Of(StatusCodes.Status403Forbidden, "Forbidden",
                $"the key '{caller.Name}' has the role {ApiKeyStore.RoleText(caller.Role)}; this call needs {ApiKeyStore.RoleText(role)}"));
        using var lease = Limiter(caller.Name).AttemptAcquire();
        if (!lease.IsAcquired)
        {
            var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return (caller, Problems.Of(StatusCodes.Status429TooManyRequests, "Too many requests",
                $"the key '{caller.Name}' is over its rate of {_requestsPerSecond} requests per second; retry after the Retry-After seconds"));
        }
        return (caller, null);
    }

    private static IResult Unauthorized(HttpContext context, string detail)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.Of(StatusCodes.Status401Unauthorized, "Unauthorized", detail);
    }

    /// <summary>A bucket per key: <c>rate</c> tokens a second, bursts up to twice that.</summary>
    private TokenBucketRateLimiter Limiter(string keyName) => _limiters.GetOrAdd(keyName, _ => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
    {
        TokenLimit = 2 * _requestsPerSecond,
        TokensPerPeriod = _requestsPerSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    }));

    /// <summary>The key name a denied request claimed: never the key text, only whether one was sent.</summary>
    private static string KeyNameOf(HttpContext context) =>
        context.Request.Headers.Authorization.Count == 0 ? "(none)" : "(invalid)";

    private void Record(HttpContext context, string keyName, int status)
    {
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? "";
        var counts = IngestCounts.Of(context);
        _audit.Append(new AuditEntry(Timestamp.FromDateTimeOffset(_clock.GetUtcNow()), keyName, context.Request.Method, route, status,
            AuditEntry.OutcomeOf(status), counts.Received, counts.Inserted, counts.Duplicate, counts.Quarantined));
    }
}
