using System.Globalization;
using Sextant.Events;

namespace Sextant.Storage.Warehouse.Store;

/// <summary>The read port of the warehouse store: every read goes through the contract's tables and <c>_current</c> views.</summary>
public sealed partial class WarehouseStore
{
    /// <inheritdoc/>
    public IEventColumnSource ColumnSource => _url is { } url
        ? new WarehouseColumnSource(() => WarehouseConnections.Open(url), ownsConnections: true)
        : new WarehouseColumnSource(() => Warehouse, ownsConnections: false);

    /// <inheritdoc/>
    public EventColumns ReadEventColumns() => WarehouseEventColumnReader.Read(Warehouse, ReadProfileUserIds());

    /// <inheritdoc/>
    public long CountEvents() => Scalar("SELECT count(*) FROM sextant_events");

    /// <inheritdoc/>
    public long CountRepeatedEventIds() => Scalar("SELECT count(*) - count(DISTINCT event_id) FROM sextant_events");

    /// <inheritdoc/>
    public IReadOnlyList<string> ReadUserIds()
    {
        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Warehouse.Read("SELECT DISTINCT user_id FROM sextant_events WHERE user_id IS NOT NULL", row =>
        {
            var id = row.GetString(0);
            if (seen.Add(id)) ids.Add(id);
        });
        foreach (var id in ReadProfileUserIds()) if (seen.Add(id)) ids.Add(id);
        return ids;
    }

    /// <inheritdoc/>
    public IEnumerable<UserProfile> ReadProfiles()
    {
        var profiles = new List<UserProfile>();
        Warehouse.Read("SELECT user_id, signup_at, segment, channel, plan, country, platform, workspace_id, traits FROM sextant_users_current", row =>
            profiles.Add(new UserProfile(
                row.GetString(0), row.IsNull(1) ? null : new Timestamp(row.GetInt64(1)),
                Text(row, 2), Text(row, 3), Text(row, 4), Text(row, 5), Text(row, 6), Text(row, 7), row.GetString(8))));
        return profiles;
    }

    /// <inheritdoc/>
    public IEnumerable<Subscription> ReadSubscriptions()
    {
        var subscriptions = new List<Subscription>();
        Warehouse.Read("SELECT subscription_id, user_id, plan, status, start_at, end_at, mrr, currency FROM sextant_subscriptions_current", row =>
            subscriptions.Add(new Subscription(
                row.GetString(0), row.GetString(1), row.GetString(2), row.GetString(3), new Timestamp(row.GetInt64(4)),
                row.IsNull(5) ? null : new Timestamp(row.GetInt64(5)),
                decimal.Parse(row.GetString(6), NumberStyles.Float, CultureInfo.InvariantCulture), row.GetString(7))));
        // Sorted here, not in SQL: a database's collation need not be code-point order.
        subscriptions.Sort((a, b) => a.StartAt.UnixMicroseconds != b.StartAt.UnixMicroseconds
            ? a.StartAt.UnixMicroseconds.CompareTo(b.StartAt.UnixMicroseconds)
            : UserDirectory.CompareCodePoints(a.SubscriptionId, b.SubscriptionId));
        return subscriptions;
    }

    /// <inheritdoc/>
    public IEnumerable<Assignment> ReadAssignments()
    {
        var assignments = new List<Assignment>();
        Warehouse.Read("SELECT experiment, user_id, variant, assigned_at FROM sextant_assignments_current", row =>
            assignments.Add(new Assignment(row.GetString(0), row.GetString(1), row.GetString(2), new Timestamp(row.GetInt64(3)))));
        assignments.Sort((a, b) =>
        {
            var order = UserDirectory.CompareCodePoints(a.Experiment, b.Experiment);
            if (order == 0) order = UserDirectory.CompareCodePoints(a.UserId, b.UserId);
            if (order == 0) order = a.AssignedAt.UnixMicroseconds.CompareTo(b.AssignedAt.UnixMicroseconds);
            return order != 0 ? order : UserDirectory.CompareCodePoints(a.Variant, b.Variant);
        });
        return assignments;
    }

    /// <inheritdoc/>
    public IReadOnlyList<IngestRun> ReadIngestRuns() => WarehouseIngestLog.ReadAll(Warehouse);

    /// <inheritdoc/>
    public IReadOnlyList<IdentityLink> ReadLinks() => WarehouseIdentity.ReadLinks(Warehouse);

    /// <inheritdoc/>
    public string ReadChangeStamp() => WarehouseChangeStamp.Read(Warehouse);

    /// <inheritdoc/>
    public StoreFacts ReadFacts() => new(
        Scalar("SELECT count(*) FROM sextant_users_current"),
        Scalar("SELECT count(*) FROM sextant_subscriptions_current"),
        Scalar("SELECT count(*) FROM sextant_assignments_current"),
        Scalar("SELECT count(DISTINCT run) FROM sextant_ingest_runs"),
        Scalar(Warehouse.Dialect switch
        {
            SqlDialect.PostgreSql => "SELECT coalesce(sum(pg_total_relation_size(oid)), 0) FROM pg_class WHERE relname LIKE 'sextant%' AND relkind = 'r'",
            SqlDialect.ClickHouse => "SELECT sum(data_compressed_bytes) FROM system.parts WHERE database = currentDatabase() AND active AND table LIKE 'sextant%'",
            _ => "SELECT coalesce(sum(block_size * total_blocks), 0) FROM pragma_database_size() WHERE database_name = current_database()",
        }));

    /// <inheritdoc/>
    public IReadOnlyList<IntegrityFinding> VerifyIntegrity() => [WarehouseIntegrity.Verify(this)];

    internal long Scalar(string sql)
    {
        long value = 0;
        Warehouse.Read(sql, row => value = row.IsNull(0) ? 0 : row.GetInt64(0));
        return value;
    }

    /// <summary>Profile user ids not necessarily seen on events, in code-point order (the order the table codes them after the event users).</summary>
    private List<string> ReadProfileUserIds()
    {
        var ids = new List<string>();
        Warehouse.Read("SELECT DISTINCT user_id FROM sextant_users", row => ids.Add(row.GetString(0)));
        ids.Sort(UserDirectory.CompareCodePoints);
        return ids;
    }

    private static string? Text(IWarehouseRow row, int column) => row.IsNull(column) ? null : row.GetString(column);
}
