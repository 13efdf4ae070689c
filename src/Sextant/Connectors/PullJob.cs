using Sextant.Ingest;
using Sextant.Storage;

namespace Sextant.Connectors;

/// <summary>One pull into a store: the vendor's API read day by day through the ingestor.</summary>
internal static class PullJob
{
    /// <summary>
    /// Pulls <paramref name="from"/> to <paramref name="to"/> (UTC days, both included) from the
    /// API <paramref name="settings"/> reach into <paramref name="store"/>, each answer's items read
    /// with the vendor's format as they arrive.
    /// </summary>
    public static PullResult Run(ConnectorSettings settings, IStoreWriter store, IngestOptions ingestOptions, PullOptions options,
        DateOnly from, DateOnly to, string checkpointFile, HttpClient http, TimeProvider clock)
    {
        var api = ExportApis.Named(settings.Vendor);
        var ingestor = new Ingestor(store, ingestOptions, clock);
        var session = new PullSession(settings, http, options.Retry, clock, PullRunner.IngestInto(ingestor, api.Name), options.TemporaryFolder ?? Path.GetTempPath());
        var runner = new PullRunner(api, session, PullCheckpoints.Load(checkpointFile), options, clock);
        return runner.Run(from, to, ingestor.QuarantinePath);
    }

    /// <summary>An HTTP client for the export APIs: no automatic decompression (gzip is read and checked by the readers), generous waits for the first byte.</summary>
    public static HttpClient NewClient() => new(new SocketsHttpHandler
    {
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(30),
    })
    {
        // Until the headers: an export may take minutes to start answering; the body then streams unbounded.
        Timeout = TimeSpan.FromMinutes(10),
    };
}
