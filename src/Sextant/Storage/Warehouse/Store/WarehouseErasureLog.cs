using Sextant.Events;

namespace Sextant.Storage.Warehouse.Store;

/// <summary>
/// The erasure log of a warehouse store: <c>sextant_erasures</c> (who asked, when, how many records
/// of each kind went; never an id) and <c>sextant_erased_events</c> (how many events each ingest run
/// lost, so the self-check still matches every run's events with its log). Both are created by the
/// first erasure; a store without them has erased nothing.
/// </summary>
internal static class WarehouseErasureLog
{
    public const string Table = "sextant_erasures";
    public const string RunsTable = "sextant_erased_events";

    public static readonly IReadOnlyList<string> Columns =
        ["requested_by", "erased_at", "users", "events", "profiles", "subscriptions", "assignments", "anonymous_ids", "quarantine_rows"];

    public static void Create(IWarehouse warehouse)
    {
        var clickHouse = warehouse.Dialect == SqlDialect.ClickHouse;
        var (integer, text) = clickHouse ? ("Int64", "String") : warehouse.Dialect == SqlDialect.PostgreSql ? ("bigint NOT NULL", "text NOT NULL") : ("BIGINT NOT NULL", "VARCHAR NOT NULL");
        var columns = string.Join(", ", Columns.Select(column => $"{column} {(column == "requested_by" ? text : integer)}"));
        warehouse.Execute($"CREATE TABLE IF NOT EXISTS {Table} ({columns}){(clickHouse ? " ENGINE = MergeTree ORDER BY erased_at" : "")}");
        warehouse.Execute($"CREATE TABLE IF NOT EXISTS {RunsTable} (erased_at {integer}, run {integer}, events {integer}){(clickHouse ? " ENGINE = MergeTree ORDER BY (run, erased_at)" : "")}");
    }

    public static void Append(IWarehouse warehouse, ErasureRequest request, ErasureCounts counts, IReadOnlyDictionary<long, long> eventsPerRun)
    {
        warehouse.Insert(Table, Columns,
        [
            [request.By, request.At.UnixMicroseconds, counts.Users, counts.Events, counts.Profiles, counts.Subscriptions, counts.Assignments, counts.AnonymousIds, counts.QuarantineRows],
        ]);
        if (eventsPerRun.Count > 0)
            warehouse.Insert(RunsTable, ["erased_at", "run", "events"], eventsPerRun.Select(pair => new object?[] { request.At.UnixMicroseconds, pair.Key, pair.Value }).ToList());
    }

    public static IReadOnlyList<ErasureRecord> Read(IWarehouse warehouse)
    {
        var records = new List<ErasureRecord>();
        if (!Exists(warehouse, Table)) return records;
        warehouse.Read($"SELECT {string.Join(", ", Columns)} FROM {Table} ORDER BY erased_at", row =>
            records.Add(new ErasureRecord(row.GetString(0), new Timestamp(row.GetInt64(1)),
                new ErasureCounts(row.GetInt64(2), row.GetInt64(3), row.GetInt64(4), row.GetInt64(5), row.GetInt64(6), row.GetInt64(7), row.GetInt64(8)))));
        return records;
    }

    /// <summary>Events erased from each run (empty when nothing was ever erased).</summary>
    public static Dictionary<long, long> ErasedPerRun(IWarehouse warehouse)
    {
        var erased = new Dictionary<long, long>();
        if (!Exists(warehouse, RunsTable)) return erased;
        warehouse.Read($"SELECT run, sum(events) FROM {RunsTable} GROUP BY run", row => erased[row.GetInt64(0)] = row.GetInt64(1));
        return erased;
    }

    private static bool Exists(IWarehouse warehouse, string table)
    {
        var sql = warehouse.Dialect == SqlDialect.ClickHouse
            ? $"SELECT count() FROM system.tables WHERE database = currentDatabase() AND name = '{table}'"
            : $"SELECT count(*) FROM information_schema.tables WHERE table_name = '{table}' AND table_schema = current_schema()";
        long count = 0;
        warehouse.Read(sql, row => count = row.GetInt64(0));
        return count > 0;
    }
}
