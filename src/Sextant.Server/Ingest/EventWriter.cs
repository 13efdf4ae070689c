using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Sextant.Configuration;
using Sextant.Events;
using Sextant.Ingest;
using Sextant.Privacy;
using Sextant.Storage.Snapshot;
using Sextant.Storage.Sqlite;

namespace Sextant.Server.Ingest;

/// <summary>
/// Stores the events of <c>POST /api/v1/events</c>, one request at a time: the rows go through
/// the same ingestor as <c>sextant ingest</c> (written to a private temporary JSON-lines file, one
/// row a line, so a quarantined row's line is its row number), then — when any row was new — the
/// table snapshot beside the store is rewritten and the warm project refreshed from it before the
/// request is answered, so a client reads its own writes.
/// </summary>
internal sealed class EventWriter : IDisposable
{
    /// <summary>The <c>source</c> stored with events that carry none.</summary>
    public const string Source = "http";

    private static readonly byte[] LineEnd = "\n"u8.ToArray();

    private readonly string _storePath;
    private readonly WarmProject _project;
    private readonly TimeProvider _clock;
    private readonly ILogger _log;
    private readonly StoreWrites _gate;
    private readonly SemaphoreSlim _publishing = new(1, 1);
    private readonly DirectoryInfo _directory;
    private SqliteStore? _store;
    private long _requests;
    private long _written;
    private long _published;

    public EventWriter(ServerOptions options, WarmProject project, StoreWrites writes, TimeProvider clock, ILogger log)
    {
        _gate = writes;
        _storePath = options.StorePath;
        _project = project;
        _clock = clock;
        _log = log;
        // Created for this user only (0700): event bodies are the store's data.
        _directory = Directory.CreateTempSubdirectory("sextant-serve-");
    }

    /// <summary>Ingests the batch, sent by the key named <paramref name="keyName"/>; waits for any ingest running.</summary>
    /// <exception cref="SextantException">The store cannot be written.</exception>
    public async Task<EventIngestAnswer> Write(EventBatch batch, string keyName, CancellationToken cancel)
    {
        if (batch.Rows.Count == 0) return new EventIngestAnswer(0, 0, 0, 0, [], _project.Current.Table.EventCount, 0);
        var number = Interlocked.Increment(ref _requests);
        var rowsFile = Path.Combine(_directory.FullName, $"events-{number}.jsonl");
        var quarantineFile = Path.Combine(_directory.FullName, $"events-{number}.quarantine.jsonl");
        await using (var file = new FileStream(rowsFile, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
        {
            foreach (var row in batch.Rows)
            {
                await file.WriteAsync(row, cancel);
                await file.WriteAsync(LineEnd, cancel);
            }
        }
        IngestResult result;
        List<EventRowError> errors;
        long written;
        await _gate.WaitAsync(cancel);
        try
        {
            (result, errors) = Ingest(rowsFile, quarantineFile, keyName);
            if (result.Inserted > 0) _written++;
            written = _written;
        }
        finally
        {
            _gate.Release();
            File.Delete(rowsFile);
            File.Delete(quarantineFile);
        }
        var refresh = result.Inserted > 0 ? await Publish(written) : TimeSpan.Zero;
        return new EventIngestAnswer(batch.Rows.Count, result.Inserted, result.Duplicates, result.Quarantined, errors,
            _project.Current.Table.EventCount, Math.Round(refresh.TotalMilliseconds, 1));
    }

    /// <summary>
    /// Makes the ingest numbered <paramref name="ticket"/> visible: rewrites the table snapshot and
    /// swaps the project built from it in, unless a publish that began after that ingest already
    /// did. Ingests that finish while one publish runs share the next, so a burst of requests
    /// costs one rebuild, not one each. The store is held still (no ingest) while the snapshot is
    /// built and loaded, so the snapshot loaded is the one just written.
    /// </summary>
    private async Task<TimeSpan> Publish(long ticket)
    {
        var watch = Stopwatch.StartNew();
        await _publishing.WaitAsync();
        try
        {
            if (Interlocked.Read(ref _published) >= ticket) return watch.Elapsed;
            await _gate.WaitAsync();
            try
            {
                var target = _written;
                var snapshot = TableSnapshot.Write(_storePath);
                if (snapshot.Problem is not null) _log.LogWarning("after an ingest over HTTP: {Problem}", snapshot.Problem);
                _project.Refresh();
                Interlocked.Exchange(ref _published, target);
            }
            finally
            {
                _gate.Release();
            }
            return watch.Elapsed;
        }
        finally
        {
            _publishing.Release();
        }
    }

    private (IngestResult Result, List<EventRowError> Errors) Ingest(string rowsFile, string quarantineFile, string keyName)
    {
        var config = _project.Config;
        var options = Options(config) with { QuarantinePath = quarantineFile, SourceName = "http:" + keyName };
        var storeQuarantine = config.Ingest.Quarantine ?? QuarantineWriter.DefaultPathFor(_storePath);
        // One writer connection for the server's life: closing one while the audit log's is open
        // waits for a lock it cannot get (SqliteStore.Dispose), and opening is not free either.
        _store ??= SqliteStore.Open(_storePath, create: false);
        var result = new Ingestor(_store, options, _clock).Ingest([rowsFile]);
        return (result, ReadErrors(quarantineFile, storeQuarantine));
    }

    /// <summary>The rows the ingestor quarantined, which are then appended to the store's own quarantine file.</summary>
    private static List<EventRowError> ReadErrors(string quarantineFile, string storeQuarantine)
    {
        if (!File.Exists(quarantineFile)) return [];
        var bytes = File.ReadAllBytes(quarantineFile);
        var errors = new List<EventRowError>();
        foreach (var line in bytes.AsSpan().Split((byte)'\n'))
        {
            var text = bytes.AsSpan(line);
            if (text.IsEmpty) continue;
            using var row = JsonDocument.Parse(text.ToArray());
            var root = row.RootElement;
            errors.Add(new EventRowError(root.GetProperty("line").GetInt64(), root.GetProperty("reason").GetString()!, root.GetProperty("raw").GetString()!));
        }
        using (var store = new FileStream(storeQuarantine, FileMode.Append, FileAccess.Write, FileShare.Read))
            store.Write(bytes);
        return errors;
    }

    /// <summary>The ingest settings of sextant.yaml, as <c>sextant ingest</c> takes them without options.</summary>
    private static IngestOptions Options(SextantConfig config) => new()
    {
        Kind = RecordKind.Events,
        Format = "jsonl",
        DefaultSource = Source,
        MapByKind = new Dictionary<RecordKind, IReadOnlyDictionary<string, string>> { [RecordKind.Events] = config.Ingest.Map.Events },
        NaiveZone = config.Ingest.TimeZone,
        TimeUnit = TimestampParser.ParseUnit(config.Ingest.TimeUnit),
        BatchSize = config.Ingest.BatchSize,
        DecimalComma = config.Ingest.DecimalComma,
        ThousandsSeparator = config.Ingest.ThousandsSeparator,
        Privacy = new PrivacySettings
        {
            Pseudonymiser = config.Privacy.Pseudonymise ? Pseudonymiser.FromEnvironment() : null,
            ScrubPii = config.Privacy.ScrubPii,
            Allow = config.Privacy.Allow,
        },
    };

    public void Dispose()
    {
        _store?.Dispose();
        _publishing.Dispose();
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A request still writing its file: the temporary directory is left for the system to clear.
        }
    }
}

/// <summary>
/// The answer of <c>POST /api/v1/events</c>: <c>received = inserted + duplicates + quarantined</c>
/// always holds (docs/SERVER.md, Ingest over HTTP).
/// </summary>
/// <param name="Received">Events in the body.</param>
/// <param name="Inserted">Stored as new.</param>
/// <param name="Duplicates">Already stored, or repeated within the body (same event id).</param>
/// <param name="Quarantined">Refused; each is in <paramref name="Errors"/> and in the store's quarantine file.</param>
/// <param name="Errors">The refused rows, with their row number in the body (1-based), reason and text.</param>
/// <param name="TableEvents">Events the server answers from once this request is answered.</param>
/// <param name="RefreshMs">Milliseconds spent rewriting the table snapshot and loading it (0 when nothing was new).</param>
public sealed record EventIngestAnswer(long Received, long Inserted, long Duplicates, long Quarantined, IReadOnlyList<EventRowError> Errors,
    long TableEvents, double RefreshMs);

/// <summary>A row of the body that was not stored.</summary>
/// <param name="Row">Its position in the body, from 1: the array element, or the non-blank NDJSON line.</param>
/// <param name="Reason">Why, as in the quarantine file (docs/INGEST.md).</param>
/// <param name="Raw">The row as sent.</param>
public sealed record EventRowError(long Row, string Reason, string Raw);
