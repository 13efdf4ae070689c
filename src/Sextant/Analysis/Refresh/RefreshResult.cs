namespace Sextant.Analysis.Refresh;

/// <summary>How a refresh ran.</summary>
public enum RefreshMode
{
    /// <summary>Nothing new since the last refresh: nothing was read or written.</summary>
    Unchanged,

    /// <summary>Only the events appended since the last refresh were read.</summary>
    Incremental,

    /// <summary>Everything was recomputed from the whole store (asked for, first refresh, or a fallback; see the reason).</summary>
    Full,
}

/// <summary>Partitions (rows of a materialised table) kept as they were and recomputed by a refresh.</summary>
/// <param name="Total">Rows the table has now.</param>
/// <param name="Kept">Rows no new data could change, not visited.</param>
/// <param name="Recomputed">Rows new data changed or may have changed (new rows included).</param>
public sealed record RefreshPartitions(long Total, long Kept, long Recomputed);

/// <summary>What <c>sextant refresh</c> did (docs/REFRESH.md).</summary>
/// <param name="Mode">Full, incremental or unchanged.</param>
/// <param name="Reason">Why the refresh was full (no earlier state, --full, a config change, an erasure…); null otherwise.</param>
/// <param name="NewEvents">Events read from the store by this refresh.</param>
/// <param name="StoreEvents">Events the store holds.</param>
/// <param name="Days">Daily partitions (daily_series.csv rows; daily_source_volume.csv has the same days).</param>
/// <param name="Cohorts">Cohort partitions (cohort_activity.csv rows).</param>
/// <param name="Verified">For a full refresh asked with --full: whether the results rebuilt for later increments equal the reference recomputed from the event table (they must); null otherwise.</param>
/// <param name="Seconds">Wall time of the refresh.</param>
/// <param name="Directory">Where the state and the CSV files are.</param>
/// <param name="Files">The CSV files.</param>
public sealed record RefreshResult(
    RefreshMode Mode, string? Reason, long NewEvents, long StoreEvents, RefreshPartitions Days, RefreshPartitions Cohorts,
    bool? Verified, double Seconds, string Directory, IReadOnlyList<string> Files);
