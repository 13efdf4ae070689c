using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Sextant.Server;

/// <summary>
/// Turns what a request can cause into problem details: a <see cref="SextantException"/> (a bad
/// parameter, an unknown name) is 400 naming the field, an oversized or malformed body is the
/// status Kestrel gave it (413, 400). Anything else is a bug: 500, logged with its stack, and the
/// answer says only that.
/// </summary>
internal sealed class ErrorBoundary(RequestDelegate next, ILogger<ErrorBoundary> log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception error) when (!context.Response.HasStarted && Answer(error) is { } answer)
        {
            context.Response.Clear();
            await answer.ExecuteAsync(context);
        }
        catch (Exception error) when (!context.Response.HasStarted && error is not OperationCanceledException)
        {
            log.LogError(error, "request {Method} {Path} failed", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await Problems.Of(StatusCodes.Status500InternalServerError, "Internal error", "the server failed to answer; the error is in its log").ExecuteAsync(context);
        }
    }

    /// <summary>The status the boundary answers an error with: 400, the bad request's own, or 500.</summary>
    internal static int StatusOf(Exception error) => error switch
    {
        SextantException => StatusCodes.Status400BadRequest,
        BadHttpRequestException e => e.StatusCode,
        AggregateException e when e.Flatten().InnerExceptions is [var first, ..] => StatusOf(first),
        _ => StatusCodes.Status500InternalServerError,
    };

    private static IResult? Answer(Exception error) => error switch
    {
        SextantException e => Problems.BadRequest(e),
        BadHttpRequestException e => Problems.Of(e.StatusCode, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Payload too large" : "Bad request", e.Message),
        AggregateException e when e.Flatten().InnerExceptions is [var first, ..] => Answer(first),
        _ => null,
    };
}
