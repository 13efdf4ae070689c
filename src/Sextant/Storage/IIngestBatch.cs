using Sextant.Events;

namespace Sextant.Storage;

/// <summary>
/// An atomic unit of writing: everything written through it becomes visible and durable at
/// <see cref="Commit"/>, or not at all. Disposing a batch that was not committed rolls it back.
/// </summary>
public interface IIngestBatch : IDisposable
{
    /// <summary>Appends events, skipping any whose event id is already stored (or appended earlier in the batch).</summary>
    /// <param name="events">The events, in order.</param>
    /// <param name="run">The ingest run they come from (0 when none was recorded).</param>
    /// <returns>How many were new; the rest were duplicates.</returns>
    int AppendEvents(IEnumerable<EventRecord> events, long run);

    /// <summary>Inserts a user, or merges it into the stored one: present values replace stored ones, missing values keep them.</summary>
    WriteOutcome WriteUser(UserProfile user);

    /// <summary>Inserts a subscription, or replaces the stored one with the same id (its latest state).</summary>
    WriteOutcome WriteSubscription(Subscription subscription);

    /// <summary>Inserts an assignment; a repeat keeps the earliest exposure instant.</summary>
    WriteOutcome WriteAssignment(Assignment assignment);

    /// <summary>Records a run's counts so far (status running) as part of this batch.</summary>
    void RecordProgress(long run, IngestRunCounts counts);

    /// <summary>Makes the batch durable.</summary>
    void Commit();

    /// <summary>Discards the batch: the store is as it was before it began.</summary>
    void Rollback();
}
