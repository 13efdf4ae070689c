-- power_users.sql: written by `sextant sql --dialect clickhouse` from the engine's own builder.
-- Power users (SEMANTICS.md, Activity), as rows (part, name, a, b, n) over users active in the window:
--   l7 / l30   a = active days among the final 7 / 30 complete days, n = users
--   events     a = active events in the window, n = users
-- Signed-up users without an active day in the window are not in the rows (0 days).
-- Only signed-up users count; an event is active unless activity.exclude_events lists it (none here).
-- Days are numbered as days since 0001-01-01 in the time zone, weeks as Monday day number / 7, months as year * 12 + month - 1.
-- Parameters, written into the statement (default in brackets):
--   time zone  Europe/Paris [UTC]
--   window     the earliest to the latest event [the earliest to the latest event]
-- Run: clickhouse-client --database DB --max_query_size 10000000 --multiquery < power_users.sql
SELECT 'l7' AS part, '' AS name, toInt64(days7) AS a, toInt64(0) AS b, toInt64(toInt64(count())) AS n FROM (SELECT uid,
    toInt64(sum(CASE WHEN day <= ((toInt64(toRelativeDayNum(toDate(toDateTime(intDiv(((SELECT max(ts) FROM sextant_events) + 1), 1000000)), 'Europe/Paris'))) + 719162) - 1) AND day > ((toInt64(toRelativeDayNum(toDate(toDateTime(intDiv(((SELECT max(ts) FROM sextant_events) + 1), 1000000)), 'Europe/Paris'))) + 719162) - 1) - 7 THEN 1 ELSE 0 END)) AS days7,
    toInt64(sum(CASE WHEN day <= ((toInt64(toRelativeDayNum(toDate(toDateTime(intDiv(((SELECT max(ts) FROM sextant_events) + 1), 1000000)), 'Europe/Paris'))) + 719162) - 1) AND day > ((toInt64(toRelativeDayNum(toDate(toDateTime(intDiv(((SELECT max(ts) FROM sextant_events) + 1), 1000000)), 'Europe/Paris'))) + 719162) - 1) - 30 THEN 1 ELSE 0 END)) AS days30,
    toInt64(sum(in_events)) AS events
FROM (SELECT uid, day, month, in_events, collaborated FROM (SELECT uid, (toInt64(toRelativeDayNum(d)) + 719162) AS day, (toInt64(toYear(d)) * 12 + toInt64(toMonth(d)) - 1) AS month, toInt64(in_events) AS in_events, toInt64(collaborated) AS collaborated
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
) AS days_of_users) AS active_days WHERE in_events > 0) AS window_days
GROUP BY uid) AS power_users GROUP BY days7
UNION ALL
SELECT 'l30' AS part, '' AS name, toInt64(days30) AS a, toInt64(0) AS b, toInt64(toInt64(count())) AS n FROM (SELECT uid,
    toInt64(sum(CASE WHEN day <= ((toInt64(toRelativeDayNum(toDate(toDateTime(intDiv(((SELECT max(ts) FROM sextant_events) + 1), 1000000)), 'Europe/Paris'))) + 719162) - 1) AND day > ((toInt64(toRelativeDayNum(toDate(toDateTime(intDiv(((SELECT max(ts) FROM sextant_events) + 1), 1000000)), 'Europe/Paris'))) + 719162) - 1) - 7 THEN 1 ELSE 0 END)) AS days7,
    toInt64(sum(CASE WHEN day <= ((toInt64(toRelativeDayNum(toDate(toDateTime(intDiv(((SELECT max(ts) FROM sextant_events) + 1), 1000000)), 'Europe/Paris'))) + 719162) - 1) AND day > ((toInt64(toRelativeDayNum(toDate(toDateTime(intDiv(((SELECT max(ts) FROM sextant_events) + 1), 1000000)), 'Europe/Paris'))) + 719162) - 1) - 30 THEN 1 ELSE 0 END)) AS days30,
    toInt64(sum(in_events)) AS events
FROM (SELECT uid, day, month, in_events, collaborated FROM (SELECT uid, (toInt64(toRelativeDayNum(d)) + 719162) AS day, (toInt64(toYear(d)) * 12 + toInt64(toMonth(d)) - 1) AS month, toInt64(in_events) AS in_events, toInt64(collaborated) AS collaborated
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
) AS days_of_users) AS active_days WHERE in_events > 0) AS window_days
GROUP BY uid) AS power_users GROUP BY days30
UNION ALL
SELECT 'events' AS part, '' AS name, toInt64(events) AS a, toInt64(0) AS b, toInt64(toInt64(count())) AS n FROM (SELECT uid,
    toInt64(sum(CASE WHEN day <= ((toInt64(toRelativeDayNum(toDate(toDateTime(intDiv(((SELECT max(ts) FROM sextant_events) + 1), 1000000)), 'Europe/Paris'))) + 719162) - 1) AND day > ((toInt64(toRelativeDayNum(toDate(toDateTime(intDiv(((SELECT max(ts) FROM sextant_events) + 1), 1000000)), 'Europe/Paris'))) + 719162) - 1) - 7 THEN 1 ELSE 0 END)) AS days7,
    toInt64(sum(CASE WHEN day <= ((toInt64(toRelativeDayNum(toDate(toDateTime(intDiv(((SELECT max(ts) FROM sextant_events) + 1), 1000000)), 'Europe/Paris'))) + 719162) - 1) AND day > ((toInt64(toRelativeDayNum(toDate(toDateTime(intDiv(((SELECT max(ts) FROM sextant_events) + 1), 1000000)), 'Europe/Paris'))) + 719162) - 1) - 30 THEN 1 ELSE 0 END)) AS days30,
    toInt64(sum(in_events)) AS events
FROM (SELECT uid, day, month, in_events, collaborated FROM (SELECT uid, (toInt64(toRelativeDayNum(d)) + 719162) AS day, (toInt64(toYear(d)) * 12 + toInt64(toMonth(d)) - 1) AS month, toInt64(in_events) AS in_events, toInt64(collaborated) AS collaborated
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
) AS days_of_users) AS active_days WHERE in_events > 0) AS window_days
GROUP BY uid) AS power_users GROUP BY events;
