using System.Globalization;
using Sextant.Events;
using Sextant.Storage.Sqlite;
using Sextant.Storage.Warehouse;

namespace Sextant.Tests.Engine.Sql;

/// <summary>
/// Copies an embedded store into a warehouse's contract tables (docs/WAREHOUSE.md), for the
/// parity suites until the warehouse store's own writer lands: the same rows, the identity
/// resolved by the same code, so every engine sees the same data.
/// </summary>
internal static class ContractTables
{
    private static readonly string[] EventColumns =
        ["seq", "event_id", "user_id", "anonymous_id", "event", "ts", "platform", "session_id", "workspace_id", "revenue", "properties", "source", "run"];

    public static void Copy(string storePath, IWarehouse warehouse)
    {
        foreach (var statement in Ddl()) warehouse.Execute(statement);
        using var store = SqliteStore.Open(storePath, create: false);
        var columns = store.ReadEventColumns();
        warehouse.Insert("sextant_events", EventColumns, Enumerable.Range(0, columns.RowCount).Select(row => new object?[]
        {
            (long)row, "e" + row.ToString(CultureInfo.InvariantCulture),
            Decode(columns.UserIds, columns.UserCodes[row]), Decode(columns.AnonymousIds, columns.AnonymousCodes[row]),
            columns.EventNames.Values[columns.EventCodes[row] - 1], columns.Timestamps[row],
            null, null, null, null, "{}", "test", 0L,
        }));
        warehouse.Insert("sextant_users", ["user_id", "signup_at", "segment", "channel", "plan", "country", "platform", "workspace_id", "traits", "version"],
            store.ReadProfiles().Select(p => new object?[]
            {
                p.UserId, p.SignupAt?.UnixMicroseconds, p.Segment, p.Channel, p.Plan, p.Country, p.Platform, p.WorkspaceId, p.TraitsJson, 1L,
            }));
        warehouse.Insert("sextant_subscriptions", ["subscription_id", "user_id", "plan", "status", "start_at", "end_at", "mrr", "currency", "version"],
            store.ReadSubscriptions().Select(s => new object?[]
            {
                s.SubscriptionId, s.UserId, s.Plan, s.Status, s.StartAt.UnixMicroseconds, s.EndAt?.UnixMicroseconds,
                s.Mrr.ToString(CultureInfo.InvariantCulture), s.Currency, 1L,
            }));
        warehouse.Insert("sextant_assignments", ["experiment", "user_id", "variant", "assigned_at"],
            store.ReadAssignments().Select(a => new object?[] { a.Experiment, a.UserId, a.Variant, a.AssignedAt.UnixMicroseconds }));
        warehouse.Insert("sextant_identity", ["anonymous_id", "user_id"],
            IdentityResolution.UsersOf(store.ReadLinks()).Select(pair => new object?[] { pair.Key, pair.Value }));
    }

    private static string? Decode(Sextant.Storage.CodeDictionary dictionary, int code) => code == 0 ? null : dictionary.Values[code - 1];

    private static IEnumerable<string> Ddl() =>
    [
        "CREATE TABLE sextant_events (seq BIGINT, event_id TEXT, user_id TEXT, anonymous_id TEXT, event TEXT, ts BIGINT, platform TEXT, session_id TEXT, workspace_id TEXT, revenue TEXT, properties TEXT, source TEXT, run BIGINT)",
        "CREATE TABLE sextant_users (user_id TEXT, signup_at BIGINT, segment TEXT, channel TEXT, plan TEXT, country TEXT, platform TEXT, workspace_id TEXT, traits TEXT, version BIGINT)",
        "CREATE TABLE sextant_subscriptions (subscription_id TEXT, user_id TEXT, plan TEXT, status TEXT, start_at BIGINT, end_at BIGINT, mrr TEXT, currency TEXT, version BIGINT)",
        "CREATE TABLE sextant_assignments (experiment TEXT, user_id TEXT, variant TEXT, assigned_at BIGINT)",
        "CREATE TABLE sextant_identity (anonymous_id TEXT, user_id TEXT)",
        "CREATE VIEW sextant_users_current AS SELECT * FROM sextant_users",
        "CREATE VIEW sextant_subscriptions_current AS SELECT * FROM sextant_subscriptions",
        "CREATE VIEW sextant_assignments_current AS SELECT experiment, user_id, min(variant) AS variant, min(assigned_at) AS assigned_at FROM sextant_assignments GROUP BY experiment, user_id",
    ];
}
