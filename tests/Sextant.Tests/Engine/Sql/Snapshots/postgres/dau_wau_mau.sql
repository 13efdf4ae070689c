-- dau_wau_mau.sql: written by `sextant sql --dialect postgres` from the engine's own builder.
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
-- Run: psql "postgres://USER@HOST/DB" -f dau_wau_mau.sql
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
gaps AS (
    SELECT uid, day, lag(day, 1, CAST(-100000 AS BIGINT)) OVER (PARTITION BY uid ORDER BY day) AS prev_day FROM window_days
)
SELECT 'dau' AS part, '' AS name, CAST(day AS BIGINT) AS a, CAST(0 AS BIGINT) AS b, CAST(CAST(count(*) AS BIGINT) AS BIGINT) AS n FROM window_days GROUP BY day
UNION ALL
SELECT 'week' AS part, '' AS name, CAST(week AS BIGINT) AS a, CAST(0 AS BIGINT) AS b, CAST(CAST(count(DISTINCT uid) AS BIGINT) AS BIGINT) AS n FROM (SELECT uid, (day / 7) AS week FROM window_days) AS weeks GROUP BY week
UNION ALL
SELECT 'month' AS part, '' AS name, CAST(month AS BIGINT) AS a, CAST(0 AS BIGINT) AS b, CAST(CAST(count(DISTINCT uid) AS BIGINT) AS BIGINT) AS n FROM window_days GROUP BY month
UNION ALL
SELECT 'wau_in' AS part, '' AS name, CAST(starts AS BIGINT) AS a, CAST(0 AS BIGINT) AS b, CAST(CAST(count(*) AS BIGINT) AS BIGINT) AS n FROM (SELECT greatest(day, prev_day + 7) AS starts FROM gaps) AS run_starts GROUP BY starts
UNION ALL
SELECT 'wau_out' AS part, '' AS name, CAST(ends AS BIGINT) AS a, CAST(0 AS BIGINT) AS b, CAST(CAST(count(*) AS BIGINT) AS BIGINT) AS n FROM (SELECT day + 7 AS ends FROM gaps) AS run_ends GROUP BY ends
UNION ALL
SELECT 'mau_in' AS part, '' AS name, CAST(starts AS BIGINT) AS a, CAST(0 AS BIGINT) AS b, CAST(CAST(count(*) AS BIGINT) AS BIGINT) AS n FROM (SELECT greatest(day, prev_day + 30) AS starts FROM gaps) AS run_starts GROUP BY starts
UNION ALL
SELECT 'mau_out' AS part, '' AS name, CAST(ends AS BIGINT) AS a, CAST(0 AS BIGINT) AS b, CAST(CAST(count(*) AS BIGINT) AS BIGINT) AS n FROM (SELECT day + 30 AS ends FROM gaps) AS run_ends GROUP BY ends;
