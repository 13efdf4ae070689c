-- dau_wau_mau.sql: written by `sextant sql --dialect clickhouse` from the engine's own builder.
-- Daily, weekly and monthly active users (SEMANTICS.md, Activity), as rows (part, name, a, b, n):
--   dau                a = day, n = users active that day
--   week / month       a = week / month, n = users active in it
--   wau_in / wau_out   a = day, n = users whose run of 7-day coverage starts / ends that day
--   mau_in / mau_out   the same for 30 days: WAU (MAU) on day d = sum of _in minus _out rows up to d
-- Only signed-up users count; an event is active unless activity.exclude_events lists it (none here).
-- Days are numbered as days since 0001-01-01 in the time zone, weeks as Monday day number / 7, months as year * 12 + month - 1.
-- Parameters, written into the statement (default in brackets):
--   time zone  Europe/Paris [UTC]
--   window     the earliest to the latest event [the earliest to the latest event]
-- Run: clickhouse-client --database DB --max_query_size 10000000 --multiquery < dau_wau_mau.sql
SELECT 'dau' AS part, '' AS name, toInt64(day) AS a, toInt64(0) AS b, toInt64(toInt64(count())) AS n FROM (SELECT uid, day, month, in_events, collaborated FROM (SELECT uid, (toInt64(toRelativeDayNum(d)) + 719162) AS day, (toInt64(toYear(d)) * 12 + toInt64(toMonth(d)) - 1) AS month, toInt64(in_events) AS in_events, toInt64(collaborated) AS collaborated
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
) AS days_of_users) AS active_days WHERE in_events > 0) AS window_days GROUP BY day
UNION ALL
SELECT 'week' AS part, '' AS name, toInt64(week) AS a, toInt64(0) AS b, toInt64(toInt64(uniqExact(uid))) AS n FROM (SELECT uid, intDiv(day, 7) AS week FROM (SELECT uid, day, month, in_events, collaborated FROM (SELECT uid, (toInt64(toRelativeDayNum(d)) + 719162) AS day, (toInt64(toYear(d)) * 12 + toInt64(toMonth(d)) - 1) AS month, toInt64(in_events) AS in_events, toInt64(collaborated) AS collaborated
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
) AS days_of_users) AS active_days WHERE in_events > 0) AS window_days) AS weeks GROUP BY week
UNION ALL
SELECT 'month' AS part, '' AS name, toInt64(month) AS a, toInt64(0) AS b, toInt64(toInt64(uniqExact(uid))) AS n FROM (SELECT uid, day, month, in_events, collaborated FROM (SELECT uid, (toInt64(toRelativeDayNum(d)) + 719162) AS day, (toInt64(toYear(d)) * 12 + toInt64(toMonth(d)) - 1) AS month, toInt64(in_events) AS in_events, toInt64(collaborated) AS collaborated
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
) AS days_of_users) AS active_days WHERE in_events > 0) AS window_days GROUP BY month
UNION ALL
SELECT 'wau_in' AS part, '' AS name, toInt64(starts) AS a, toInt64(0) AS b, toInt64(toInt64(count())) AS n FROM (SELECT greatest(day, prev_day + 7) AS starts FROM (SELECT uid, day, prev_day
FROM (SELECT uid, arraySort(groupArray(day)) AS user_days FROM (SELECT uid, day, month, in_events, collaborated FROM (SELECT uid, (toInt64(toRelativeDayNum(d)) + 719162) AS day, (toInt64(toYear(d)) * 12 + toInt64(toMonth(d)) - 1) AS month, toInt64(in_events) AS in_events, toInt64(collaborated) AS collaborated
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
) AS days_of_users) AS active_days WHERE in_events > 0) AS window_days GROUP BY uid) AS per_user
ARRAY JOIN user_days AS day, arrayPopBack(arrayPushFront(user_days, toInt64(-100000))) AS prev_day) AS gaps) AS run_starts GROUP BY starts
UNION ALL
SELECT 'wau_out' AS part, '' AS name, toInt64(ends) AS a, toInt64(0) AS b, toInt64(toInt64(count())) AS n FROM (SELECT day + 7 AS ends FROM (SELECT uid, day, prev_day
FROM (SELECT uid, arraySort(groupArray(day)) AS user_days FROM (SELECT uid, day, month, in_events, collaborated FROM (SELECT uid, (toInt64(toRelativeDayNum(d)) + 719162) AS day, (toInt64(toYear(d)) * 12 + toInt64(toMonth(d)) - 1) AS month, toInt64(in_events) AS in_events, toInt64(collaborated) AS collaborated
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
) AS days_of_users) AS active_days WHERE in_events > 0) AS window_days GROUP BY uid) AS per_user
ARRAY JOIN user_days AS day, arrayPopBack(arrayPushFront(user_days, toInt64(-100000))) AS prev_day) AS gaps) AS run_ends GROUP BY ends
UNION ALL
SELECT 'mau_in' AS part, '' AS name, toInt64(starts) AS a, toInt64(0) AS b, toInt64(toInt64(count())) AS n FROM (SELECT greatest(day, prev_day + 30) AS starts FROM (SELECT uid, day, prev_day
FROM (SELECT uid, arraySort(groupArray(day)) AS user_days FROM (SELECT uid, day, month, in_events, collaborated FROM (SELECT uid, (toInt64(toRelativeDayNum(d)) + 719162) AS day, (toInt64(toYear(d)) * 12 + toInt64(toMonth(d)) - 1) AS month, toInt64(in_events) AS in_events, toInt64(collaborated) AS collaborated
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
) AS days_of_users) AS active_days WHERE in_events > 0) AS window_days GROUP BY uid) AS per_user
ARRAY JOIN user_days AS day, arrayPopBack(arrayPushFront(user_days, toInt64(-100000))) AS prev_day) AS gaps) AS run_starts GROUP BY starts
UNION ALL
SELECT 'mau_out' AS part, '' AS name, toInt64(ends) AS a, toInt64(0) AS b, toInt64(toInt64(count())) AS n FROM (SELECT day + 30 AS ends FROM (SELECT uid, day, prev_day
FROM (SELECT uid, arraySort(groupArray(day)) AS user_days FROM (SELECT uid, day, month, in_events, collaborated FROM (SELECT uid, (toInt64(toRelativeDayNum(d)) + 719162) AS day, (toInt64(toYear(d)) * 12 + toInt64(toMonth(d)) - 1) AS month, toInt64(in_events) AS in_events, toInt64(collaborated) AS collaborated
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
) AS days_of_users) AS active_days WHERE in_events > 0) AS window_days GROUP BY uid) AS per_user
ARRAY JOIN user_days AS day, arrayPopBack(arrayPushFront(user_days, toInt64(-100000))) AS prev_day) AS gaps) AS run_ends GROUP BY ends;
