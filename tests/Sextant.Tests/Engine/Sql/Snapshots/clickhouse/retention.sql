-- retention.sql: written by `sextant sql --dialect clickhouse` from the engine's own builder.
-- Retention of the signed-up users (SEMANTICS.md, Retention), as rows (part, a, b, n):
--   users       n = signed-up users
--   cohort_day  a = day number of the cohort start (days since 0001-01-01), n = users starting that day
--   cell        a = cohort period, b = period active (on_or_after: latest period active), n = users
--   day_n       a = N, b = cohort day number, n = users active on day N after their cohort start
-- Periods are numbered as day numbers (day), Monday day number / 7 (week) or year * 12 + month - 1 (month).
-- Parameters, written into the statement (default in brackets):
--   time zone  Europe/Paris [UTC]
--   period     month [month]
--   mode       on [on]
--   data end   the latest event [the latest event]
-- Run: clickhouse-client --database DB --max_query_size 10000000 --multiquery < retention.sql
SELECT 'users' AS part, toInt64(0) AS a, toInt64(0) AS b, toInt64(count()) AS n FROM (SELECT DISTINCT uid FROM (
    SELECT assumeNotNull(user_id) AS uid FROM sextant_events WHERE user_id IS NOT NULL
    UNION ALL SELECT assumeNotNull(user_id) AS uid FROM sextant_users_current
    UNION ALL SELECT assumeNotNull(user_id) AS uid FROM sextant_subscriptions_current
    UNION ALL SELECT assumeNotNull(user_id) AS uid FROM sextant_assignments_current
) AS every_user) AS users
UNION ALL
SELECT 'cohort_day', cohort_day, toInt64(0), toInt64(count()) FROM (SELECT uid, cohort_at, (toInt64(toRelativeDayNum(cohort_date)) + 719162) AS cohort_day, (toInt64(toYear(cohort_date)) * 12 + toInt64(toMonth(cohort_date)) - 1) AS cohort_period
FROM (SELECT uid, cohort_at, toDate(toDateTime(intDiv(cohort_at, 1000000)), 'Europe/Paris') AS cohort_date FROM (SELECT uid, if(has_profile_signup, profile_signup, first_at) AS cohort_at
FROM (SELECT uid, min(ts) AS first_at, 1 AS has_events FROM (SELECT if(isNull(user_id), linked_user, assumeNotNull(user_id)) AS uid, ts, event
FROM sextant_events
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id
WHERE isNotNull(user_id) OR linked_user != '') AS user_events GROUP BY uid) AS firsts
ALL FULL OUTER JOIN (SELECT assumeNotNull(user_id) AS uid, assumeNotNull(signup_at) AS profile_signup, 1 AS has_profile_signup
    FROM sextant_users_current WHERE isNotNull(signup_at)) AS profiles USING uid) AS starts WHERE cohort_at <= (SELECT max(ts) FROM sextant_events)) AS dated_starts) AS cohorts GROUP BY cohort_day
UNION ALL
SELECT 'cell', cohort_period, period, toInt64(uniqExact(uid)) FROM (SELECT uid, cohort_day, cohort_period, (toInt64(toRelativeDayNum(active_date)) + 719162) AS day, (toInt64(toYear(active_date)) * 12 + toInt64(toMonth(active_date)) - 1) AS period
FROM (
    SELECT DISTINCT e.uid AS uid, c.cohort_day AS cohort_day, c.cohort_period AS cohort_period, toDate(toDateTime(intDiv(e.ts, 1000000)), 'Europe/Paris') AS active_date
    FROM (SELECT if(isNull(user_id), linked_user, assumeNotNull(user_id)) AS uid, ts, event
FROM sextant_events
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id
WHERE isNotNull(user_id) OR linked_user != '') AS e INNER JOIN (SELECT uid, cohort_at, (toInt64(toRelativeDayNum(cohort_date)) + 719162) AS cohort_day, (toInt64(toYear(cohort_date)) * 12 + toInt64(toMonth(cohort_date)) - 1) AS cohort_period
FROM (SELECT uid, cohort_at, toDate(toDateTime(intDiv(cohort_at, 1000000)), 'Europe/Paris') AS cohort_date FROM (SELECT uid, if(has_profile_signup, profile_signup, first_at) AS cohort_at
FROM (SELECT uid, min(ts) AS first_at, 1 AS has_events FROM (SELECT if(isNull(user_id), linked_user, assumeNotNull(user_id)) AS uid, ts, event
FROM sextant_events
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id
WHERE isNotNull(user_id) OR linked_user != '') AS user_events GROUP BY uid) AS firsts
ALL FULL OUTER JOIN (SELECT assumeNotNull(user_id) AS uid, assumeNotNull(signup_at) AS profile_signup, 1 AS has_profile_signup
    FROM sextant_users_current WHERE isNotNull(signup_at)) AS profiles USING uid) AS starts WHERE cohort_at <= (SELECT max(ts) FROM sextant_events)) AS dated_starts) AS c ON c.uid = e.uid
    WHERE e.event NOT IN ('$create_alias', '$groupidentify', '$identify', '$merge', '$merge_dangerously') AND e.ts >= c.cohort_at AND e.ts <= (SELECT max(ts) FROM sextant_events)
) AS active_days) AS activity GROUP BY cohort_period, period
UNION ALL
SELECT 'day_n', day - cohort_day, cohort_day, toInt64(uniqExact(uid)) FROM (SELECT uid, cohort_day, cohort_period, (toInt64(toRelativeDayNum(active_date)) + 719162) AS day, (toInt64(toYear(active_date)) * 12 + toInt64(toMonth(active_date)) - 1) AS period
FROM (
    SELECT DISTINCT e.uid AS uid, c.cohort_day AS cohort_day, c.cohort_period AS cohort_period, toDate(toDateTime(intDiv(e.ts, 1000000)), 'Europe/Paris') AS active_date
    FROM (SELECT if(isNull(user_id), linked_user, assumeNotNull(user_id)) AS uid, ts, event
FROM sextant_events
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id
WHERE isNotNull(user_id) OR linked_user != '') AS e INNER JOIN (SELECT uid, cohort_at, (toInt64(toRelativeDayNum(cohort_date)) + 719162) AS cohort_day, (toInt64(toYear(cohort_date)) * 12 + toInt64(toMonth(cohort_date)) - 1) AS cohort_period
FROM (SELECT uid, cohort_at, toDate(toDateTime(intDiv(cohort_at, 1000000)), 'Europe/Paris') AS cohort_date FROM (SELECT uid, if(has_profile_signup, profile_signup, first_at) AS cohort_at
FROM (SELECT uid, min(ts) AS first_at, 1 AS has_events FROM (SELECT if(isNull(user_id), linked_user, assumeNotNull(user_id)) AS uid, ts, event
FROM sextant_events
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id
WHERE isNotNull(user_id) OR linked_user != '') AS user_events GROUP BY uid) AS firsts
ALL FULL OUTER JOIN (SELECT assumeNotNull(user_id) AS uid, assumeNotNull(signup_at) AS profile_signup, 1 AS has_profile_signup
    FROM sextant_users_current WHERE isNotNull(signup_at)) AS profiles USING uid) AS starts WHERE cohort_at <= (SELECT max(ts) FROM sextant_events)) AS dated_starts) AS c ON c.uid = e.uid
    WHERE e.event NOT IN ('$create_alias', '$groupidentify', '$identify', '$merge', '$merge_dangerously') AND e.ts >= c.cohort_at AND e.ts <= (SELECT max(ts) FROM sextant_events)
) AS active_days) AS activity
WHERE day - cohort_day IN (1, 7, 14, 30, 60, 90) GROUP BY day - cohort_day, cohort_day;
