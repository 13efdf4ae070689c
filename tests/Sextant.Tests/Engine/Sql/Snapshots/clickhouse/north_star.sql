-- north_star.sql: written by `sextant sql --dialect clickhouse` from the engine's own builder.
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
-- Run: clickhouse-client --database DB --max_query_size 10000000 --multiquery < north_star.sql
SELECT 'north_star' AS part, '' AS name, toInt64(week) AS a, toInt64(0) AS b, toInt64(toInt64(count())) AS n FROM (
    SELECT workspace, week, toInt64(count()) AS active_members, max(collaborated) AS collaborations
    FROM (SELECT uid, week, max(collaborated) AS collaborated
FROM (SELECT uid, intDiv(day, 7) AS week, collaborated FROM (SELECT uid, day, month, in_events, collaborated FROM (SELECT uid, (toInt64(toRelativeDayNum(d)) + 719162) AS day, (toInt64(toYear(d)) * 12 + toInt64(toMonth(d)) - 1) AS month, toInt64(in_events) AS in_events, toInt64(collaborated) AS collaborated
FROM (
    SELECT uid, d, sum(in_window) AS in_events, max(collaborates) AS collaborated
    FROM (
        SELECT uid, toDate(toDateTime(intDiv(ts, 1000000)), 'Europe/Paris') AS d, CASE WHEN ts >= (SELECT min(ts) FROM sextant_events) THEN 1 ELSE 0 END AS in_window,
            CASE WHEN ts >= (SELECT min(ts) FROM sextant_events) AND event IN ('share_page', 'comment', 'invite_member') THEN 1 ELSE 0 END AS collaborates
        FROM (SELECT if(isNull(user_id), linked_user, assumeNotNull(user_id)) AS uid, ts, event
FROM sextant_events
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id
WHERE isNotNull(user_id) OR linked_user != '') AS user_events WHERE event NOT IN ('$create_alias', '$groupidentify', '$identify', '$merge', '$merge_dangerously') AND ts <= (SELECT max(ts) FROM sextant_events)
    ) AS dated
    GROUP BY uid, d
) AS days_of_users) AS active_days WHERE in_events > 0) AS window_days) AS days_of_members
GROUP BY uid, week) AS member_weeks ALL INNER JOIN (SELECT assumeNotNull(user_id) AS uid, assumeNotNull(workspace_id) AS workspace FROM sextant_users_current WHERE workspace_id IS NOT NULL) AS members USING uid
    GROUP BY workspace, week
) AS workspace_weeks
WHERE active_members >= 2 AND collaborations = 1
GROUP BY week;
