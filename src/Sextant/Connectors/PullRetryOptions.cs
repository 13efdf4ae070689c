namespace Sextant.Connectors;

/// <summary>How often and how patiently a pull asks again (docs/CONNECTORS.md, Pulling from APIs).</summary>
internal sealed record PullRetryOptions
{
    /// <summary>Retries after the first attempt, per request and per day (a day whose answer broke off).</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>The first backoff; it doubles each retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest backoff.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The longest Retry-After honoured (Mixpanel's export allows 60 queries an hour).</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromHours(1);
}
