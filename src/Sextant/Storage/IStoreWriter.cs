namespace Sextant.Storage;

/// <summary>
/// The write side of a store, which the ingestor drives. Writing happens in sessions
/// (<see cref="IIngestSession"/>) of batches (<see cref="IIngestBatch"/>): each batch is atomic,
/// so a process killed at any instant leaves the store at its last committed batch.
/// </summary>
public interface IStoreWriter
{
    /// <summary>Where the store lives (a file path, a connection target); a file store's quarantine file sits beside it by default.</summary>
    string Location { get; }

    /// <summary>Starts writing. A session keeps what it learns of the store (dictionaries, the dedup index) from batch to batch.</summary>
    /// <exception cref="SextantException">The store cannot be written.</exception>
    IIngestSession OpenSession();
}
