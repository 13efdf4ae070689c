namespace Sextant.Storage;

/// <summary>Counts a store keeps about itself, for <c>sextant info</c>.</summary>
/// <param name="Users">User profiles.</param>
/// <param name="Subscriptions">Subscriptions.</param>
/// <param name="Assignments">Experiment assignments.</param>
/// <param name="IngestRuns">Ingest runs recorded.</param>
/// <param name="SizeBytes">Bytes the store takes (the file, for an embedded store).</param>
public sealed record StoreFacts(long Users, long Subscriptions, long Assignments, long IngestRuns, long SizeBytes);
