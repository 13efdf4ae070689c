namespace Sextant.Engine.Sql;

/// <summary>
/// Who an event belongs to, in SQL, as the in-memory table resolves it (SEMANTICS.md, Identity):
/// its user id, else the user its anonymous id is linked to in <c>sextant_identity</c> (materialised
/// at load by the same resolution code). Events of never-linked anonymous ids are visitors': no
/// signed-up user's analysis sees them. The identity join is on the anonymous id alone (one row
/// per id, so it never repeats an event; coalesce ignores it when the event has a user id): a
/// condition on the user id beside it makes DuckDB join by nested loop, a minute at 50,000 users.
/// </summary>
internal static class IdentitySql
{
    /// <summary>
    /// (uid, ts, event) of every event that belongs to a signed-up user. On ClickHouse the identity
    /// table lives on the entry server only, so the join is GLOBAL: each shard gets the whole table.
    /// </summary>
    public static string UserEvents(SqlText sql) => sql.Dialect == Storage.Warehouse.SqlDialect.ClickHouse
        ? """
          SELECT if(isNull(user_id), linked_user, assumeNotNull(user_id)) AS uid, ts, event
          FROM sextant_events
          GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id
          WHERE isNotNull(user_id) OR linked_user != ''
          """
        : """
          SELECT coalesce(e.user_id, i.user_id) AS uid, e.ts AS ts, e.event AS event
          FROM sextant_events e
          LEFT JOIN sextant_identity i ON i.anonymous_id = e.anonymous_id
          WHERE e.user_id IS NOT NULL OR i.user_id IS NOT NULL
          """;

    /// <summary>
    /// (uid, ts, event) of every event, visitors' included: a never-linked anonymous id is its own
    /// entity, as the in-memory table makes it. <paramref name="where"/> filters the events table
    /// (its columns unqualified) before the identity join.
    /// </summary>
    /// <param name="sql">The dialect.</param>
    /// <param name="where">The condition on the events table.</param>
    /// <param name="carried">Further columns, each an expression over the events table's columns and the name it is carried out under.</param>
    public static string Entities(SqlText sql, string where, params (string Expression, string Name)[] carried)
    {
        var inner = string.Concat(carried.Select(c => $", {c.Expression} AS {c.Name}"));
        if (sql.Dialect == Storage.Warehouse.SqlDialect.ClickHouse)
            return $"""
                SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event{string.Concat(carried.Select(c => $", {c.Name}"))}
                FROM (SELECT user_id, anonymous_id, ts, event{inner} FROM sextant_events WHERE {where})
                GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id
                """;
        return $"""
            SELECT coalesce(e.user_id, i.user_id, e.anonymous_id) AS uid, e.ts AS ts, e.event AS event{string.Concat(carried.Select(c => $", e.{c.Name} AS {c.Name}"))}
            FROM (SELECT user_id, anonymous_id, ts, event{inner} FROM sextant_events WHERE {where}) AS e
            LEFT JOIN sextant_identity i ON i.anonymous_id = e.anonymous_id
            """;
    }

    /// <summary>
    /// (uid) of every signed-up user: a user id on an event, a profile, a subscription or an
    /// assignment (the in-memory table's user directory), each once.
    /// </summary>
    public static string Users(SqlText sql)
    {
        var notNull = sql.Dialect == Storage.Warehouse.SqlDialect.ClickHouse ? "assumeNotNull(user_id)" : "user_id";
        return $"""
            SELECT DISTINCT uid FROM (
                SELECT {notNull} AS uid FROM sextant_events WHERE user_id IS NOT NULL
                UNION ALL SELECT {notNull} AS uid FROM sextant_users_current
                UNION ALL SELECT {notNull} AS uid FROM sextant_subscriptions_current
                UNION ALL SELECT {notNull} AS uid FROM sextant_assignments_current
            ) AS every_user
            """;
    }
}
