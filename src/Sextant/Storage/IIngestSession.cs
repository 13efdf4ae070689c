using Sextant.Events;

namespace Sextant.Storage;

/// <summary>
/// One writer's session with a store: records ingest runs in the store's ingest log and opens
/// the batches that carry the records. Another writer may write the same store between two
/// batches; a batch sees what was committed before it began.
/// </summary>
public interface IIngestSession : IDisposable
{
    /// <summary>Records, and commits at once, a new run of <paramref name="file"/> with status running.</summary>
    /// <param name="file">Full path of the file.</param>
    /// <param name="kind">The record kind the file holds.</param>
    /// <param name="startedAt">When the run started.</param>
    /// <returns>The run's number, larger than any before it.</returns>
    long StartRun(string file, RecordKind kind, Timestamp startedAt);

    /// <summary>Begins an atomic batch.</summary>
    IIngestBatch BeginBatch();

    /// <summary>
    /// Records, and commits at once, the end of a run: its final counts, status and instant. A run
    /// that ends <see cref="IngestRunStatus.Done"/> marks the earlier runs of the same file that
    /// never ended <see cref="IngestRunStatus.Superseded"/>, since it completed their work.
    /// </summary>
    void FinishRun(long run, IngestRunCounts counts, IngestRunStatus status, Timestamp finishedAt);
}
