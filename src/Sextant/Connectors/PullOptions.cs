namespace Sextant.Connectors;

/// <summary>How <c>sextant pull</c> runs.</summary>
internal sealed record PullOptions
{
    /// <summary>Pull days already recorded as done again.</summary>
    public bool Refresh { get; init; }

    /// <summary>Retries and their waits.</summary>
    public PullRetryOptions Retry { get; init; } = new();

    /// <summary>
    /// How long after a UTC day's end it counts as over and is checkpointed: 14 hours covers the
    /// zones west to UTC−12 (Mixpanel projects created before 2023 cut days in the project's
    /// zone) and Amplitude's two hours before data can be exported.
    /// </summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromHours(14);

    /// <summary>Where answers read whole are spooled (default: the system's temporary folder).</summary>
    public string? TemporaryFolder { get; init; }
}
