using Sextant.Storage.Warehouse.ClickHouse;

namespace Sextant.Storage.Warehouse.Store;

/// <summary>
/// Erases people from a warehouse store (docs/PRIVACY.md). PostgreSQL and DuckDB delete in one
/// transaction and renumber <c>seq</c> so the events stay numbered from 0 without gaps. ClickHouse
/// deletes through <c>ALTER TABLE … DELETE</c> and renumbers through <c>ALTER TABLE … UPDATE</c>
/// mutations, which run in the background: the erasure waits until <c>system.mutations</c> shows
/// every one done, so the command returns only when the data is gone. The identity resolution is
/// rebuilt from the links left.
/// </summary>
internal static class WarehouseEraser
{
    /// <summary>How long to wait for ClickHouse's mutations before giving up with an error.</summary>
    private static readonly TimeSpan MutationWait = TimeSpan.FromMinutes(30);

    public static ErasureCounts Erase(IWarehouse warehouse, ErasureRequest request)
    {
        if (warehouse is ClickHouseWarehouse { Cluster: not null })
            throw new SextantException("forget is not available on a ClickHouse cluster store: its shards' events would each need their own mutation; erase on each shard's database");
        var dialect = warehouse.Dialect;
        var users = List(dialect, request.UserIds);
        var gone = request.AnonymousIds.Count == 0
            ? $"user_id IN ({users})"
            : $"(user_id IN ({users}) OR (user_id IS NULL AND anonymous_id IN ({List(dialect, request.AnonymousIds)})))";

        var seqs = new List<long>();
        var perRun = new Dictionary<long, long>();
        warehouse.Read($"SELECT seq, run FROM sextant_events WHERE {gone}", row =>
        {
            seqs.Add(row.GetInt64(0));
            perRun[row.GetInt64(1)] = perRun.GetValueOrDefault(row.GetInt64(1)) + 1;
        });
        seqs.Sort();
        var stillUsed = new HashSet<string>(StringComparer.Ordinal);
        if (request.AnonymousIds.Count > 0)
            warehouse.Read($"SELECT DISTINCT anonymous_id FROM sextant_events WHERE anonymous_id IN ({List(dialect, request.AnonymousIds)}) AND NOT {gone}", row => stillUsed.Add(row.GetString(0)));
        var counts = new ErasureCounts(request.UserIds.Count, seqs.Count,
            Count(warehouse, $"SELECT count(*) FROM sextant_users_current WHERE user_id IN ({users})"),
            Count(warehouse, $"SELECT count(*) FROM sextant_subscriptions_current WHERE user_id IN ({users})"),
            Count(warehouse, $"SELECT count(*) FROM sextant_assignments_current WHERE user_id IN ({users})"),
            request.AnonymousIds.Count(id => !stillUsed.Contains(id)), request.QuarantineRows);

        WarehouseErasureLog.Create(warehouse);
        string[] others = ["sextant_users", "sextant_subscriptions", "sextant_assignments", WarehouseIdentity.LinksTable];
        if (dialect == SqlDialect.ClickHouse)
        {
            warehouse.Execute($"ALTER TABLE sextant_events DELETE WHERE {gone}");
            if (seqs.Count > 0)
                warehouse.Execute($"ALTER TABLE sextant_events UPDATE seq = seq - arrayCount(x -> x < seq, [{string.Join(", ", seqs.Select(SqlText.Literal))}]) WHERE seq > {SqlText.Literal(seqs[0])}");
            foreach (var table in others) warehouse.Execute($"ALTER TABLE {table} DELETE WHERE user_id IN ({users})");
            WaitForMutations(warehouse);
            WarehouseErasureLog.Append(warehouse, request, counts, perRun);
        }
        else
        {
            warehouse.InTransaction(() =>
            {
                warehouse.Execute($"DELETE FROM sextant_events WHERE {gone}");
                if (seqs.Count > 0)
                    warehouse.Execute("""
                        UPDATE sextant_events SET seq = renumbered.n
                        FROM (SELECT seq AS old, row_number() OVER (ORDER BY seq) - 1 AS n FROM sextant_events) AS renumbered
                        WHERE sextant_events.seq = renumbered.old AND renumbered.old <> renumbered.n
                        """);
                foreach (var table in others) warehouse.Execute($"DELETE FROM {table} WHERE user_id IN ({users})");
                WarehouseErasureLog.Append(warehouse, request, counts, perRun);
            });
        }
        WarehouseIdentity.Rewrite(warehouse);
        return counts;
    }

    private static void WaitForMutations(IWarehouse warehouse)
    {
        var started = DateTime.UtcNow;
        while (true)
        {
            long pending = 0;
            warehouse.Read("SELECT count() FROM system.mutations WHERE database = currentDatabase() AND is_done = 0", row => pending = row.GetInt64(0));
            if (pending == 0) return;
            if (DateTime.UtcNow - started > MutationWait)
                throw new SextantException($"ClickHouse has not finished {pending} erasure mutations after {MutationWait.TotalMinutes:0} minutes; see system.mutations, and run forget again once they finish");
            Thread.Sleep(100);
        }
    }

    private static long Count(IWarehouse warehouse, string sql)
    {
        long count = 0;
        warehouse.Read(sql, row => count = row.GetInt64(0));
        return count;
    }

    private static string List(SqlDialect dialect, IEnumerable<string> values) => string.Join(", ", values.Select(value => SqlText.Literal(dialect, value)));
}
