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
WITH funnel_events AS MATERIALIZED (
    SELECT uid, ts, step
    FROM (SELECT coalesce(e.user_id, i.user_id, e.anonymous_id) AS uid, e.ts AS ts, e.event AS event, e.step AS step
    FROM (SELECT user_id, anonymous_id, ts, event, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 ELSE -1 END AS step FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade')) AS e
    LEFT JOIN sextant_identity i ON i.anonymous_id = e.anonymous_id) AS entity_events
),
reach_0 AS MATERIALIZED (
    SELECT DISTINCT uid, ts AS start, ts AS previous_at, ts AS reached_at FROM funnel_events WHERE step = 0
),
reach_1 AS MATERIALIZED (
    SELECT uid, start, previous_at, reached_at
    FROM (
        SELECT uid, start, instant AS previous_at, kind,
            min(step_at) OVER (PARTITION BY uid ORDER BY instant DESC, kind DESC ROWS UNBOUNDED PRECEDING) AS reached_at
        FROM (
            SELECT uid, start, reached_at AS instant, 0 AS kind, CAST(NULL AS BIGINT) AS step_at FROM reach_0
            UNION ALL
            SELECT uid, CAST(NULL AS BIGINT), ts, 1, ts FROM funnel_events WHERE step = 1
        ) AS attempts_and_steps
    ) AS next_steps
    WHERE kind = 0 AND reached_at <= start + 1209600000000
),
reach_2 AS MATERIALIZED (
    SELECT uid, start, previous_at, reached_at
    FROM (
        SELECT uid, start, instant AS previous_at, kind,
            min(step_at) OVER (PARTITION BY uid ORDER BY instant DESC, kind DESC ROWS UNBOUNDED PRECEDING) AS reached_at
        FROM (
            SELECT uid, start, reached_at AS instant, 0 AS kind, CAST(NULL AS BIGINT) AS step_at FROM reach_1
            UNION ALL
            SELECT uid, CAST(NULL AS BIGINT), ts, 1, ts FROM funnel_events WHERE step = 2
        ) AS attempts_and_steps
    ) AS next_steps
    WHERE kind = 0 AND reached_at <= start + 1209600000000
),
reach_3 AS MATERIALIZED (
    SELECT uid, start, previous_at, reached_at
    FROM (
        SELECT uid, start, instant AS previous_at, kind,
            min(step_at) OVER (PARTITION BY uid ORDER BY instant DESC, kind DESC ROWS UNBOUNDED PRECEDING) AS reached_at
        FROM (
            SELECT uid, start, reached_at AS instant, 0 AS kind, CAST(NULL AS BIGINT) AS step_at FROM reach_2
            UNION ALL
            SELECT uid, CAST(NULL AS BIGINT), ts, 1, ts FROM funnel_events WHERE step = 3
        ) AS attempts_and_steps
    ) AS next_steps
    WHERE kind = 0 AND reached_at <= start + 1209600000000
),
reach_4 AS MATERIALIZED (
    SELECT uid, start, previous_at, reached_at
    FROM (
        SELECT uid, start, instant AS previous_at, kind,
            min(step_at) OVER (PARTITION BY uid ORDER BY instant DESC, kind DESC ROWS UNBOUNDED PRECEDING) AS reached_at
        FROM (
            SELECT uid, start, reached_at AS instant, 0 AS kind, CAST(NULL AS BIGINT) AS step_at FROM reach_3
            UNION ALL
            SELECT uid, CAST(NULL AS BIGINT), ts, 1, ts FROM funnel_events WHERE step = 4
        ) AS attempts_and_steps
    ) AS next_steps
    WHERE kind = 0 AND reached_at <= start + 1209600000000
),
earliest_0 AS MATERIALIZED (
    SELECT uid, start, previous_at, reached_at
    FROM reach_0
    INNER JOIN (SELECT uid, min(start) AS start FROM reach_0 GROUP BY uid) AS earliest USING (uid, start)
),
earliest_1 AS MATERIALIZED (
    SELECT uid, start, previous_at, reached_at
    FROM reach_1
    INNER JOIN (SELECT uid, min(start) AS start FROM reach_1 GROUP BY uid) AS earliest USING (uid, start)
),
earliest_2 AS MATERIALIZED (
    SELECT uid, start, previous_at, reached_at
    FROM reach_2
    INNER JOIN (SELECT uid, min(start) AS start FROM reach_2 GROUP BY uid) AS earliest USING (uid, start)
),
earliest_3 AS MATERIALIZED (
    SELECT uid, start, previous_at, reached_at
    FROM reach_3
    INNER JOIN (SELECT uid, min(start) AS start FROM reach_3 GROUP BY uid) AS earliest USING (uid, start)
),
earliest_4 AS MATERIALIZED (
    SELECT uid, start, previous_at, reached_at
    FROM reach_4
    INNER JOIN (SELECT uid, min(start) AS start FROM reach_4 GROUP BY uid) AS earliest USING (uid, start)
),
deciding_attempts AS MATERIALIZED (
    SELECT uid, depth, start, reached_at FROM (
        SELECT uid, CAST(1 AS BIGINT) AS depth, start, reached_at FROM earliest_0
        UNION ALL SELECT uid, CAST(2 AS BIGINT) AS depth, start, reached_at FROM earliest_1
        UNION ALL SELECT uid, CAST(3 AS BIGINT) AS depth, start, reached_at FROM earliest_2
        UNION ALL SELECT uid, CAST(4 AS BIGINT) AS depth, start, reached_at FROM earliest_3
        UNION ALL SELECT uid, CAST(5 AS BIGINT) AS depth, start, reached_at FROM earliest_4
    ) AS reached_steps
),
depths AS MATERIALIZED (
    SELECT uid, furthest AS depth FROM (SELECT uid, max(depth) AS furthest FROM deciding_attempts GROUP BY uid) AS furthest_steps
),
excluded AS MATERIALIZED (
    SELECT uid FROM depths WHERE 1 = 0
),
timings AS MATERIALIZED (
    SELECT uid, CAST(1 AS BIGINT) AS step, reached_at - previous_at AS from_previous, reached_at - start AS from_start FROM earliest_1
    UNION ALL
    SELECT uid, CAST(2 AS BIGINT) AS step, reached_at - previous_at AS from_previous, reached_at - start AS from_start FROM earliest_2
    UNION ALL
    SELECT uid, CAST(3 AS BIGINT) AS step, reached_at - previous_at AS from_previous, reached_at - start AS from_start FROM earliest_3
    UNION ALL
    SELECT uid, CAST(4 AS BIGINT) AS step, reached_at - previous_at AS from_previous, reached_at - start AS from_start FROM earliest_4
)
SELECT 'depth' AS part, depth AS a, CAST(0 AS BIGINT) AS b, CAST(count(*) AS BIGINT) AS n FROM depths AS counted WHERE NOT EXISTS (SELECT 1 FROM excluded AS x WHERE x.uid = counted.uid) GROUP BY depth
UNION ALL
SELECT 'excluded', CAST(0 AS BIGINT), CAST(0 AS BIGINT), CAST(count(*) AS BIGINT) FROM excluded
UNION ALL
SELECT 'previous', step, from_previous, CAST(count(*) AS BIGINT) FROM timings AS counted WHERE NOT EXISTS (SELECT 1 FROM excluded AS x WHERE x.uid = counted.uid) GROUP BY step, from_previous
UNION ALL
SELECT 'start', step, from_start, CAST(count(*) AS BIGINT) FROM timings AS counted WHERE NOT EXISTS (SELECT 1 FROM excluded AS x WHERE x.uid = counted.uid) GROUP BY step, from_start;
