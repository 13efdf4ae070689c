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
SELECT part, a, b, toInt64(count()) AS n
FROM (
    SELECT tupleElement(entity_row, 2) AS part, tupleElement(entity_row, 3) AS a, tupleElement(entity_row, 4) AS b
    FROM (
        SELECT arrayJoin([(toUInt8(is_excluded), 'excluded', toInt64(0), toInt64(0)), (toUInt8(NOT is_excluded), 'depth', toInt64(depth), toInt64(0)), (toUInt8(NOT is_excluded AND length(start_1) > 0), 'previous', toInt64(1), toInt64(at_1[1] - previous_1[1])), (toUInt8(NOT is_excluded AND length(start_1) > 0), 'start', toInt64(1), toInt64(at_1[1] - start_1[1])), (toUInt8(NOT is_excluded AND length(start_2) > 0), 'previous', toInt64(2), toInt64(at_2[1] - previous_2[1])), (toUInt8(NOT is_excluded AND length(start_2) > 0), 'start', toInt64(2), toInt64(at_2[1] - start_2[1])), (toUInt8(NOT is_excluded AND length(start_3) > 0), 'previous', toInt64(3), toInt64(at_3[1] - previous_3[1])), (toUInt8(NOT is_excluded AND length(start_3) > 0), 'start', toInt64(3), toInt64(at_3[1] - start_3[1])), (toUInt8(NOT is_excluded AND length(start_4) > 0), 'previous', toInt64(4), toInt64(at_4[1] - previous_4[1])), (toUInt8(NOT is_excluded AND length(start_4) > 0), 'start', toInt64(4), toInt64(at_4[1] - start_4[1]))]) AS entity_row
        FROM (
            SELECT *,
                (length(start_0) > 0) + (length(start_1) > 0) + (length(start_2) > 0) + (length(start_3) > 0) + (length(start_4) > 0) AS depth,
                multiIf(length(start_4) > 0, start_4[1], length(start_3) > 0, start_3[1], length(start_2) > 0, start_2[1], length(start_1) > 0, start_1[1], start_0[1]) AS deciding_start,
                multiIf(length(start_4) > 0, at_4[1], length(start_3) > 0, at_3[1], length(start_2) > 0, at_2[1], length(start_1) > 0, at_1[1], start_0[1]) AS deciding_reached,
                arrayExists(x -> x >= deciding_start AND x <= deciding_reached, excluded_at) AS is_excluded
            FROM (SELECT *,
    arraySort(arrayConcat(arrayMap(t -> t * 2, at_3), arrayMap(t -> t * 2 + 1, events_4))) AS merged_4,
    arrayFilter((before, key) -> bitAnd(key, 1) = 0, arrayCumSum(arrayMap(key -> bitAnd(key, 1), merged_4)), merged_4) AS before_4,
    arrayMap((before, start) -> if(before < length(events_4), events_4[before + 1], start + 1209600000000 + 1), before_4, start_3) AS next_4,
    arrayMap((next, start) -> next <= start + 1209600000000, next_4, start_3) AS alive_4,
    arrayFilter((start, alive) -> alive, start_3, alive_4) AS start_4,
    arrayFilter((at, alive) -> alive, at_3, alive_4) AS previous_4,
    arrayFilter((next, alive) -> alive, next_4, alive_4) AS at_4
FROM (SELECT *,
    arraySort(arrayConcat(arrayMap(t -> t * 2, at_2), arrayMap(t -> t * 2 + 1, events_3))) AS merged_3,
    arrayFilter((before, key) -> bitAnd(key, 1) = 0, arrayCumSum(arrayMap(key -> bitAnd(key, 1), merged_3)), merged_3) AS before_3,
    arrayMap((before, start) -> if(before < length(events_3), events_3[before + 1], start + 1209600000000 + 1), before_3, start_2) AS next_3,
    arrayMap((next, start) -> next <= start + 1209600000000, next_3, start_2) AS alive_3,
    arrayFilter((start, alive) -> alive, start_2, alive_3) AS start_3,
    arrayFilter((at, alive) -> alive, at_2, alive_3) AS previous_3,
    arrayFilter((next, alive) -> alive, next_3, alive_3) AS at_3
FROM (SELECT *,
    arraySort(arrayConcat(arrayMap(t -> t * 2, at_1), arrayMap(t -> t * 2 + 1, events_2))) AS merged_2,
    arrayFilter((before, key) -> bitAnd(key, 1) = 0, arrayCumSum(arrayMap(key -> bitAnd(key, 1), merged_2)), merged_2) AS before_2,
    arrayMap((before, start) -> if(before < length(events_2), events_2[before + 1], start + 1209600000000 + 1), before_2, start_1) AS next_2,
    arrayMap((next, start) -> next <= start + 1209600000000, next_2, start_1) AS alive_2,
    arrayFilter((start, alive) -> alive, start_1, alive_2) AS start_2,
    arrayFilter((at, alive) -> alive, at_1, alive_2) AS previous_2,
    arrayFilter((next, alive) -> alive, next_2, alive_2) AS at_2
FROM (SELECT *,
    arraySort(arrayConcat(arrayMap(t -> t * 2, start_0), arrayMap(t -> t * 2 + 1, events_1))) AS merged_1,
    arrayFilter((before, key) -> bitAnd(key, 1) = 0, arrayCumSum(arrayMap(key -> bitAnd(key, 1), merged_1)), merged_1) AS before_1,
    arrayMap((before, start) -> if(before < length(events_1), events_1[before + 1], start + 1209600000000 + 1), before_1, start_0) AS next_1,
    arrayMap((next, start) -> next <= start + 1209600000000, next_1, start_0) AS alive_1,
    arrayFilter((start, alive) -> alive, start_0, alive_1) AS start_1,
    arrayFilter((at, alive) -> alive, start_0, alive_1) AS previous_1,
    arrayFilter((next, alive) -> alive, next_1, alive_1) AS at_1
FROM (SELECT uid, arraySort(groupUniqArrayIf(ts, step = 0)) AS start_0, arraySort(groupArrayIf(ts, step = 1)) AS events_1, arraySort(groupArrayIf(ts, step = 2)) AS events_2, arraySort(groupArrayIf(ts, step = 3)) AS events_3, arraySort(groupArrayIf(ts, step = 4)) AS events_4, emptyArrayInt64() AS excluded_at
FROM (SELECT if(isNull(user_id), if(linked_user != '', linked_user, assumeNotNull(anonymous_id)), assumeNotNull(user_id)) AS uid, ts, event, step
FROM (SELECT user_id, anonymous_id, ts, event, CASE WHEN event IN ('signup') THEN 0 WHEN event IN ('create_page') THEN 1 WHEN event IN ('edit_page') THEN 2 WHEN event IN ('share_page', 'comment', 'invite_member') THEN 3 WHEN event IN ('upgrade') THEN 4 ELSE -1 END AS step FROM sextant_events WHERE event IN ('signup', 'create_page', 'edit_page', 'share_page', 'comment', 'invite_member', 'upgrade'))
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id) AS entity_events
GROUP BY uid
HAVING length(start_0) > 0)))))
        )
    )
    WHERE tupleElement(entity_row, 1) = 1
)
GROUP BY part, a, b;
