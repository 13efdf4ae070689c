-- feature_adoption.sql: written by `sextant sql --dialect duckdb` from the engine's own builder.
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
-- Run: duckdb store.duckdb < feature_adoption.sql
WITH feature_uses AS (
    SELECT uid, event, month, min(ts) AS first_at FROM (
        SELECT uid, event, ts, (CAST(extract(year FROM d) AS BIGINT) * 12 + CAST(extract(month FROM d) AS BIGINT) - 1) AS month FROM (
            SELECT uid, event, ts, CAST(timezone('Europe/Paris', timezone('UTC', make_timestamp(ts))) AS DATE) AS d
            FROM (SELECT coalesce(e.user_id, i.user_id) AS uid, e.ts AS ts, e.event AS event
    FROM sextant_events e
    LEFT JOIN sextant_identity i ON i.anonymous_id = e.anonymous_id
    WHERE e.user_id IS NOT NULL OR i.user_id IS NOT NULL) AS user_events WHERE event NOT IN ('$create_alias', '$groupidentify', '$identify', '$merge', '$merge_dangerously') AND lower(event) NOT IN ('page_view', 'page_viewed', 'pageview', 'screen_view', 'screen_viewed', 'sign_up', 'signed_up', 'signup') AND substr(event, 1, 1) <> '$' AND ts >= (SELECT min(ts) FROM sextant_events) AND ts <= (SELECT max(ts) FROM sextant_events)
        ) AS dated_uses
    ) AS monthly_uses
    GROUP BY uid, event, month
),
first_uses AS (
    SELECT uid, event, min(first_at) AS first_use FROM feature_uses GROUP BY uid, event
),
user_groups AS (
    SELECT uid, coalesce(segment, '(none)') AS grp FROM (SELECT DISTINCT uid FROM (
        SELECT user_id AS uid FROM sextant_events WHERE user_id IS NOT NULL
        UNION ALL SELECT user_id AS uid FROM sextant_users_current
        UNION ALL SELECT user_id AS uid FROM sextant_subscriptions_current
        UNION ALL SELECT user_id AS uid FROM sextant_assignments_current
    ) AS every_user) AS users
    LEFT JOIN (SELECT user_id AS uid, segment FROM sextant_users_current) AS profiles USING (uid)
),
active_days AS (
    SELECT uid, (CAST(d - DATE '1970-01-01' AS BIGINT) + 719162) AS day, (CAST(extract(year FROM d) AS BIGINT) * 12 + CAST(extract(month FROM d) AS BIGINT) - 1) AS month, CAST(in_events AS BIGINT) AS in_events, CAST(collaborated AS BIGINT) AS collaborated
    FROM (
        SELECT uid, d, sum(in_window) AS in_events, max(collaborates) AS collaborated
        FROM (
            SELECT uid, CAST(timezone('Europe/Paris', timezone('UTC', make_timestamp(ts))) AS DATE) AS d, CASE WHEN ts >= (SELECT min(ts) FROM sextant_events) THEN 1 ELSE 0 END AS in_window,
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
user_events AS (
    SELECT coalesce(e.user_id, i.user_id) AS uid, e.ts AS ts, e.event AS event
    FROM sextant_events e
    LEFT JOIN sextant_identity i ON i.anonymous_id = e.anonymous_id
    WHERE e.user_id IS NOT NULL OR i.user_id IS NOT NULL
),
signups AS (
    SELECT coalesce(f.uid, p.user_id) AS uid, coalesce(p.signup_at, f.first_at) AS cohort_at
    FROM (SELECT uid, min(ts) AS first_at FROM user_events GROUP BY uid) AS f
    FULL OUTER JOIN (SELECT user_id, signup_at FROM sextant_users_current WHERE signup_at IS NOT NULL) AS p ON p.user_id = f.uid
)
SELECT part, name, '' AS grp, a, b, n FROM (
    SELECT 'adopters' AS part, event AS name, CAST(0 AS BIGINT) AS a, CAST(0 AS BIGINT) AS b, CAST(CAST(count(*) AS BIGINT) AS BIGINT) AS n FROM first_uses GROUP BY event
    UNION ALL
    SELECT 'monthly' AS part, event AS name, CAST(month AS BIGINT) AS a, CAST(0 AS BIGINT) AS b, CAST(CAST(count(*) AS BIGINT) AS BIGINT) AS n FROM feature_uses GROUP BY event, month
    UNION ALL
    SELECT 'days' AS part, k AS name, CAST(rank AS BIGINT) AS a, CAST(v AS BIGINT) AS b, CAST(size AS BIGINT) AS n
FROM (
    SELECT k, v, row_number() OVER (PARTITION BY k ORDER BY v) - 1 AS rank, count(*) OVER (PARTITION BY k) AS size
    FROM (SELECT event AS k, greatest(CAST(0 AS BIGINT), first_use - cohort_at) AS v FROM first_uses INNER JOIN signups USING (uid)) AS samples
) AS ranked
WHERE rank IN (((size - 1) // 2), ((size - 1) // 2) + 1, (((size - 1) * 9) // 10), (((size - 1) * 9) // 10) + 1)
    UNION ALL
SELECT 'month_active' AS part, '' AS name, CAST(month AS BIGINT) AS a, CAST(0 AS BIGINT) AS b, CAST(CAST(count(DISTINCT uid) AS BIGINT) AS BIGINT) AS n
FROM window_days GROUP BY month
) AS feature_rows
UNION ALL
SELECT 'group', '', grp, CAST(0 AS BIGINT), CAST(0 AS BIGINT), CAST(count(*) AS BIGINT) FROM user_groups GROUP BY grp
UNION ALL
SELECT 'group_adopters', event, grp, CAST(0 AS BIGINT), CAST(0 AS BIGINT), CAST(count(*) AS BIGINT)
FROM first_uses AS adopters INNER JOIN user_groups USING (uid) GROUP BY event, grp;
