-- feature_adoption.sql: written by `sextant sql --dialect clickhouse` from the engine's own builder.
-- Feature adoption (SEMANTICS.md, Activation and adoption), as rows (part, name, grp, a, b, n):
--   adopters         name = feature event, n = users who used it in the window
--   monthly          name = feature, a = month, n = users who used it that month
--   month_active     a = month, n = users active that month
--   days             name = feature, a = rank, b = microseconds from sign-up to first use, n = adopters:
--                    the ranks around the median and 90th percentile, position (n - 1) * q
--   group            grp = segment ('(none)' without one), n = signed-up users
--   group_adopters   name = feature, grp = segment, n = adopters
-- Features are every event except sign-up, page and screen views and names starting with $.
-- Only signed-up users count; an event is active unless activity.exclude_events lists it (none here).
-- Days are numbered as days since 0001-01-01 in the time zone, weeks as Monday day number / 7, months as year * 12 + month - 1.
-- Parameters, written into the statement (default in brackets):
--   time zone  Europe/Paris [UTC]
--   window     the earliest to the latest event [the earliest to the latest event]
-- Run: clickhouse-client --database DB --max_query_size 10000000 --multiquery < feature_adoption.sql
SELECT part, name, '' AS grp, a, b, n FROM (
    SELECT 'adopters' AS part, event AS name, toInt64(0) AS a, toInt64(0) AS b, toInt64(toInt64(count())) AS n FROM (SELECT uid, event, min(first_at) AS first_use FROM (SELECT uid, event, month, min(ts) AS first_at FROM (
    SELECT uid, event, ts, (toInt64(toYear(d)) * 12 + toInt64(toMonth(d)) - 1) AS month FROM (
        SELECT uid, event, ts, toDate(toDateTime(intDiv(ts, 1000000)), 'Europe/Paris') AS d
        FROM (SELECT if(isNull(user_id), linked_user, assumeNotNull(user_id)) AS uid, ts, event
FROM sextant_events
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id
WHERE isNotNull(user_id) OR linked_user != '') AS user_events WHERE event NOT IN ('$create_alias', '$groupidentify', '$identify', '$merge', '$merge_dangerously') AND lower(event) NOT IN ('page_view', 'page_viewed', 'pageview', 'screen_view', 'screen_viewed', 'sign_up', 'signed_up', 'signup') AND substring(event, 1, 1) <> '$' AND ts >= (SELECT min(ts) FROM sextant_events) AND ts <= (SELECT max(ts) FROM sextant_events)
    ) AS dated_uses
) AS monthly_uses
GROUP BY uid, event, month) AS feature_uses GROUP BY uid, event) AS first_uses GROUP BY event
    UNION ALL
    SELECT 'monthly' AS part, event AS name, toInt64(month) AS a, toInt64(0) AS b, toInt64(toInt64(count())) AS n FROM (SELECT uid, event, month, min(ts) AS first_at FROM (
    SELECT uid, event, ts, (toInt64(toYear(d)) * 12 + toInt64(toMonth(d)) - 1) AS month FROM (
        SELECT uid, event, ts, toDate(toDateTime(intDiv(ts, 1000000)), 'Europe/Paris') AS d
        FROM (SELECT if(isNull(user_id), linked_user, assumeNotNull(user_id)) AS uid, ts, event
FROM sextant_events
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id
WHERE isNotNull(user_id) OR linked_user != '') AS user_events WHERE event NOT IN ('$create_alias', '$groupidentify', '$identify', '$merge', '$merge_dangerously') AND lower(event) NOT IN ('page_view', 'page_viewed', 'pageview', 'screen_view', 'screen_viewed', 'sign_up', 'signed_up', 'signup') AND substring(event, 1, 1) <> '$' AND ts >= (SELECT min(ts) FROM sextant_events) AND ts <= (SELECT max(ts) FROM sextant_events)
    ) AS dated_uses
) AS monthly_uses
GROUP BY uid, event, month) AS feature_uses GROUP BY event, month
    UNION ALL
    SELECT 'days' AS part, k AS name, toInt64(rank) AS a, toInt64(arrayElement(vs, rank + 1)) AS b, toInt64(size) AS n
FROM (SELECT k, arraySort(groupArray(v)) AS vs, toInt64(length(vs)) AS size FROM (SELECT event AS k, greatest(toInt64(0), first_use - cohort_at) AS v FROM (SELECT uid, event, min(first_at) AS first_use FROM (SELECT uid, event, month, min(ts) AS first_at FROM (
    SELECT uid, event, ts, (toInt64(toYear(d)) * 12 + toInt64(toMonth(d)) - 1) AS month FROM (
        SELECT uid, event, ts, toDate(toDateTime(intDiv(ts, 1000000)), 'Europe/Paris') AS d
        FROM (SELECT if(isNull(user_id), linked_user, assumeNotNull(user_id)) AS uid, ts, event
FROM sextant_events
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id
WHERE isNotNull(user_id) OR linked_user != '') AS user_events WHERE event NOT IN ('$create_alias', '$groupidentify', '$identify', '$merge', '$merge_dangerously') AND lower(event) NOT IN ('page_view', 'page_viewed', 'pageview', 'screen_view', 'screen_viewed', 'sign_up', 'signed_up', 'signup') AND substring(event, 1, 1) <> '$' AND ts >= (SELECT min(ts) FROM sextant_events) AND ts <= (SELECT max(ts) FROM sextant_events)
    ) AS dated_uses
) AS monthly_uses
GROUP BY uid, event, month) AS feature_uses GROUP BY uid, event) AS first_uses ALL INNER JOIN (SELECT uid, if(has_profile_signup, profile_signup, first_at) AS cohort_at
FROM (SELECT uid, min(ts) AS first_at, 1 AS has_events FROM (SELECT if(isNull(user_id), linked_user, assumeNotNull(user_id)) AS uid, ts, event
FROM sextant_events
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id
WHERE isNotNull(user_id) OR linked_user != '') AS user_events GROUP BY uid) AS firsts
ALL FULL OUTER JOIN (SELECT assumeNotNull(user_id) AS uid, assumeNotNull(signup_at) AS profile_signup, 1 AS has_profile_signup
    FROM sextant_users_current WHERE isNotNull(signup_at)) AS profiles USING uid) AS signups USING uid) AS samples GROUP BY k) AS sorted
ARRAY JOIN [intDiv(size - 1, 2), intDiv(size - 1, 2) + 1, intDiv((size - 1) * 9, 10), intDiv((size - 1) * 9, 10) + 1] AS rank
WHERE rank < size
    UNION ALL
SELECT 'month_active' AS part, '' AS name, toInt64(month) AS a, toInt64(0) AS b, toInt64(toInt64(uniqExact(uid))) AS n
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
) AS days_of_users) AS active_days WHERE in_events > 0) AS window_days GROUP BY month
) AS feature_rows
UNION ALL
SELECT 'group', '', grp, toInt64(0), toInt64(0), toInt64(count()) FROM (SELECT uid, ifNull(segment, '(none)') AS grp FROM (SELECT DISTINCT uid FROM (
    SELECT assumeNotNull(user_id) AS uid FROM sextant_events WHERE user_id IS NOT NULL
    UNION ALL SELECT assumeNotNull(user_id) AS uid FROM sextant_users_current
    UNION ALL SELECT assumeNotNull(user_id) AS uid FROM sextant_subscriptions_current
    UNION ALL SELECT assumeNotNull(user_id) AS uid FROM sextant_assignments_current
) AS every_user) AS users
ALL LEFT JOIN (SELECT assumeNotNull(user_id) AS uid, segment FROM sextant_users_current) AS profiles USING uid) AS user_groups GROUP BY grp
UNION ALL
SELECT 'group_adopters', event, grp, toInt64(0), toInt64(0), toInt64(count())
FROM (SELECT uid, event, min(first_at) AS first_use FROM (SELECT uid, event, month, min(ts) AS first_at FROM (
    SELECT uid, event, ts, (toInt64(toYear(d)) * 12 + toInt64(toMonth(d)) - 1) AS month FROM (
        SELECT uid, event, ts, toDate(toDateTime(intDiv(ts, 1000000)), 'Europe/Paris') AS d
        FROM (SELECT if(isNull(user_id), linked_user, assumeNotNull(user_id)) AS uid, ts, event
FROM sextant_events
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id
WHERE isNotNull(user_id) OR linked_user != '') AS user_events WHERE event NOT IN ('$create_alias', '$groupidentify', '$identify', '$merge', '$merge_dangerously') AND lower(event) NOT IN ('page_view', 'page_viewed', 'pageview', 'screen_view', 'screen_viewed', 'sign_up', 'signed_up', 'signup') AND substring(event, 1, 1) <> '$' AND ts >= (SELECT min(ts) FROM sextant_events) AND ts <= (SELECT max(ts) FROM sextant_events)
    ) AS dated_uses
) AS monthly_uses
GROUP BY uid, event, month) AS feature_uses GROUP BY uid, event) AS adopters ALL INNER JOIN (SELECT uid, ifNull(segment, '(none)') AS grp FROM (SELECT DISTINCT uid FROM (
    SELECT assumeNotNull(user_id) AS uid FROM sextant_events WHERE user_id IS NOT NULL
    UNION ALL SELECT assumeNotNull(user_id) AS uid FROM sextant_users_current
    UNION ALL SELECT assumeNotNull(user_id) AS uid FROM sextant_subscriptions_current
    UNION ALL SELECT assumeNotNull(user_id) AS uid FROM sextant_assignments_current
) AS every_user) AS users
ALL LEFT JOIN (SELECT assumeNotNull(user_id) AS uid, segment FROM sextant_users_current) AS profiles USING uid) AS user_groups USING uid GROUP BY event, grp;
