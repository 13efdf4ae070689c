using Sextant.Events;
using Sextant.Storage.Sqlite;

namespace Sextant.Storage.Warehouse.Store;

/// <summary>
/// The ingest log, <c>sextant_ingest_runs</c>. Nothing is updated in place: every change to a run
/// (progress, its end, being superseded) appends a row with a higher <c>version</c>, and a run is
/// its latest row. So the log is written the same way where the database cannot update (ClickHouse).
/// </summary>
internal static class WarehouseIngestLog
{
    public const string Table = "sextant_ingest_runs";

    public static readonly IReadOnlyList<string> Columns =
        ["run", "file", "kind", "started_at", "finished_at", "status", "rows_read", "inserted", "updated", "duplicates", "quarantined", "version"];

    /// <summary>Every run as its latest row, oldest run first.</summary>
    public static List<IngestRun> ReadAll(IWarehouse warehouse) => [.. ReadVersions(warehouse).Select(pair => pair.Run)];

    /// <summary>Every run as its latest row with that row's version, oldest run first.</summary>
    public static List<(IngestRun Run, long Version)> ReadVersions(IWarehouse warehouse)
    {
        var latest = new SortedDictionary<long, (IngestRun Run, long Version)>();
        warehouse.Read($"SELECT {string.Join(", ", Columns)} FROM {Table}", row =>
        {
            var version = row.GetInt64(11);
            var run = row.GetInt64(0);
            if (latest.TryGetValue(run, out var known) && known.Version >= version) return;
            var counts = new IngestRunCounts(row.GetInt64(6), row.GetInt64(7), row.GetInt64(8), row.GetInt64(9), row.GetInt64(10));
            latest[run] = (new IngestRun(run, row.GetString(1), Kind(row.GetString(2)), new Timestamp(row.GetInt64(3)),
                row.IsNull(4) ? null : new Timestamp(row.GetInt64(4)), counts, Status(row.GetString(5))), version);
        });
        return [.. latest.Values];
    }

    /// <summary>The row that records <paramref name="run"/> as it now is.</summary>
    public static object?[] Row(IngestRun run, long version) =>
    [
        run.Run, run.File, run.Kind.ToString().ToLowerInvariant(), run.StartedAt.UnixMicroseconds, run.FinishedAt?.UnixMicroseconds,
        SqliteIngestSession.StatusText(run.Status), run.Counts.Read, run.Counts.Inserted, run.Counts.Updated,
        run.Counts.Duplicates, run.Counts.Quarantined, version,
    ];

    private static RecordKind Kind(string text) =>
        Enum.TryParse<RecordKind>(text, ignoreCase: true, out var kind) && text == kind.ToString().ToLowerInvariant()
            ? kind
            : throw new SextantException($"store ingest log holds the record kind '{text}'; expected events, users, subscriptions or assignments: the store is damaged");

    private static IngestRunStatus Status(string text) => text switch
    {
        "running" => IngestRunStatus.Running,
        "done" => IngestRunStatus.Done,
        "rolled_back" => IngestRunStatus.RolledBack,
        "superseded" => IngestRunStatus.Superseded,
        _ => throw new SextantException($"store ingest log holds the status '{text}'; expected running, done, rolled_back or superseded: the store is damaged"),
    };
}
