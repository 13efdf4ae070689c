namespace Sextant.Connectors;

/// <summary>What became of one day's pull.</summary>
/// <param name="Day">The UTC day.</param>
/// <param name="Read">Items read from the vendor's answers.</param>
/// <param name="Inserted">Records stored.</param>
/// <param name="Updated">Profiles that changed a stored record.</param>
/// <param name="Duplicates">Items already stored (the same event id), as when a broken-off day is pulled again.</param>
/// <param name="Quarantined">Items written to the quarantine file.</param>
/// <param name="Retries">Requests and day attempts repeated (429, 5xx, network faults, answers that broke off).</param>
/// <param name="Checkpoint">saved (the day is done and will be skipped), skipped (done before), open (the day is not over yet, so it is pulled again next time) or failed.</param>
internal sealed record PullDayResult(DateOnly Day, long Read, long Inserted, long Updated, long Duplicates, long Quarantined, int Retries, string Checkpoint);

/// <summary>The outcome of <c>sextant pull</c>.</summary>
/// <param name="Source">mixpanel, amplitude or posthog.</param>
/// <param name="Days">One row per day of the range, in order, up to the one that failed.</param>
/// <param name="CheckpointFile">Where finished days are recorded.</param>
/// <param name="QuarantineFile">Where bad items were written.</param>
/// <param name="Error">Why the pull stopped early, or null when every day was pulled.</param>
internal sealed record PullResult(string Source, IReadOnlyList<PullDayResult> Days, string CheckpointFile, string QuarantineFile, string? Error)
{
    public long Read => Days.Sum(d => d.Read);

    public long Inserted => Days.Sum(d => d.Inserted);

    public long Duplicates => Days.Sum(d => d.Duplicates);

    public long Quarantined => Days.Sum(d => d.Quarantined);

    public int Retries => Days.Sum(d => d.Retries);
}
