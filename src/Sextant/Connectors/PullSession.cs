using System.IO.Compression;
using System.Net;
using Polly;
using Sextant.Ingest;
using Sextant.Ingest.Vendors;

namespace Sextant.Connectors;

/// <summary>
/// What an export API uses while pulling: requests sent with retries, and the sink each answer's
/// items are ingested into. Counts what one day read and retried.
/// </summary>
internal sealed class PullSession
{
    private readonly HttpClient _http;
    private readonly ResiliencePipeline _retry;
    private readonly Func<VendorItemReader, string, IngestFileResult> _sink;
    private readonly PullRetryOptions _retryOptions;
    private readonly TimeProvider _clock;
    private readonly List<IngestFileResult> _dayResults = [];

    public PullSession(ConnectorSettings settings, HttpClient http, PullRetryOptions retryOptions, TimeProvider clock,
        Func<VendorItemReader, string, IngestFileResult> sink, string temporaryFolder)
    {
        Settings = settings;
        _http = http;
        _retryOptions = retryOptions;
        _clock = clock;
        _sink = sink;
        TemporaryFolder = temporaryFolder;
        _retry = PullRetry.Build(retryOptions, clock, (exception, delay) =>
        {
            Retries++;
            RetryDelays.Add(delay);
        });
    }

    public ConnectorSettings Settings { get; }

    /// <summary>Where answers that must be read whole (Amplitude's zip archives) are spooled.</summary>
    public string TemporaryFolder { get; }

    /// <summary>Retries so far in the current day.</summary>
    public int Retries { get; private set; }

    /// <summary>Every retry's delay, in order (what the tests check Retry-After against).</summary>
    public List<TimeSpan> RetryDelays { get; } = [];

    /// <summary>The retry pipeline, also used around a whole day.</summary>
    internal ResiliencePipeline Retry => _retry;

    /// <summary>
    /// Sends a GET and returns its answer once the headers are in (the body streams). 429, 408,
    /// 5xx and network faults are retried; 401/403 stop with a one-line error naming the
    /// credentials' variables; a status in <paramref name="accepted"/> is returned as it is, any
    /// other is an error quoting the start of the body.
    /// </summary>
    /// <exception cref="SextantException">The request failed for good.</exception>
    public HttpResponseMessage Get(string url, params HttpStatusCode[] accepted)
    {
        var vendor = Settings.Vendor;
        try
        {
            return _retry.Execute(() => SendOnce(url, accepted));
        }
        catch (Exception exception) when (PullRetry.IsTransient(exception))
        {
            throw new SextantException($"{vendor}: {Describe(exception)}, {PullRunner.Attempts(_retryOptions)}; run the same command later to resume");
        }
    }

    /// <summary>
    /// The answer's body as it arrives, unpacked when the server gzipped it for the transfer
    /// (<c>Content-Encoding: gzip</c>, which every request accepts); the gzip trailer is checked,
    /// so a body cut short fails rather than ending quietly.
    /// </summary>
    public static Stream Body(HttpResponseMessage response)
    {
        var raw = response.Content.ReadAsStream();
        return response.Content.Headers.ContentEncoding.Contains("gzip", StringComparer.OrdinalIgnoreCase)
            ? new GZipStream(raw, CompressionMode.Decompress)
            : raw;
    }

    /// <summary>Ingests one answer's items into the store.</summary>
    public void Ingest(VendorItemReader items, string name) => _dayResults.Add(_sink(items, name));

    /// <summary>Starts counting a new day (or a new attempt at it).</summary>
    internal void BeginAttempt() => _dayResults.Clear();

    internal void BeginDay()
    {
        _dayResults.Clear();
        Retries = 0;
    }

    internal IReadOnlyList<IngestFileResult> DayResults => _dayResults;

    private HttpResponseMessage SendOnce(string url, HttpStatusCode[] accepted)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = Settings.Authorization;
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        var response = _http.Send(request, HttpCompletionOption.ResponseHeadersRead);
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode || accepted.Contains(response.StatusCode)) return response;
        using (response)
        {
            var where = $"HTTP {status} from {Redacted(url)}";
            if (status is 401 or 403)
                throw new SextantException($"{Settings.Vendor}: the credentials were refused (HTTP {status}); check {Settings.CredentialNames}{ProjectHint()}");
            if (status is 429 or 408 || status >= 500)
                throw new RetryableStatusException(status, PullRetry.RetryAfter(response.Headers.RetryAfter, _clock.GetUtcNow()), where);
            throw new SextantException($"{Settings.Vendor}: {where}: {BodyStart(response)}");
        }
    }

    private string ProjectHint() => Settings.ProjectId is null ? "" : $" and the project id ({Settings.ProjectId})";

    private static string Describe(Exception exception) => exception switch
    {
        RetryableStatusException status => status.Message,
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };

    /// <summary>The URL without its query, which may carry a cursor but never a secret; kept short for one line.</summary>
    internal static string Redacted(string url) => url.Split('?')[0];

    private static string BodyStart(HttpResponseMessage response)
    {
        try
        {
            using var reader = new StreamReader(Body(response));
            var text = reader.ReadToEnd().ReplaceLineEndings(" ").Trim();
            return text.Length == 0 ? "(empty answer)" : text.Length > 200 ? text[..200] + "…" : text;
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or HttpRequestException)
        {
            return "(the answer could not be read)";
        }
    }
}
