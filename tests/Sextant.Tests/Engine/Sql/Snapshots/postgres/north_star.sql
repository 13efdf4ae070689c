-- north_star.sql: written by `sextant sql --dialect postgres` from the engine's own builder.
-- The North Star (SEMANTICS.md, North Star), as rows (part, name, a, b, n):
--   north_star   a = week, n = workspaces (profile workspace_id) with at least the minimum of active
--                members that week and a collaboration event by one of them
-- Weeks without such a workspace have no row.
-- Only signed-up users count; an event is active unless activity.exclude_events lists it (none here).
-- Days are numbered as days since 0001-01-01 in the time zone, weeks as Monday day number / 7, months as year * 12 + month - 1.
-- Parameters, written into the statement (default in brackets):
--   time zone  Europe/Paris [UTC]
--   window     the earliest to the latest event [the earliest to the latest event]
--   members    2 [2]
--   events     share_page, comment, invite_member [share_page, comment, invite_member]
-- Run: psql "postgres://USER@HOST/DB" -f north_star.sql
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
)
SELECT 'north_star' AS part, '' AS name, CAST(week AS BIGINT) AS a, CAST(0 AS BIGINT) AS b, CAST(CAST(count(*) AS BIGINT) AS BIGINT) AS n FROM (
    SELECT workspace, week, CAST(count(*) AS BIGINT) AS active_members, max(collaborated) AS collaborations
    FROM (SELECT uid, week, max(collaborated) AS collaborated
FROM (SELECT uid, (day / 7) AS week, collaborated FROM window_days) AS days_of_members
GROUP BY uid, week) AS member_weeks INNER JOIN (SELECT user_id AS uid, workspace_id AS workspace FROM sextant_users_current WHERE workspace_id IS NOT NULL) AS members USING (uid)
    GROUP BY workspace, week
) AS workspace_weeks
WHERE active_members >= 2 AND collaborations = 1
GROUP BY week;
