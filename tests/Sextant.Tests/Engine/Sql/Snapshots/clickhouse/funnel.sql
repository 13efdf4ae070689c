-- funnel.sql: written by `sextant sql --dialect clickhouse` from the engine's own builder.
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
-- Run: clickhouse-client --database DB --max_query_size 10000000 --multiquery < funnel.sql
SELECT 'depth' AS part, depth AS a, toInt64(0) AS b, toInt64(count()) AS n FROM (SELECT uid, furthest AS depth FROM (SELECT uid, max(depth) AS furthest FROM (SELECT uid, depth, start, reached_at FROM (
    SELECT uid, toInt64(1) AS depth, start, reached_at FROM (SELECT uid, first_start AS start, previous_at, reached_at
FROM (SELECT uid, min(start) AS first_start, argMin(t0, start) AS previous_at, argMin(t0, start) AS reached_at FROM (SELECT DISTINCT uid, ts AS start, ts AS t0 FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 0) AS reach_0 GROUP BY uid) AS earliest) AS earliest_0
    UNION ALL SELECT uid, toInt64(2) AS depth, start, reached_at FROM (SELECT uid, first_start AS start, previous_at, reached_at
FROM (SELECT uid, min(start) AS first_start, argMin(t0, start) AS previous_at, argMin(t1, start) AS reached_at FROM (SELECT uid, start, t0, min(step_at) AS t1
FROM (SELECT DISTINCT uid, ts AS start, ts AS t0 FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 0) AS reach_0
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 1) AS step_events USING uid
WHERE step_at >= t0 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0) AS reach_1 GROUP BY uid) AS earliest) AS earliest_1
    UNION ALL SELECT uid, toInt64(3) AS depth, start, reached_at FROM (SELECT uid, first_start AS start, previous_at, reached_at
FROM (SELECT uid, min(start) AS first_start, argMin(t1, start) AS previous_at, argMin(t2, start) AS reached_at FROM (SELECT uid, start, t0, t1, min(step_at) AS t2
FROM (SELECT uid, start, t0, min(step_at) AS t1
FROM (SELECT DISTINCT uid, ts AS start, ts AS t0 FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 0) AS reach_0
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 1) AS step_events USING uid
WHERE step_at >= t0 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0) AS reach_1
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 2) AS step_events USING uid
WHERE step_at >= t1 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1) AS reach_2 GROUP BY uid) AS earliest) AS earliest_2
    UNION ALL SELECT uid, toInt64(4) AS depth, start, reached_at FROM (SELECT uid, first_start AS start, previous_at, reached_at
FROM (SELECT uid, min(start) AS first_start, argMin(t2, start) AS previous_at, argMin(t3, start) AS reached_at FROM (SELECT uid, start, t0, t1, t2, min(step_at) AS t3
FROM (SELECT uid, start, t0, t1, min(step_at) AS t2
FROM (SELECT uid, start, t0, min(step_at) AS t1
FROM (SELECT DISTINCT uid, ts AS start, ts AS t0 FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 0) AS reach_0
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 1) AS step_events USING uid
WHERE step_at >= t0 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0) AS reach_1
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 2) AS step_events USING uid
WHERE step_at >= t1 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1) AS reach_2
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 3) AS step_events USING uid
WHERE step_at >= t2 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1, t2) AS reach_3 GROUP BY uid) AS earliest) AS earliest_3
    UNION ALL SELECT uid, toInt64(5) AS depth, start, reached_at FROM (SELECT uid, first_start AS start, previous_at, reached_at
FROM (SELECT uid, min(start) AS first_start, argMin(t3, start) AS previous_at, argMin(t4, start) AS reached_at FROM (SELECT uid, start, t0, t1, t2, t3, min(step_at) AS t4
FROM (SELECT uid, start, t0, t1, t2, min(step_at) AS t3
FROM (SELECT uid, start, t0, t1, min(step_at) AS t2
FROM (SELECT uid, start, t0, min(step_at) AS t1
FROM (SELECT DISTINCT uid, ts AS start, ts AS t0 FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 0) AS reach_0
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 1) AS step_events USING uid
WHERE step_at >= t0 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0) AS reach_1
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 2) AS step_events USING uid
WHERE step_at >= t1 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1) AS reach_2
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 3) AS step_events USING uid
WHERE step_at >= t2 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1, t2) AS reach_3
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 4) AS step_events USING uid
WHERE step_at >= t3 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1, t2, t3) AS reach_4 GROUP BY uid) AS earliest) AS earliest_4
) AS reached_steps) AS deciding_attempts GROUP BY uid) AS furthest_steps) AS depths WHERE uid NOT IN (SELECT uid FROM (SELECT uid FROM (SELECT uid, furthest AS depth FROM (SELECT uid, max(depth) AS furthest FROM (SELECT uid, depth, start, reached_at FROM (
    SELECT uid, toInt64(1) AS depth, start, reached_at FROM (SELECT uid, first_start AS start, previous_at, reached_at
FROM (SELECT uid, min(start) AS first_start, argMin(t0, start) AS previous_at, argMin(t0, start) AS reached_at FROM (SELECT DISTINCT uid, ts AS start, ts AS t0 FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 0) AS reach_0 GROUP BY uid) AS earliest) AS earliest_0
    UNION ALL SELECT uid, toInt64(2) AS depth, start, reached_at FROM (SELECT uid, first_start AS start, previous_at, reached_at
FROM (SELECT uid, min(start) AS first_start, argMin(t0, start) AS previous_at, argMin(t1, start) AS reached_at FROM (SELECT uid, start, t0, min(step_at) AS t1
FROM (SELECT DISTINCT uid, ts AS start, ts AS t0 FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 0) AS reach_0
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 1) AS step_events USING uid
WHERE step_at >= t0 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0) AS reach_1 GROUP BY uid) AS earliest) AS earliest_1
    UNION ALL SELECT uid, toInt64(3) AS depth, start, reached_at FROM (SELECT uid, first_start AS start, previous_at, reached_at
FROM (SELECT uid, min(start) AS first_start, argMin(t1, start) AS previous_at, argMin(t2, start) AS reached_at FROM (SELECT uid, start, t0, t1, min(step_at) AS t2
FROM (SELECT uid, start, t0, min(step_at) AS t1
FROM (SELECT DISTINCT uid, ts AS start, ts AS t0 FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 0) AS reach_0
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 1) AS step_events USING uid
WHERE step_at >= t0 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0) AS reach_1
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 2) AS step_events USING uid
WHERE step_at >= t1 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1) AS reach_2 GROUP BY uid) AS earliest) AS earliest_2
    UNION ALL SELECT uid, toInt64(4) AS depth, start, reached_at FROM (SELECT uid, first_start AS start, previous_at, reached_at
FROM (SELECT uid, min(start) AS first_start, argMin(t2, start) AS previous_at, argMin(t3, start) AS reached_at FROM (SELECT uid, start, t0, t1, t2, min(step_at) AS t3
FROM (SELECT uid, start, t0, t1, min(step_at) AS t2
FROM (SELECT uid, start, t0, min(step_at) AS t1
FROM (SELECT DISTINCT uid, ts AS start, ts AS t0 FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 0) AS reach_0
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 1) AS step_events USING uid
WHERE step_at >= t0 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0) AS reach_1
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 2) AS step_events USING uid
WHERE step_at >= t1 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1) AS reach_2
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 3) AS step_events USING uid
WHERE step_at >= t2 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1, t2) AS reach_3 GROUP BY uid) AS earliest) AS earliest_3
    UNION ALL SELECT uid, toInt64(5) AS depth, start, reached_at FROM (SELECT uid, first_start AS start, previous_at, reached_at
FROM (SELECT uid, min(start) AS first_start, argMin(t3, start) AS previous_at, argMin(t4, start) AS reached_at FROM (SELECT uid, start, t0, t1, t2, t3, min(step_at) AS t4
FROM (SELECT uid, start, t0, t1, t2, min(step_at) AS t3
FROM (SELECT uid, start, t0, t1, min(step_at) AS t2
FROM (SELECT uid, start, t0, min(step_at) AS t1
FROM (SELECT DISTINCT uid, ts AS start, ts AS t0 FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 0) AS reach_0
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 1) AS step_events USING uid
WHERE step_at >= t0 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0) AS reach_1
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 2) AS step_events USING uid
WHERE step_at >= t1 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1) AS reach_2
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 3) AS step_events USING uid
WHERE step_at >= t2 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1, t2) AS reach_3
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 4) AS step_events USING uid
WHERE step_at >= t3 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1, t2, t3) AS reach_4 GROUP BY uid) AS earliest) AS earliest_4
) AS reached_steps) AS deciding_attempts GROUP BY uid) AS furthest_steps) AS depths WHERE 1 = 0) AS excluded) GROUP BY depth
UNION ALL
SELECT 'excluded', toInt64(0), toInt64(0), toInt64(count()) FROM (SELECT uid FROM (SELECT uid, furthest AS depth FROM (SELECT uid, max(depth) AS furthest FROM (SELECT uid, depth, start, reached_at FROM (
    SELECT uid, toInt64(1) AS depth, start, reached_at FROM (SELECT uid, first_start AS start, previous_at, reached_at
FROM (SELECT uid, min(start) AS first_start, argMin(t0, start) AS previous_at, argMin(t0, start) AS reached_at FROM (SELECT DISTINCT uid, ts AS start, ts AS t0 FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 0) AS reach_0 GROUP BY uid) AS earliest) AS earliest_0
    UNION ALL SELECT uid, toInt64(2) AS depth, start, reached_at FROM (SELECT uid, first_start AS start, previous_at, reached_at
FROM (SELECT uid, min(start) AS first_start, argMin(t0, start) AS previous_at, argMin(t1, start) AS reached_at FROM (SELECT uid, start, t0, min(step_at) AS t1
FROM (SELECT DISTINCT uid, ts AS start, ts AS t0 FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 0) AS reach_0
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 1) AS step_events USING uid
WHERE step_at >= t0 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0) AS reach_1 GROUP BY uid) AS earliest) AS earliest_1
    UNION ALL SELECT uid, toInt64(3) AS depth, start, reached_at FROM (SELECT uid, first_start AS start, previous_at, reached_at
FROM (SELECT uid, min(start) AS first_start, argMin(t1, start) AS previous_at, argMin(t2, start) AS reached_at FROM (SELECT uid, start, t0, t1, min(step_at) AS t2
FROM (SELECT uid, start, t0, min(step_at) AS t1
FROM (SELECT DISTINCT uid, ts AS start, ts AS t0 FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 0) AS reach_0
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 1) AS step_events USING uid
WHERE step_at >= t0 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0) AS reach_1
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 2) AS step_events USING uid
WHERE step_at >= t1 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1) AS reach_2 GROUP BY uid) AS earliest) AS earliest_2
    UNION ALL SELECT uid, toInt64(4) AS depth, start, reached_at FROM (SELECT uid, first_start AS start, previous_at, reached_at
FROM (SELECT uid, min(start) AS first_start, argMin(t2, start) AS previous_at, argMin(t3, start) AS reached_at FROM (SELECT uid, start, t0, t1, t2, min(step_at) AS t3
FROM (SELECT uid, start, t0, t1, min(step_at) AS t2
FROM (SELECT uid, start, t0, min(step_at) AS t1
FROM (SELECT DISTINCT uid, ts AS start, ts AS t0 FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 0) AS reach_0
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 1) AS step_events USING uid
WHERE step_at >= t0 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0) AS reach_1
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 2) AS step_events USING uid
WHERE step_at >= t1 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1) AS reach_2
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 3) AS step_events USING uid
WHERE step_at >= t2 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1, t2) AS reach_3 GROUP BY uid) AS earliest) AS earliest_3
    UNION ALL SELECT uid, toInt64(5) AS depth, start, reached_at FROM (SELECT uid, first_start AS start, previous_at, reached_at
FROM (SELECT uid, min(start) AS first_start, argMin(t3, start) AS previous_at, argMin(t4, start) AS reached_at FROM (SELECT uid, start, t0, t1, t2, t3, min(step_at) AS t4
FROM (SELECT uid, start, t0, t1, t2, min(step_at) AS t3
FROM (SELECT uid, start, t0, t1, min(step_at) AS t2
FROM (SELECT uid, start, t0, min(step_at) AS t1
FROM (SELECT DISTINCT uid, ts AS start, ts AS t0 FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 0) AS reach_0
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 1) AS step_events USING uid
WHERE step_at >= t0 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0) AS reach_1
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 2) AS step_events USING uid
WHERE step_at >= t1 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1) AS reach_2
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 3) AS step_events USING uid
WHERE step_at >= t2 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1, t2) AS reach_3
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 4) AS step_events USING uid
WHERE step_at >= t3 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1, t2, t3) AS reach_4 GROUP BY uid) AS earliest) AS earliest_4
) AS reached_steps) AS deciding_attempts GROUP BY uid) AS furthest_steps) AS depths WHERE 1 = 0) AS excluded
UNION ALL
SELECT 'previous', step, from_previous, toInt64(count()) FROM (SELECT uid, toInt64(1) AS step, reached_at - previous_at AS from_previous, reached_at - start AS from_start FROM (SELECT uid, first_start AS start, previous_at, reached_at
FROM (SELECT uid, min(start) AS first_start, argMin(t0, start) AS previous_at, argMin(t1, start) AS reached_at FROM (SELECT uid, start, t0, min(step_at) AS t1
FROM (SELECT DISTINCT uid, ts AS start, ts AS t0 FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 0) AS reach_0
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 1) AS step_events USING uid
WHERE step_at >= t0 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0) AS reach_1 GROUP BY uid) AS earliest) AS earliest_1
UNION ALL
SELECT uid, toInt64(2) AS step, reached_at - previous_at AS from_previous, reached_at - start AS from_start FROM (SELECT uid, first_start AS start, previous_at, reached_at
FROM (SELECT uid, min(start) AS first_start, argMin(t1, start) AS previous_at, argMin(t2, start) AS reached_at FROM (SELECT uid, start, t0, t1, min(step_at) AS t2
FROM (SELECT uid, start, t0, min(step_at) AS t1
FROM (SELECT DISTINCT uid, ts AS start, ts AS t0 FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 0) AS reach_0
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 1) AS step_events USING uid
WHERE step_at >= t0 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0) AS reach_1
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 2) AS step_events USING uid
WHERE step_at >= t1 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1) AS reach_2 GROUP BY uid) AS earliest) AS earliest_2
UNION ALL
SELECT uid, toInt64(3) AS step, reached_at - previous_at AS from_previous, reached_at - start AS from_start FROM (SELECT uid, first_start AS start, previous_at, reached_at
FROM (SELECT uid, min(start) AS first_start, argMin(t2, start) AS previous_at, argMin(t3, start) AS reached_at FROM (SELECT uid, start, t0, t1, t2, min(step_at) AS t3
FROM (SELECT uid, start, t0, t1, min(step_at) AS t2
FROM (SELECT uid, start, t0, min(step_at) AS t1
FROM (SELECT DISTINCT uid, ts AS start, ts AS t0 FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 0) AS reach_0
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 1) AS step_events USING uid
WHERE step_at >= t0 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0) AS reach_1
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 2) AS step_events USING uid
WHERE step_at >= t1 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1) AS reach_2
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 3) AS step_events USING uid
WHERE step_at >= t2 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1, t2) AS reach_3 GROUP BY uid) AS earliest) AS earliest_3
UNION ALL
SELECT uid, toInt64(4) AS step, reached_at - previous_at AS from_previous, reached_at - start AS from_start FROM (SELECT uid, first_start AS start, previous_at, reached_at
FROM (SELECT uid, min(start) AS first_start, argMin(t3, start) AS previous_at, argMin(t4, start) AS reached_at FROM (SELECT uid, start, t0, t1, t2, t3, min(step_at) AS t4
FROM (SELECT uid, start, t0, t1, t2, min(step_at) AS t3
FROM (SELECT uid, start, t0, t1, min(step_at) AS t2
FROM (SELECT uid, start, t0, min(step_at) AS t1
FROM (SELECT DISTINCT uid, ts AS start, ts AS t0 FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 0) AS reach_0
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 1) AS step_events USING uid
WHERE step_at >= t0 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0) AS reach_1
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 2) AS step_events USING uid
WHERE step_at >= t1 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1) AS reach_2
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 3) AS step_events USING uid
WHERE step_at >= t2 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1, t2) AS reach_3
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 4) AS step_events USING uid
WHERE step_at >= t3 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1, t2, t3) AS reach_4 GROUP BY uid) AS earliest) AS earliest_4) AS timings WHERE uid NOT IN (SELECT uid FROM (SELECT uid FROM (SELECT uid, furthest AS depth FROM (SELECT uid, max(depth) AS furthest FROM (SELECT uid, depth, start, reached_at FROM (
    SELECT uid, toInt64(1) AS depth, start, reached_at FROM (SELECT uid, first_start AS start, previous_at, reached_at
FROM (SELECT uid, min(start) AS first_start, argMin(t0, start) AS previous_at, argMin(t0, start) AS reached_at FROM (SELECT DISTINCT uid, ts AS start, ts AS t0 FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 0) AS reach_0 GROUP BY uid) AS earliest) AS earliest_0
    UNION ALL SELECT uid, toInt64(2) AS depth, start, reached_at FROM (SELECT uid, first_start AS start, previous_at, reached_at
FROM (SELECT uid, min(start) AS first_start, argMin(t0, start) AS previous_at, argMin(t1, start) AS reached_at FROM (SELECT uid, start, t0, min(step_at) AS t1
FROM (SELECT DISTINCT uid, ts AS start, ts AS t0 FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 0) AS reach_0
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 1) AS step_events USING uid
WHERE step_at >= t0 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0) AS reach_1 GROUP BY uid) AS earliest) AS earliest_1
    UNION ALL SELECT uid, toInt64(3) AS depth, start, reached_at FROM (SELECT uid, first_start AS start, previous_at, reached_at
FROM (SELECT uid, min(start) AS first_start, argMin(t1, start) AS previous_at, argMin(t2, start) AS reached_at FROM (SELECT uid, start, t0, t1, min(step_at) AS t2
FROM (SELECT uid, start, t0, min(step_at) AS t1
FROM (SELECT DISTINCT uid, ts AS start, ts AS t0 FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 0) AS reach_0
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 1) AS step_events USING uid
WHERE step_at >= t0 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0) AS reach_1
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 2) AS step_events USING uid
WHERE step_at >= t1 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1) AS reach_2 GROUP BY uid) AS earliest) AS earliest_2
    UNION ALL SELECT uid, toInt64(4) AS depth, start, reached_at FROM (SELECT uid, first_start AS start, previous_at, reached_at
FROM (SELECT uid, min(start) AS first_start, argMin(t2, start) AS previous_at, argMin(t3, start) AS reached_at FROM (SELECT uid, start, t0, t1, t2, min(step_at) AS t3
FROM (SELECT uid, start, t0, t1, min(step_at) AS t2
FROM (SELECT uid, start, t0, min(step_at) AS t1
FROM (SELECT DISTINCT uid, ts AS start, ts AS t0 FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 0) AS reach_0
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 1) AS step_events USING uid
WHERE step_at >= t0 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0) AS reach_1
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 2) AS step_events USING uid
WHERE step_at >= t1 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1) AS reach_2
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 3) AS step_events USING uid
WHERE step_at >= t2 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1, t2) AS reach_3 GROUP BY uid) AS earliest) AS earliest_3
    UNION ALL SELECT uid, toInt64(5) AS depth, start, reached_at FROM (SELECT uid, first_start AS start, previous_at, reached_at
FROM (SELECT uid, min(start) AS first_start, argMin(t3, start) AS previous_at, argMin(t4, start) AS reached_at FROM (SELECT uid, start, t0, t1, t2, t3, min(step_at) AS t4
FROM (SELECT uid, start, t0, t1, t2, min(step_at) AS t3
FROM (SELECT uid, start, t0, t1, min(step_at) AS t2
FROM (SELECT uid, start, t0, min(step_at) AS t1
FROM (SELECT DISTINCT uid, ts AS start, ts AS t0 FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 0) AS reach_0
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 1) AS step_events USING uid
WHERE step_at >= t0 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0) AS reach_1
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 2) AS step_events USING uid
WHERE step_at >= t1 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1) AS reach_2
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 3) AS step_events USING uid
WHERE step_at >= t2 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1, t2) AS reach_3
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 4) AS step_events USING uid
WHERE step_at >= t3 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1, t2, t3) AS reach_4 GROUP BY uid) AS earliest) AS earliest_4
) AS reached_steps) AS deciding_attempts GROUP BY uid) AS furthest_steps) AS depths WHERE 1 = 0) AS excluded) GROUP BY step, from_previous
UNION ALL
SELECT 'start', step, from_start, toInt64(count()) FROM (SELECT uid, toInt64(1) AS step, reached_at - previous_at AS from_previous, reached_at - start AS from_start FROM (SELECT uid, first_start AS start, previous_at, reached_at
FROM (SELECT uid, min(start) AS first_start, argMin(t0, start) AS previous_at, argMin(t1, start) AS reached_at FROM (SELECT uid, start, t0, min(step_at) AS t1
FROM (SELECT DISTINCT uid, ts AS start, ts AS t0 FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 0) AS reach_0
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 1) AS step_events USING uid
WHERE step_at >= t0 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0) AS reach_1 GROUP BY uid) AS earliest) AS earliest_1
UNION ALL
SELECT uid, toInt64(2) AS step, reached_at - previous_at AS from_previous, reached_at - start AS from_start FROM (SELECT uid, first_start AS start, previous_at, reached_at
FROM (SELECT uid, min(start) AS first_start, argMin(t1, start) AS previous_at, argMin(t2, start) AS reached_at FROM (SELECT uid, start, t0, t1, min(step_at) AS t2
FROM (SELECT uid, start, t0, min(step_at) AS t1
FROM (SELECT DISTINCT uid, ts AS start, ts AS t0 FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 0) AS reach_0
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 1) AS step_events USING uid
WHERE step_at >= t0 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0) AS reach_1
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 2) AS step_events USING uid
WHERE step_at >= t1 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1) AS reach_2 GROUP BY uid) AS earliest) AS earliest_2
UNION ALL
SELECT uid, toInt64(3) AS step, reached_at - previous_at AS from_previous, reached_at - start AS from_start FROM (SELECT uid, first_start AS start, previous_at, reached_at
FROM (SELECT uid, min(start) AS first_start, argMin(t2, start) AS previous_at, argMin(t3, start) AS reached_at FROM (SELECT uid, start, t0, t1, t2, min(step_at) AS t3
FROM (SELECT uid, start, t0, t1, min(step_at) AS t2
FROM (SELECT uid, start, t0, min(step_at) AS t1
FROM (SELECT DISTINCT uid, ts AS start, ts AS t0 FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 0) AS reach_0
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 1) AS step_events USING uid
WHERE step_at >= t0 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0) AS reach_1
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 2) AS step_events USING uid
WHERE step_at >= t1 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1) AS reach_2
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 3) AS step_events USING uid
WHERE step_at >= t2 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1, t2) AS reach_3 GROUP BY uid) AS earliest) AS earliest_3
UNION ALL
SELECT uid, toInt64(4) AS step, reached_at - previous_at AS from_previous, reached_at - start AS from_start FROM (SELECT uid, first_start AS start, previous_at, reached_at
FROM (SELECT uid, min(start) AS first_start, argMin(t3, start) AS previous_at, argMin(t4, start) AS reached_at FROM (SELECT uid, start, t0, t1, t2, t3, min(step_at) AS t4
FROM (SELECT uid, start, t0, t1, t2, min(step_at) AS t3
FROM (SELECT uid, start, t0, t1, min(step_at) AS t2
FROM (SELECT uid, start, t0, min(step_at) AS t1
FROM (SELECT DISTINCT uid, ts AS start, ts AS t0 FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 0) AS reach_0
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 1) AS step_events USING uid
WHERE step_at >= t0 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0) AS reach_1
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 2) AS step_events USING uid
WHERE step_at >= t1 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1) AS reach_2
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 3) AS step_events USING uid
WHERE step_at >= t2 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1, t2) AS reach_3
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 4) AS step_events USING uid
WHERE step_at >= t3 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1, t2, t3) AS reach_4 GROUP BY uid) AS earliest) AS earliest_4) AS timings WHERE uid NOT IN (SELECT uid FROM (SELECT uid FROM (SELECT uid, furthest AS depth FROM (SELECT uid, max(depth) AS furthest FROM (SELECT uid, depth, start, reached_at FROM (
    SELECT uid, toInt64(1) AS depth, start, reached_at FROM (SELECT uid, first_start AS start, previous_at, reached_at
FROM (SELECT uid, min(start) AS first_start, argMin(t0, start) AS previous_at, argMin(t0, start) AS reached_at FROM (SELECT DISTINCT uid, ts AS start, ts AS t0 FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 0) AS reach_0 GROUP BY uid) AS earliest) AS earliest_0
    UNION ALL SELECT uid, toInt64(2) AS depth, start, reached_at FROM (SELECT uid, first_start AS start, previous_at, reached_at
FROM (SELECT uid, min(start) AS first_start, argMin(t0, start) AS previous_at, argMin(t1, start) AS reached_at FROM (SELECT uid, start, t0, min(step_at) AS t1
FROM (SELECT DISTINCT uid, ts AS start, ts AS t0 FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 0) AS reach_0
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 1) AS step_events USING uid
WHERE step_at >= t0 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0) AS reach_1 GROUP BY uid) AS earliest) AS earliest_1
    UNION ALL SELECT uid, toInt64(3) AS depth, start, reached_at FROM (SELECT uid, first_start AS start, previous_at, reached_at
FROM (SELECT uid, min(start) AS first_start, argMin(t1, start) AS previous_at, argMin(t2, start) AS reached_at FROM (SELECT uid, start, t0, t1, min(step_at) AS t2
FROM (SELECT uid, start, t0, min(step_at) AS t1
FROM (SELECT DISTINCT uid, ts AS start, ts AS t0 FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 0) AS reach_0
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 1) AS step_events USING uid
WHERE step_at >= t0 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0) AS reach_1
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 2) AS step_events USING uid
WHERE step_at >= t1 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1) AS reach_2 GROUP BY uid) AS earliest) AS earliest_2
    UNION ALL SELECT uid, toInt64(4) AS depth, start, reached_at FROM (SELECT uid, first_start AS start, previous_at, reached_at
FROM (SELECT uid, min(start) AS first_start, argMin(t2, start) AS previous_at, argMin(t3, start) AS reached_at FROM (SELECT uid, start, t0, t1, t2, min(step_at) AS t3
FROM (SELECT uid, start, t0, t1, min(step_at) AS t2
FROM (SELECT uid, start, t0, min(step_at) AS t1
FROM (SELECT DISTINCT uid, ts AS start, ts AS t0 FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 0) AS reach_0
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 1) AS step_events USING uid
WHERE step_at >= t0 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0) AS reach_1
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 2) AS step_events USING uid
WHERE step_at >= t1 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1) AS reach_2
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 3) AS step_events USING uid
WHERE step_at >= t2 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1, t2) AS reach_3 GROUP BY uid) AS earliest) AS earliest_3
    UNION ALL SELECT uid, toInt64(5) AS depth, start, reached_at FROM (SELECT uid, first_start AS start, previous_at, reached_at
FROM (SELECT uid, min(start) AS first_start, argMin(t3, start) AS previous_at, argMin(t4, start) AS reached_at FROM (SELECT uid, start, t0, t1, t2, t3, min(step_at) AS t4
FROM (SELECT uid, start, t0, t1, t2, min(step_at) AS t3
FROM (SELECT uid, start, t0, t1, min(step_at) AS t2
FROM (SELECT uid, start, t0, min(step_at) AS t1
FROM (SELECT DISTINCT uid, ts AS start, ts AS t0 FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 0) AS reach_0
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 1) AS step_events USING uid
WHERE step_at >= t0 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0) AS reach_1
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 2) AS step_events USING uid
WHERE step_at >= t1 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1) AS reach_2
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 3) AS step_events USING uid
WHERE step_at >= t2 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1, t2) AS reach_3
ALL INNER JOIN (SELECT uid, ts AS step_at FROM (SELECT uid, ts, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 END AS step
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event
FROM (SELECT user_id, anonymous_id, ts, event FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events) AS funnel_events WHERE step = 4) AS step_events USING uid
WHERE step_at >= t3 AND step_at <= start + 1209600000000
GROUP BY uid, start, t0, t1, t2, t3) AS reach_4 GROUP BY uid) AS earliest) AS earliest_4
) AS reached_steps) AS deciding_attempts GROUP BY uid) AS furthest_steps) AS depths WHERE 1 = 0) AS excluded) GROUP BY step, from_start;
