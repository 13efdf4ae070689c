using Sextant.Connectors;
using Sextant.Events;
using Sextant.Ingest;
using Sextant.Ingest.Vendors;
using Sextant.Storage.Sqlite;
using Sextant.Tests.Support;

namespace Sextant.Tests.Connectors;

/// <summary>Runs pulls against a loopback server into a throw-away store, with retries that do not wait.</summary>
internal sealed class PullHarness : IDisposable
{
    private readonly TempDirectory _directory = new();

    /// <summary>After the test days are over everywhere, so finished days are checkpointed.</summary>
    public static DateTimeOffset AfterMarch { get; } = new(2024, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public InstantClock Clock { get; set; } = new(AfterMarch);

    public PullOptions Options { get; set; } = new()
    {
        Retry = new PullRetryOptions { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(1) },
    };

    public IngestOptions IngestOptions { get; set; } = new();

    public string StorePath => _directory.File("store.db");

    public string CheckpointPath => PullCheckpoints.PathFor(StorePath, isFile: true);

    public string TemporaryFolder => _directory.Path;

    /// <summary>The retry delays of the last run.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays { get; private set; } = [];

    /// <summary>Pulls into the store with the vendor's format.</summary>
    public PullResult Pull(ConnectorSettings settings, DateOnly from, DateOnly to)
    {
        using var store = SqliteStore.Open(StorePath, create: true);
        var ingestor = new Ingestor(store, IngestOptions, Clock);
        return Run(settings, PullRunner.IngestInto(ingestor, settings.Vendor), from, to, ingestor.QuarantinePath);
    }

    /// <summary>Pulls and only counts the items each answer holds (no store; the transport alone).</summary>
    public PullResult Count(ConnectorSettings settings, DateOnly from, DateOnly to) =>
        Run(settings, (items, name) =>
        {
            long read = 0;
            while (items.TryRead(out _)) read++;
            return new IngestFileResult(name, RecordKind.Events, read, read, 0, 0, 0, 0, true);
        }, from, to, "none");

    public long StoredEvents()
    {
        using var store = SqliteStore.Open(StorePath, create: false);
        return store.CountEvents();
    }

    public long RepeatedEventIds()
    {
        using var store = SqliteStore.Open(StorePath, create: false);
        return store.CountRepeatedEventIds();
    }

    public string[] TemporaryFiles() => Directory.GetFiles(_directory.Path, "sextant-amplitude-*");

    public void Dispose() => _directory.Dispose();

    private PullResult Run(ConnectorSettings settings, Func<VendorItemReader, string, IngestFileResult> sink, DateOnly from, DateOnly to, string quarantine)
    {
        using var http = PullJob.NewClient();
        var session = new PullSession(settings, http, Options.Retry, Clock, sink, TemporaryFolder);
        var runner = new PullRunner(ExportApis.Named(settings.Vendor), session, PullCheckpoints.Load(CheckpointPath), Options, Clock);
        var result = runner.Run(from, to, quarantine);
        RetryDelays = [.. session.RetryDelays];
        return result;
    }

    public static ConnectorSettings Settings(string vendor, string baseUrl, string user = "key", string secret = "secret", string? project = null) => new(
        vendor,
        baseUrl,
        vendor == "posthog" ? ConnectorSettings.Bearer(user) : ConnectorSettings.Basic(user, secret),
        project,
        $"the {vendor} test variables",
        $"{vendor} test");
}
