-- funnel.sql: written by `sextant sql --dialect duckdb` from the engine's own builder.
-- An ordered funnel (docs/FUNNELS.md) over every entity (users and never-identified visitors), as rows (part, a, b, n):
--   depth     a = furthest step reached (1-based), n = entities
--   previous  a = step index (0-based), b = microseconds from the previous step, n = entities
--   start     a = step index, b = microseconds from step 1, n = entities
--   excluded  n = entities removed by an exclusion event
-- Timings come from the earliest attempt that reached each step.
-- Parameters, written into the statement (default in brackets):
--   steps      signup, create_page, edit_page, share_page|comment|invite_member, upgrade [signup, create_page, edit_page, share_page|comment|invite_member, upgrade]
--   window     1209600000000 µs (14 days) [1209600000000 µs (14 days)]
--   order      ordered [ordered]
-- Run: duckdb store.duckdb < funnel.sql
WITH funnel_events AS (
    SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
    FROM (SELECT coalesce(e.user_id, i.user_id, e.anonymous_id) AS uid, e.ts AS ts, e.event AS event
    FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade')) AS e
    LEFT JOIN sextant_identity i ON e.user_id IS NULL AND i.anonymous_id = e.anonymous_id) AS entity_events
),
reach_0 AS (
    SELECT DISTINCT uid, ts AS start, ts AS t0 FROM funnel_events WHERE step = 0
),
reach_1 AS (
    SELECT a.uid AS uid, a.start AS start, a.t0 AS t0, min(e.ts) AS t1
    FROM reach_0 AS a INNER JOIN funnel_events AS e ON e.uid = a.uid
    WHERE e.step = 1 AND e.ts >= a.t0 AND e.ts <= a.start + 1209600000000
    GROUP BY a.uid, a.start, a.t0
),
reach_2 AS (
    SELECT a.uid AS uid, a.start AS start, a.t0 AS t0, a.t1 AS t1, min(e.ts) AS t2
    FROM reach_1 AS a INNER JOIN funnel_events AS e ON e.uid = a.uid
    WHERE e.step = 2 AND e.ts >= a.t1 AND e.ts <= a.start + 1209600000000
    GROUP BY a.uid, a.start, a.t0, a.t1
),
reach_3 AS (
    SELECT a.uid AS uid, a.start AS start, a.t0 AS t0, a.t1 AS t1, a.t2 AS t2, min(e.ts) AS t3
    FROM reach_2 AS a INNER JOIN funnel_events AS e ON e.uid = a.uid
    WHERE e.step = 3 AND e.ts >= a.t2 AND e.ts <= a.start + 1209600000000
    GROUP BY a.uid, a.start, a.t0, a.t1, a.t2
),
reach_4 AS (
    SELECT a.uid AS uid, a.start AS start, a.t0 AS t0, a.t1 AS t1, a.t2 AS t2, a.t3 AS t3, min(e.ts) AS t4
    FROM reach_3 AS a INNER JOIN funnel_events AS e ON e.uid = a.uid
    WHERE e.step = 4 AND e.ts >= a.t3 AND e.ts <= a.start + 1209600000000
    GROUP BY a.uid, a.start, a.t0, a.t1, a.t2, a.t3
),
earliest_0 AS (
    SELECT a.uid AS uid, a.start AS start, a.t0 AS previous_at, a.t0 AS reached_at
    FROM reach_0 AS a
    INNER JOIN (SELECT uid, min(start) AS first_start FROM reach_0 GROUP BY uid) AS f ON f.uid = a.uid AND f.first_start = a.start
),
earliest_1 AS (
    SELECT a.uid AS uid, a.start AS start, a.t0 AS previous_at, a.t1 AS reached_at
    FROM reach_1 AS a
    INNER JOIN (SELECT uid, min(start) AS first_start FROM reach_1 GROUP BY uid) AS f ON f.uid = a.uid AND f.first_start = a.start
),
earliest_2 AS (
    SELECT a.uid AS uid, a.start AS start, a.t1 AS previous_at, a.t2 AS reached_at
    FROM reach_2 AS a
    INNER JOIN (SELECT uid, min(start) AS first_start FROM reach_2 GROUP BY uid) AS f ON f.uid = a.uid AND f.first_start = a.start
),
earliest_3 AS (
    SELECT a.uid AS uid, a.start AS start, a.t2 AS previous_at, a.t3 AS reached_at
    FROM reach_3 AS a
    INNER JOIN (SELECT uid, min(start) AS first_start FROM reach_3 GROUP BY uid) AS f ON f.uid = a.uid AND f.first_start = a.start
),
earliest_4 AS (
    SELECT a.uid AS uid, a.start AS start, a.t3 AS previous_at, a.t4 AS reached_at
    FROM reach_4 AS a
    INNER JOIN (SELECT uid, min(start) AS first_start FROM reach_4 GROUP BY uid) AS f ON f.uid = a.uid AND f.first_start = a.start
),
deciding_attempts AS (
    SELECT uid, depth, start, reached_at FROM (
        SELECT uid, CAST(1 AS BIGINT) AS depth, start, reached_at FROM earliest_0
        UNION ALL SELECT uid, CAST(2 AS BIGINT) AS depth, start, reached_at FROM earliest_1
        UNION ALL SELECT uid, CAST(3 AS BIGINT) AS depth, start, reached_at FROM earliest_2
        UNION ALL SELECT uid, CAST(4 AS BIGINT) AS depth, start, reached_at FROM earliest_3
        UNION ALL SELECT uid, CAST(5 AS BIGINT) AS depth, start, reached_at FROM earliest_4
    ) AS reached_steps
),
depths AS (
    SELECT uid, max(depth) AS depth FROM deciding_attempts GROUP BY uid
),
excluded AS (
    SELECT uid FROM depths WHERE 1 = 0
)
SELECT 'depth' AS part, depth AS a, CAST(0 AS BIGINT) AS b, CAST(count(*) AS BIGINT) AS n FROM depths WHERE uid NOT IN (SELECT uid FROM excluded) GROUP BY depth
UNION ALL
SELECT 'excluded', CAST(0 AS BIGINT), CAST(0 AS BIGINT), CAST(count(*) AS BIGINT) FROM excluded
UNION ALL
SELECT 'previous', CAST(1 AS BIGINT), reached_at - previous_at, CAST(count(*) AS BIGINT) FROM earliest_1 WHERE uid NOT IN (SELECT uid FROM excluded) GROUP BY reached_at - previous_at
UNION ALL
SELECT 'start', CAST(1 AS BIGINT), reached_at - start, CAST(count(*) AS BIGINT) FROM earliest_1 WHERE uid NOT IN (SELECT uid FROM excluded) GROUP BY reached_at - start
UNION ALL
SELECT 'previous', CAST(2 AS BIGINT), reached_at - previous_at, CAST(count(*) AS BIGINT) FROM earliest_2 WHERE uid NOT IN (SELECT uid FROM excluded) GROUP BY reached_at - previous_at
UNION ALL
SELECT 'start', CAST(2 AS BIGINT), reached_at - start, CAST(count(*) AS BIGINT) FROM earliest_2 WHERE uid NOT IN (SELECT uid FROM excluded) GROUP BY reached_at - start
UNION ALL
SELECT 'previous', CAST(3 AS BIGINT), reached_at - previous_at, CAST(count(*) AS BIGINT) FROM earliest_3 WHERE uid NOT IN (SELECT uid FROM excluded) GROUP BY reached_at - previous_at
UNION ALL
SELECT 'start', CAST(3 AS BIGINT), reached_at - start, CAST(count(*) AS BIGINT) FROM earliest_3 WHERE uid NOT IN (SELECT uid FROM excluded) GROUP BY reached_at - start
UNION ALL
SELECT 'previous', CAST(4 AS BIGINT), reached_at - previous_at, CAST(count(*) AS BIGINT) FROM earliest_4 WHERE uid NOT IN (SELECT uid FROM excluded) GROUP BY reached_at - previous_at
UNION ALL
SELECT 'start', CAST(4 AS BIGINT), reached_at - start, CAST(count(*) AS BIGINT) FROM earliest_4 WHERE uid NOT IN (SELECT uid FROM excluded) GROUP BY reached_at - start;
