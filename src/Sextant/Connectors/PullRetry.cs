using Polly;
using Polly.Retry;

namespace Sextant.Connectors;

/// <summary>
/// The retry policy of the export clients (Polly): 429 waits what Retry-After asks (seconds or an
/// HTTP date, capped), 408, 5xx and network faults back off exponentially with jitter, and an
/// answer that broke off is asked for again; anything else (401, 403, 400) fails at once.
/// </summary>
internal static class PullRetry
{
    /// <summary>A pipeline retrying transient faults, reporting each retry's reason and delay.</summary>
    public static ResiliencePipeline Build(PullRetryOptions options, TimeProvider clock, Action<Exception, TimeSpan> onRetry) =>
        // Polly's retry needs at least one retry; none is a pipeline that tries once.
        options.MaxRetries < 1 ? ResiliencePipeline.Empty : new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is RetryableStatusException { RetryAfter: { } wait }
                        ? (TimeSpan?)(wait > options.MaxRetryAfter ? options.MaxRetryAfter : wait < TimeSpan.Zero ? TimeSpan.Zero : wait)
                        : null),
                OnRetry = args =>
                {
                    onRetry(args.Outcome.Exception!, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    /// <summary>
    /// True for what asking again can cure: a retryable status, a refused or reset connection, a
    /// timeout, and an answer that broke off (also when a reader wrapped that in its message).
    /// </summary>
    public static bool IsTransient(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case RetryableStatusException:
                case HttpRequestException:
                case IOException:
                case InvalidDataException:
                case TimeoutException:
                case TaskCanceledException { InnerException: TimeoutException }:
                    return true;
            }
        }
        return false;
    }

    /// <summary>The wait a Retry-After header asks for: delta-seconds or an HTTP date (RFC 9110 §10.2.3).</summary>
    public static TimeSpan? RetryAfter(System.Net.Http.Headers.RetryConditionHeaderValue? header, DateTimeOffset now) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - now,
        _ => null,
    };
}
