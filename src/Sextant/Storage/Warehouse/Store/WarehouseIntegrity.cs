namespace Sextant.Storage.Warehouse.Store;

/// <summary>
/// The warehouse store's check of itself (<c>store_integrity</c>): <c>seq</c> numbers the events
/// 0..n−1 with no gap or repeat, no event id is stored twice, and each run's stored events match
/// the count its log records. On ClickHouse a stopped ingest may have stored a batch whose progress
/// it never recorded: those events are kept (a re-run skips them by id), so more events than a
/// stopped run records is a warning, never damage.
/// </summary>
internal static class WarehouseIntegrity
{
    public static IntegrityFinding Verify(WarehouseStore store)
    {
        var warehouse = store.Warehouse;
        long count = 0, distinctSeq = 0, minSeq = 0, maxSeq = -1, distinctIds = 0;
        warehouse.Read("SELECT count(*), count(DISTINCT seq), coalesce(min(seq), 0), coalesce(max(seq), -1), count(DISTINCT event_id) FROM sextant_events", row =>
        {
            count = row.GetInt64(0);
            distinctSeq = row.GetInt64(1);
            minSeq = row.GetInt64(2);
            maxSeq = row.GetInt64(3);
            distinctIds = row.GetInt64(4);
        });
        if (count > 0 && (minSeq != 0 || maxSeq != count - 1 || distinctSeq != count))
            return Fail(Math.Max(1, Math.Abs(maxSeq + 1 - distinctSeq) + (count - distinctSeq)),
                $"{count} events should be numbered 0 to {count - 1} by seq; found {distinctSeq} distinct numbers from {minSeq} to {maxSeq}: the store is damaged — ingest the source files into a new store");
        if (distinctIds != count)
            return Fail(count - distinctIds, $"{count - distinctIds} stored events repeat an event id stored before them");

        var stored = new Dictionary<long, long>();
        warehouse.Read("SELECT run, count(*) FROM sextant_events GROUP BY run", row => stored[row.GetInt64(0)] = row.GetInt64(1));
        long missing = 0, unrecorded = 0;
        var runs = WarehouseIngestLog.ReadAll(warehouse);
        // Events a forget erased were stored by their run; they count as held.
        var erased = WarehouseErasureLog.ErasedPerRun(warehouse);
        foreach (var run in runs.Where(run => run.Kind == Events.RecordKind.Events))
        {
            var held = stored.GetValueOrDefault(run.Run) + erased.GetValueOrDefault(run.Run);
            var recorded = run.Status == IngestRunStatus.RolledBack ? 0 : run.Counts.Inserted;
            if (held < recorded) missing += recorded - held;
            else if (held > recorded)
            {
                if (run.Status == IngestRunStatus.Done || run.Status == IngestRunStatus.RolledBack) missing += held - recorded;
                else unrecorded += held - recorded;
            }
        }
        if (missing > 0)
            return Fail(missing, $"the stored events differ from the ingest log's counts by {missing}: the store is damaged or was written by something else");
        if (unrecorded > 0)
            return new IntegrityFinding("store_integrity", IntegrityStatus.Warn, unrecorded,
                $"{count} events numbered 0 to {count - 1}, ids unique; {unrecorded} were stored by an ingest that stopped before recording its progress — they are kept, and running the ingest again skips them");
        return new IntegrityFinding("store_integrity", IntegrityStatus.Pass, 0,
            $"{count} events numbered 0 to {count - 1}, every event id stored once, every run's events match its log");
    }

    private static IntegrityFinding Fail(long rows, string message) => new("store_integrity", IntegrityStatus.Fail, rows, message);
}
