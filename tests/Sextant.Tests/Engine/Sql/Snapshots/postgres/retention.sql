-- retention.sql: written by `sextant sql --dialect postgres` from the engine's own builder.
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
-- Run: psql "postgres://USER@HOST/DB" -f retention.sql
WITH user_events AS (
    SELECT coalesce(e.user_id, i.user_id) AS uid, e.ts AS ts, e.event AS event
    FROM sextant_events e
    LEFT JOIN sextant_identity i ON i.anonymous_id = e.anonymous_id
    WHERE e.user_id IS NOT NULL OR i.user_id IS NOT NULL
),
starts AS (
    SELECT coalesce(f.uid, p.user_id) AS uid, coalesce(p.signup_at, f.first_at) AS cohort_at
    FROM (SELECT uid, min(ts) AS first_at FROM user_events GROUP BY uid) AS f
    FULL OUTER JOIN (SELECT user_id, signup_at FROM sextant_users_current WHERE signup_at IS NOT NULL) AS p ON p.user_id = f.uid
),
cohorts AS (
    SELECT uid, cohort_at, (CAST(cohort_date - DATE '1970-01-01' AS BIGINT) + 719162) AS cohort_day, (CAST(extract(year FROM cohort_date) AS BIGINT) * 12 + CAST(extract(month FROM cohort_date) AS BIGINT) - 1) AS cohort_period
    FROM (SELECT uid, cohort_at, CAST((to_timestamp(0) + cohort_at * INTERVAL '1 microsecond') AT TIME ZONE 'Europe/Paris' AS DATE) AS cohort_date FROM starts WHERE cohort_at <= (SELECT max(ts) FROM sextant_events)) AS dated_starts
),
activity AS (
    SELECT uid, cohort_day, cohort_period, (CAST(active_date - DATE '1970-01-01' AS BIGINT) + 719162) AS day, (CAST(extract(year FROM active_date) AS BIGINT) * 12 + CAST(extract(month FROM active_date) AS BIGINT) - 1) AS period
    FROM (
        SELECT DISTINCT e.uid AS uid, c.cohort_day AS cohort_day, c.cohort_period AS cohort_period, CAST((to_timestamp(0) + e.ts * INTERVAL '1 microsecond') AT TIME ZONE 'Europe/Paris' AS DATE) AS active_date
        FROM user_events AS e INNER JOIN cohorts AS c ON c.uid = e.uid
        WHERE e.event NOT IN ('$create_alias', '$groupidentify', '$identify', '$merge', '$merge_dangerously') AND e.ts >= c.cohort_at AND e.ts <= (SELECT max(ts) FROM sextant_events)
    ) AS active_days
)
SELECT 'users' AS part, CAST(0 AS BIGINT) AS a, CAST(0 AS BIGINT) AS b, CAST(count(*) AS BIGINT) AS n FROM (SELECT DISTINCT uid FROM (
    SELECT user_id AS uid FROM sextant_events WHERE user_id IS NOT NULL
    UNION ALL SELECT user_id AS uid FROM sextant_users_current
    UNION ALL SELECT user_id AS uid FROM sextant_subscriptions_current
    UNION ALL SELECT user_id AS uid FROM sextant_assignments_current
) AS every_user) AS users
UNION ALL
SELECT 'cohort_day', cohort_day, CAST(0 AS BIGINT), CAST(count(*) AS BIGINT) FROM cohorts GROUP BY cohort_day
UNION ALL
SELECT 'cell', cohort_period, period, CAST(count(DISTINCT uid) AS BIGINT) FROM activity GROUP BY cohort_period, period
UNION ALL
SELECT 'day_n', day - cohort_day, cohort_day, CAST(count(DISTINCT uid) AS BIGINT) FROM activity
WHERE day - cohort_day IN (1, 7, 14, 30, 60, 90) GROUP BY day - cohort_day, cohort_day;
