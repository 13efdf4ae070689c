using Sextant.Application;
using Sextant.Configuration;

namespace Sextant.Server;

/// <summary>
/// The project the server answers from, with its events loaded once and kept in memory. After
/// an ingest a new project is loaded beside the old one and swapped in with one reference write:
/// requests already running finish on the snapshot they started with, later ones see the new
/// events. Refreshes asked for while one runs are folded into one more.
/// </summary>
public sealed class WarmProject
{
    private readonly string _storePath;
    private readonly SextantConfig _config;
    private readonly Lock _refreshGate = new();
    private Project _current;
    private long _generation;
    private long _requested;

    /// <summary>Loads the project of the store and settings.</summary>
    /// <exception cref="SextantException">The store cannot be opened or read.</exception>
    public WarmProject(string storePath, SextantConfig config)
    {
        _storePath = storePath;
        _config = config;
        _current = Load();
    }

    /// <summary>The project of the latest loaded snapshot.</summary>
    public Project Current => Volatile.Read(ref _current);

    /// <summary>How many refreshes the current snapshot covers (0 before any ingest); it only grows.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>The settings served.</summary>
    public SextantConfig Config => _config;

    /// <summary>
    /// Loads the store again and swaps the new snapshot in. Callers that arrive while a refresh
    /// runs wait for it and, when theirs was asked for after it began, run one more, so every
    /// write that finished before the call is visible when it returns.
    /// </summary>
    /// <exception cref="SextantException">The store cannot be read.</exception>
    public void Refresh()
    {
        var ticket = Interlocked.Increment(ref _requested);
        lock (_refreshGate)
        {
            // A refresh that began after this call was made already saw this caller's writes.
            if (Interlocked.Read(ref _generation) >= ticket) return;
            var target = Interlocked.Read(ref _requested);
            var next = Load();
            Volatile.Write(ref _current, next);
            Interlocked.Exchange(ref _generation, target);
        }
    }

    private Project Load()
    {
        var project = Project.Open(_storePath, _config);
        // Loading here, not on the first request, is what keeps the engine warm.
        _ = project.Table;
        return project;
    }
}
