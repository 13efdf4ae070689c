using Sextant.Events;

namespace Sextant.Storage;

/// <summary>One entry of a store's ingest log.</summary>
/// <param name="Run">The run's number, increasing with every run.</param>
/// <param name="File">Full path of the ingested file.</param>
/// <param name="Kind">The record kind the file held.</param>
/// <param name="StartedAt">When the run started.</param>
/// <param name="FinishedAt">When it finished; null while running or when it was stopped.</param>
/// <param name="Counts">The counts recorded so far.</param>
/// <param name="Status">Its state.</param>
public sealed record IngestRun(long Run, string File, RecordKind Kind, Timestamp StartedAt, Timestamp? FinishedAt, IngestRunCounts Counts, IngestRunStatus Status);
