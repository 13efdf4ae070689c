using Sextant.Events;

namespace Sextant.Storage.Warehouse.Store;

/// <summary>
/// A write session on a warehouse store. It reads the stored event ids (as hashes) and count once (dedup and
/// <c>seq</c>), the profiles on first use, and keeps them from batch to batch; at its end it
/// rewrites <c>sextant_identity</c> when the batches added identity links.
/// </summary>
internal sealed class WarehouseIngestSession : IIngestSession
{
    public static readonly IReadOnlyList<string> EventColumns =
        ["seq", "event_id", "user_id", "anonymous_id", "event", "ts", "platform", "session_id", "workspace_id", "revenue", "properties", "source", "run"];

    private readonly Dictionary<long, (IngestRun Run, long Version)> _runs = [];
    private StoredEventIds? _eventIds;
    private Dictionary<(string Anonymous, string User), long>? _links;
    private bool _linksChanged;

    public WarehouseIngestSession(IWarehouse warehouse)
    {
        Warehouse = warehouse;
        Profiles = new WarehouseProfileState(warehouse);
    }

    public IWarehouse Warehouse { get; }

    public WarehouseProfileState Profiles { get; }

    /// <summary>The next event's <c>seq</c>: the stored count plus the events this session committed.</summary>
    public long NextSeq { get; private set; }

    /// <summary>Every stored event id, read once.</summary>
    public StoredEventIds EventIds => _eventIds ??= LoadEvents();

    /// <summary>Every stored identity link (anonymous id, user id) with its earliest instant, read once.</summary>
    public Dictionary<(string Anonymous, string User), long> Links => _links ??= LoadLinks();

    public long StartRun(string file, RecordKind kind, Timestamp startedAt)
    {
        ArgumentNullException.ThrowIfNull(file);
        long run = 0;
        Warehouse.InTransaction(() =>
        {
            long last = 0;
            Warehouse.Read($"SELECT coalesce(max(run), 0) FROM {WarehouseIngestLog.Table}", row => last = row.IsNull(0) ? 0 : row.GetInt64(0));
            run = last + 1;
            var started = new IngestRun(run, file, kind, startedAt, null, new IngestRunCounts(0, 0, 0, 0, 0), IngestRunStatus.Running);
            Warehouse.Insert(WarehouseIngestLog.Table, WarehouseIngestLog.Columns, [WarehouseIngestLog.Row(started, 0)]);
            _runs[run] = (started, 0);
        });
        return run;
    }

    public IIngestBatch BeginBatch() => new WarehouseIngestBatch(this);

    public void FinishRun(long run, IngestRunCounts counts, IngestRunStatus status, Timestamp finishedAt)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var (current, version) = Run(run);
        var finished = current with { Counts = counts, Status = status, FinishedAt = finishedAt };
        var rows = new List<object?[]> { WarehouseIngestLog.Row(finished, version + 1) };
        if (status == IngestRunStatus.Done)
        {
            // A completed run of a file completes the interrupted runs of the same file before it.
            foreach (var (earlier, earlierVersion) in WarehouseIngestLog.ReadVersions(Warehouse))
                if (earlier.Run < run && earlier.File == current.File && earlier.Status == IngestRunStatus.Running)
                    rows.Add(WarehouseIngestLog.Row(earlier with { Status = IngestRunStatus.Superseded }, earlierVersion + 1));
        }
        Warehouse.InTransaction(() => Warehouse.Insert(WarehouseIngestLog.Table, WarehouseIngestLog.Columns, rows));
        _runs[run] = (finished, version + 1);
    }

    /// <summary>The run as this session last wrote it, or as the log holds it.</summary>
    public (IngestRun Run, long Version) Run(long run) =>
        _runs.TryGetValue(run, out var known) ? known
        : WarehouseIngestLog.ReadVersions(Warehouse).FirstOrDefault(pair => pair.Run.Run == run) is { Run: not null } found ? found
        : throw new InvalidOperationException($"ingest run {run} was never started");

    /// <summary>Takes over what a committed batch wrote.</summary>
    public void Accept(IReadOnlyCollection<string> eventIds, IReadOnlyDictionary<(string, string), long> links, (IngestRun Run, long Version)? progress)
    {
        EventIds.Add(eventIds);
        NextSeq += eventIds.Count;
        foreach (var (link, at) in links) Links[link] = at;
        _linksChanged |= links.Count > 0;
        if (progress is { } recorded) _runs[recorded.Run.Run] = recorded;
    }

    /// <summary>Materialises identity resolution when this session added links; the connection belongs to the store.</summary>
    public void Dispose()
    {
        if (_linksChanged) WarehouseIdentity.Rewrite(Warehouse);
        _linksChanged = false;
    }

    private StoredEventIds LoadEvents()
    {
        var ids = new StoredEventIds();
        long count = 0;
        Warehouse.Read("SELECT count(*) FROM sextant_events", row => count = row.GetInt64(0));
        ids.Load(Warehouse);
        NextSeq = count;
        return ids;
    }

    private Dictionary<(string, string), long> LoadLinks()
    {
        var links = new Dictionary<(string, string), long>();
        foreach (var link in WarehouseIdentity.ReadLinks(Warehouse)) links[(link.AnonymousId, link.UserId)] = link.FirstSeen.UnixMicroseconds;
        return links;
    }
}
