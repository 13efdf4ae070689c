namespace Sextant.Storage;

/// <summary>The row counts an ingest run records.</summary>
/// <param name="Read">Rows read from the file.</param>
/// <param name="Inserted">Records stored as new.</param>
/// <param name="Updated">Records that changed a stored one.</param>
/// <param name="Duplicates">Records already stored as they are.</param>
/// <param name="Quarantined">Rows written to the quarantine file.</param>
public sealed record IngestRunCounts(long Read, long Inserted, long Updated, long Duplicates, long Quarantined);
