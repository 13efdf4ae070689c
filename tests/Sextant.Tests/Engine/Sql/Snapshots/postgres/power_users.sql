-- power_users.sql: written by `sextant sql --dialect postgres` from the engine's own builder.
-- Power users (SEMANTICS.md, Activity), as rows (part, name, a, b, n) over users active in the window:
--   l7 / l30   a = active days among the final 7 / 30 complete days, n = users
--   events     a = active events in the window, n = users
-- Signed-up users without an active day in the window are not in the rows (0 days).
-- Only signed-up users count; an event is active unless activity.exclude_events lists it (none here).
-- Days are numbered as days since 0001-01-01 in the time zone, weeks as Monday day number / 7, months as year * 12 + month - 1.
-- Parameters, written into the statement (default in brackets):
--   time zone  Europe/Paris [UTC]
--   window     the earliest to the latest event [the earliest to the latest event]
-- Run: psql "postgres://USER@HOST/DB" -f power_users.sql
WITH active_days AS (
    SELECT uid, (CAST(d - DATE '1970-01-01' AS BIGINT) + 719162) AS day, (CAST(extract(year FROM d) AS BIGINT) * 12 + CAST(extract(month FROM d) AS BIGINT) - 1) AS month, CAST(in_events AS BIGINT) AS in_events, CAST(collaborated AS BIGINT) AS collaborated
    FROM (
        SELECT uid, d, sum(in_window) AS in_events, max(collaborates) AS collaborated
        FROM (
            SELECT uid, CAST((to_timestamp(0) + ts * INTERVAL '1 microsecond') AT TIME ZONE 'Europe/Paris' AS DATE) AS d, CASE WHEN ts >= (SELECT min(ts) FROM sextant_events) THEN 1 ELSE 0 END AS in_window,
                CASE WHEN ts >= (SELECT min(ts) FROM sextant_events) AND event IN ('share_page', 'comment', 'invite_member') THEN 1 ELSE 0 END AS collaborates
            FROM (SELECT coalesce(e.user_id, i.user_id) AS uid, e.ts AS ts, e.event AS event
    FROM sextant_events e
    LEFT JOIN sextant_identity i ON i.anonymous_id = e.anonymous_id
    WHERE e.user_id IS NOT NULL OR i.user_id IS NOT NULL) AS user_events WHERE event NOT IN ('$create_alias', '$groupidentify', '$identify', '$merge', '$merge_dangerously') AND ts <= (SELECT max(ts) FROM sextant_events)
        ) AS dated
        GROUP BY uid, d
    ) AS days_of_users
),
window_days AS (
    SELECT uid, day, month, in_events, collaborated FROM active_days WHERE in_events > 0
),
power_users AS (
    SELECT uid,
        CAST(sum(CASE WHEN day <= ((CAST(CAST((to_timestamp(0) + ((SELECT max(ts) FROM sextant_events) + 1) * INTERVAL '1 microsecond') AT TIME ZONE 'Europe/Paris' AS DATE) - DATE '1970-01-01' AS BIGINT) + 719162) - 1) AND day > ((CAST(CAST((to_timestamp(0) + ((SELECT max(ts) FROM sextant_events) + 1) * INTERVAL '1 microsecond') AT TIME ZONE 'Europe/Paris' AS DATE) - DATE '1970-01-01' AS BIGINT) + 719162) - 1) - 7 THEN 1 ELSE 0 END) AS BIGINT) AS days7,
        CAST(sum(CASE WHEN day <= ((CAST(CAST((to_timestamp(0) + ((SELECT max(ts) FROM sextant_events) + 1) * INTERVAL '1 microsecond') AT TIME ZONE 'Europe/Paris' AS DATE) - DATE '1970-01-01' AS BIGINT) + 719162) - 1) AND day > ((CAST(CAST((to_timestamp(0) + ((SELECT max(ts) FROM sextant_events) + 1) * INTERVAL '1 microsecond') AT TIME ZONE 'Europe/Paris' AS DATE) - DATE '1970-01-01' AS BIGINT) + 719162) - 1) - 30 THEN 1 ELSE 0 END) AS BIGINT) AS days30,
        CAST(sum(in_events) AS BIGINT) AS events
    FROM window_days
    GROUP BY uid
)
SELECT 'l7' AS part, '' AS name, CAST(days7 AS BIGINT) AS a, CAST(0 AS BIGINT) AS b, CAST(CAST(count(*) AS BIGINT) AS BIGINT) AS n FROM power_users GROUP BY days7
UNION ALL
SELECT 'l30' AS part, '' AS name, CAST(days30 AS BIGINT) AS a, CAST(0 AS BIGINT) AS b, CAST(CAST(count(*) AS BIGINT) AS BIGINT) AS n FROM power_users GROUP BY days30
UNION ALL
SELECT 'events' AS part, '' AS name, CAST(events AS BIGINT) AS a, CAST(0 AS BIGINT) AS b, CAST(CAST(count(*) AS BIGINT) AS BIGINT) AS n FROM power_users GROUP BY events;
