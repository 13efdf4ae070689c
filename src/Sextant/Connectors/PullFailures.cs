namespace Sextant.Connectors;

/// <summary>An answer worth asking again for: 429 (with the wait the server asked for), 408 or a 5xx.</summary>
internal sealed class RetryableStatusException(int status, TimeSpan? retryAfter, string message) : Exception(message)
{
    public int Status { get; } = status;

    /// <summary>The wait the Retry-After header asked for, or null.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>
/// An answer that ended before it was whole: a page of JSON cut short, an archive without its
/// directory. An <see cref="IOException"/>, so the readers report it as a read failure and the
/// day is pulled again.
/// </summary>
internal sealed class TruncatedAnswerException(string message, Exception? inner = null) : IOException(message, inner);
