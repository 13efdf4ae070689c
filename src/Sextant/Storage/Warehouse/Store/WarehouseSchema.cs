using System.Globalization;
using Sextant.Storage.Warehouse.ClickHouse;

namespace Sextant.Storage.Warehouse.Store;

/// <summary>
/// The contract's tables and views (docs/WAREHOUSE.md) in each dialect, created when missing.
/// <c>sextant_meta</c> is created last and holds <c>schema_version</c>, so a database that has it
/// holds every other table too, and a store of another version is refused before anything writes.
/// </summary>
internal static class WarehouseSchema
{
    /// <summary>The layout this Sextant reads and writes.</summary>
    public const int Version = 1;

    /// <summary>The ClickHouse table each shard keeps its part of the events in, behind the Distributed <c>sextant_events</c>.</summary>
    public const string ShardEventsTable = "sextant_events_local";

    /// <summary>
    /// Checks the store's version, creating the tables first when <paramref name="create"/> and the
    /// database holds none (and, on ClickHouse, the database itself, on every shard of a cluster).
    /// </summary>
    /// <exception cref="SextantException">No store is there (and none is to be created), or it has another schema version.</exception>
    public static void Apply(IWarehouse warehouse, bool create)
    {
        if (create && warehouse is ClickHouseWarehouse clickHouse) clickHouse.EnsureDatabase();
        var found = ReadVersion(warehouse);
        if (found is null)
        {
            if (!create)
                throw new SextantException($"no Sextant store at '{warehouse.Location}': ingest data first (sextant ingest FILE --store {warehouse.Location})");
            Create(warehouse);
            found = ReadVersion(warehouse);
        }
        if (found != Version.ToString(CultureInfo.InvariantCulture))
            throw new SextantException($"store '{warehouse.Location}' has schema version {found}; this Sextant reads version {Version}");
    }

    private static string? ReadVersion(IWarehouse warehouse)
    {
        var exists = warehouse.Dialect == SqlDialect.ClickHouse
            ? "SELECT count() FROM system.tables WHERE database = currentDatabase() AND name = 'sextant_meta'"
            : "SELECT count(*) FROM information_schema.tables WHERE table_name = 'sextant_meta' AND table_schema = current_schema()";
        long tables = 0;
        warehouse.Read(exists, row => tables = row.GetInt64(0));
        if (tables == 0) return null;
        string? version = null;
        warehouse.Read("SELECT value FROM sextant_meta WHERE key = 'schema_version'", row => version = row.GetString(0));
        return version;
    }

    private static void Create(IWarehouse warehouse)
    {
        if (warehouse.Dialect == SqlDialect.ClickHouse)
        {
            CreateClickHouse(warehouse, (warehouse as ClickHouseWarehouse)?.Cluster);
            return;
        }
        // PostgreSQL and DuckDB run DDL in transactions: a store is created whole or not at all.
        warehouse.InTransaction(() =>
        {
            foreach (var statement in Statements(warehouse.Dialect)) warehouse.Execute(statement);
        });
    }

    private static void CreateClickHouse(IWarehouse warehouse, string? cluster)
    {
        var events = EventsTable(SqlDialect.ClickHouse, cluster is null ? "sextant_events" : ShardEventsTable);
        if (cluster is null)
        {
            warehouse.Execute(events);
        }
        else
        {
            // No ZooKeeper and no ON CLUSTER: each shard gets its table over its own HTTP address.
            var clickHouse = (ClickHouseWarehouse)warehouse;
            clickHouse.ExecuteOnEachShard(events);
            warehouse.Execute($"""
                CREATE TABLE IF NOT EXISTS sextant_events AS {ShardEventsTable}
                ENGINE = Distributed({cluster}, {clickHouse.Database}, {ShardEventsTable}, cityHash64(user_key))
                """);
        }
        foreach (var statement in Statements(SqlDialect.ClickHouse)) warehouse.Execute(statement);
    }

    /// <summary>Every statement after the events table (which ClickHouse lays out per cluster), <c>sextant_meta</c> last.</summary>
    private static IEnumerable<string> Statements(SqlDialect dialect)
    {
        var (integer, text, nullableText, nullableInteger) = Types(dialect);
        var clickHouse = dialect == SqlDialect.ClickHouse;
        string Engine(string order) => clickHouse ? $" ENGINE = MergeTree ORDER BY ({order})" : "";

        if (!clickHouse)
        {
            yield return EventsTable(dialect, "sextant_events");
            // The database enforces dedup too: a second writer's repeat fails its batch rather than being stored.
            yield return "CREATE UNIQUE INDEX IF NOT EXISTS sextant_events_event_id ON sextant_events(event_id)";
        }
        yield return $"""
            CREATE TABLE IF NOT EXISTS sextant_users (user_id {text}, signup_at {nullableInteger}, segment {nullableText},
                channel {nullableText}, plan {nullableText}, country {nullableText}, platform {nullableText},
                workspace_id {nullableText}, traits {text}, version {integer}){(clickHouse ? " ENGINE = ReplacingMergeTree(version) ORDER BY (user_id)" : "")}
            """;
        yield return $"""
            CREATE TABLE IF NOT EXISTS sextant_subscriptions (subscription_id {text}, user_id {text}, plan {text},
                status {text}, start_at {integer}, end_at {nullableInteger}, mrr {text}, currency {text},
                version {integer}){(clickHouse ? " ENGINE = ReplacingMergeTree(version) ORDER BY (subscription_id)" : "")}
            """;
        yield return $"""
            CREATE TABLE IF NOT EXISTS sextant_assignments (experiment {text}, user_id {text}, variant {text},
                assigned_at {integer}){Engine("experiment, user_id, variant")}
            """;
        yield return $"CREATE TABLE IF NOT EXISTS sextant_identity_links (anonymous_id {text}, user_id {text}, first_seen {integer}){Engine("anonymous_id, user_id")}";
        yield return $"CREATE TABLE IF NOT EXISTS sextant_identity (anonymous_id {text}, user_id {text}){Engine("anonymous_id")}";
        yield return $"""
            CREATE TABLE IF NOT EXISTS sextant_ingest_runs (run {integer}, file {text}, kind {text}, started_at {integer},
                finished_at {nullableInteger}, status {text}, rows_read {integer}, inserted {integer}, updated {integer},
                duplicates {integer}, quarantined {integer}, version {integer}){Engine("run, version")}
            """;
        foreach (var view in Views(dialect)) yield return view;
        yield return $"CREATE TABLE IF NOT EXISTS sextant_meta (key {text}, value {text}){Engine("key")}";
        yield return $"INSERT INTO sextant_meta (key, value) VALUES ('schema_version', '{Version}')";
    }

    private static string EventsTable(SqlDialect dialect, string name)
    {
        var (integer, text, nullableText, _) = Types(dialect);
        var clickHouse = dialect == SqlDialect.ClickHouse;
        // ClickHouse keeps each entity's events together: user_key is the user id, else the anonymous id.
        return $"""
            CREATE TABLE IF NOT EXISTS {name} (seq {integer}, event_id {text}, user_id {nullableText},
                anonymous_id {nullableText}, event {text}, ts {integer}, platform {nullableText}, session_id {nullableText},
                workspace_id {nullableText}, revenue {nullableText}, properties {text}, source {text}, run {integer}{(clickHouse ? ", user_key String" : "")})
                {(clickHouse ? "ENGINE = MergeTree ORDER BY (user_key, ts)" : "")}
            """;
    }

    /// <summary>One current row per key. ClickHouse keeps every version and picks the latest with argMax over a tuple, which keeps NULLs (argMax over a Nullable column would skip them).</summary>
    private static IEnumerable<string> Views(SqlDialect dialect)
    {
        const string UserColumns = "signup_at, segment, channel, plan, country, platform, workspace_id, traits";
        const string SubscriptionColumns = "user_id, plan, status, start_at, end_at, mrr, currency";
        const string Assignments = "SELECT experiment, user_id, variant, min(assigned_at) AS assigned_at FROM sextant_assignments GROUP BY experiment, user_id, variant";
        if (dialect == SqlDialect.ClickHouse)
        {
            yield return $"CREATE VIEW IF NOT EXISTS sextant_users_current AS {LatestClickHouse("sextant_users", "user_id", UserColumns)}";
            yield return $"CREATE VIEW IF NOT EXISTS sextant_subscriptions_current AS {LatestClickHouse("sextant_subscriptions", "subscription_id", SubscriptionColumns)}";
            yield return $"CREATE VIEW IF NOT EXISTS sextant_assignments_current AS {Assignments}";
            yield break;
        }
        yield return $"CREATE OR REPLACE VIEW sextant_users_current AS SELECT DISTINCT ON (user_id) user_id, {UserColumns} FROM sextant_users ORDER BY user_id, version DESC";
        yield return $"CREATE OR REPLACE VIEW sextant_subscriptions_current AS SELECT DISTINCT ON (subscription_id) subscription_id, {SubscriptionColumns} FROM sextant_subscriptions ORDER BY subscription_id, version DESC";
        yield return $"CREATE OR REPLACE VIEW sextant_assignments_current AS {Assignments}";
    }

    private static string LatestClickHouse(string table, string key, string columns)
    {
        var names = columns.Split(", ");
        var picked = string.Join(", ", names.Select((name, i) => $"tupleElement(latest, {i + 1}) AS {name}"));
        return $"SELECT {key}, {picked} FROM (SELECT {key}, argMax(tuple({columns}), version) AS latest FROM {table} GROUP BY {key})";
    }

    private static (string Integer, string Text, string NullableText, string NullableInteger) Types(SqlDialect dialect) => dialect switch
    {
        SqlDialect.ClickHouse => ("Int64", "String", "Nullable(String)", "Nullable(Int64)"),
        SqlDialect.PostgreSql => ("bigint NOT NULL", "text NOT NULL", "text", "bigint"),
        _ => ("BIGINT NOT NULL", "VARCHAR NOT NULL", "VARCHAR", "BIGINT"),
    };
}
