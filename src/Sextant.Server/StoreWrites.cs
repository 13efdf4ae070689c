namespace Sextant.Server;

/// <summary>
/// The one lock every write to the served store takes — an ingest over HTTP, its snapshot
/// rewrite, an erasure — so two never interleave and each sees the store the last one left.
/// </summary>
public sealed class StoreWrites : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Waits for the store to be free.</summary>
    public Task WaitAsync(CancellationToken cancel = default) => _gate.WaitAsync(cancel);

    /// <summary>Frees the store for the next writer.</summary>
    public void Release() => _gate.Release();

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();
}
