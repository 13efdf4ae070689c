using Sextant.Events;
using Sextant.Privacy;

namespace Sextant.Ingest;

/// <summary>
/// What happened to one file. Every row read is accounted for:
/// <c>Read = Inserted + Updated + Duplicates + Quarantined + Filtered + RolledBack</c>.
/// A rolled-back file stored nothing, so its inserted, updated, duplicate and exposure counts are 0
/// and its good rows are counted in <c>RolledBack</c>.
/// </summary>
/// <param name="File">The file as given.</param>
/// <param name="Kind">The record kind it was read as.</param>
/// <param name="Read">Data rows read (blank lines excluded).</param>
/// <param name="Inserted">New records stored.</param>
/// <param name="Updated">Users, subscriptions or assignments that changed a stored record.</param>
/// <param name="Duplicates">Rows already stored (same event id, or an identical profile).</param>
/// <param name="Quarantined">Bad rows written to the quarantine file.</param>
/// <param name="ExposureAssignments">Assignments derived from $experiment_started events.</param>
/// <param name="Committed">False when the file was rolled back (strict mode with bad rows).</param>
/// <param name="Filtered">Rows left out by --where conditions.</param>
/// <param name="RolledBack">Good rows not stored because the file was rolled back (strict mode with bad rows).</param>
/// <param name="Format">The format it was read as: csv, jsonl, parquet, or a vendor's (mixpanel, amplitude, ga4, segment, posthog).</param>
public sealed record IngestFileResult(
    string File,
    RecordKind Kind,
    long Read,
    long Inserted,
    long Updated,
    long Duplicates,
    long Quarantined,
    long ExposureAssignments,
    bool Committed,
    long Filtered = 0,
    long RolledBack = 0,
    string? Format = null);

/// <summary>The outcome of one ingest call over one or more files.</summary>
/// <param name="Files">Per-file outcomes, in order.</param>
/// <param name="QuarantineFile">Where bad rows were written.</param>
public sealed record IngestResult(IReadOnlyList<IngestFileResult> Files, string QuarantineFile)
{
    /// <summary>Personal values replaced by PII scrubbing over all files; null when scrubbing is off.</summary>
    public PiiCounts? Scrubbed { get; init; }

    /// <summary>Rows read over all files.</summary>
    public long Read => Files.Sum(f => f.Read);

    /// <summary>Records inserted over all files.</summary>
    public long Inserted => Files.Sum(f => f.Inserted);

    /// <summary>Records updated over all files.</summary>
    public long Updated => Files.Sum(f => f.Updated);

    /// <summary>Duplicate rows over all files.</summary>
    public long Duplicates => Files.Sum(f => f.Duplicates);

    /// <summary>Quarantined rows over all files.</summary>
    public long Quarantined => Files.Sum(f => f.Quarantined);

    /// <summary>Rows left out by --where over all files.</summary>
    public long Filtered => Files.Sum(f => f.Filtered);

    /// <summary>Good rows of rolled-back files over all files.</summary>
    public long RolledBack => Files.Sum(f => f.RolledBack);

    /// <summary>True when some file was rolled back.</summary>
    public bool AnyRolledBack => Files.Any(f => !f.Committed);
}

/// <summary>Progress of an ingest: the file being read and rows read so far in it.</summary>
/// <param name="File">The file being read.</param>
/// <param name="FileIndex">Its position among the files (0-based).</param>
/// <param name="FileCount">How many files there are.</param>
/// <param name="RowsRead">Rows read so far in this file.</param>
/// <param name="BytesRead">Bytes of the file read so far (compressed bytes for .gz).</param>
/// <param name="TotalBytes">Size of the file.</param>
public sealed record IngestProgress(string File, int FileIndex, int FileCount, long RowsRead, long BytesRead, long TotalBytes);
