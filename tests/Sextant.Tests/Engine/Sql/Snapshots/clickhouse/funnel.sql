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
    arrayReverse(arraySort((merged, key) -> key,
            arrayConcat(arrayMap(key -> (toInt64(1), toInt64(0), toInt64(0)), at_3), arrayMap((key_step, value_step) -> (toInt64(0), key_step, value_step), arrayMap((value, later) -> value - later, events_4, arrayPopFront(arrayPushBack(events_4, toInt64(0)))), arrayMap((value, later) -> value - later, arrayMap(at -> toInt64(1), events_4), arrayPopFront(arrayPushBack(arrayMap(at -> toInt64(1), events_4), toInt64(0)))))),
            arrayConcat(arrayMap(key -> key * 2, at_3), arrayMap(key -> key * 2 + 1, events_4)))) AS next_4_merged,
        arrayReverse(arrayFilter((carried, merged) -> tupleElement(merged, 1) = 1, arrayCumSum(arrayMap(merged -> tupleElement(merged, 2), next_4_merged)), next_4_merged)) AS next_4_key,
        arrayReverse(arrayFilter((carried, merged) -> tupleElement(merged, 1) = 1, arrayCumSum(arrayMap(merged -> tupleElement(merged, 3), next_4_merged)), next_4_merged)) AS next_4_value,
    arrayMap((found, next, start) -> found = 1 AND next <= start + 1209600000000, next_4_value, next_4_key, start_3) AS alive_4,
    arrayFilter((start, alive) -> alive, start_3, alive_4) AS start_4,
    arrayFilter((at, alive) -> alive, at_3, alive_4) AS previous_4,
    arrayFilter((next, alive) -> alive, next_4_key, alive_4) AS at_4
FROM (SELECT *,
    arrayReverse(arraySort((merged, key) -> key,
            arrayConcat(arrayMap(key -> (toInt64(1), toInt64(0), toInt64(0)), at_2), arrayMap((key_step, value_step) -> (toInt64(0), key_step, value_step), arrayMap((value, later) -> value - later, events_3, arrayPopFront(arrayPushBack(events_3, toInt64(0)))), arrayMap((value, later) -> value - later, arrayMap(at -> toInt64(1), events_3), arrayPopFront(arrayPushBack(arrayMap(at -> toInt64(1), events_3), toInt64(0)))))),
            arrayConcat(arrayMap(key -> key * 2, at_2), arrayMap(key -> key * 2 + 1, events_3)))) AS next_3_merged,
        arrayReverse(arrayFilter((carried, merged) -> tupleElement(merged, 1) = 1, arrayCumSum(arrayMap(merged -> tupleElement(merged, 2), next_3_merged)), next_3_merged)) AS next_3_key,
        arrayReverse(arrayFilter((carried, merged) -> tupleElement(merged, 1) = 1, arrayCumSum(arrayMap(merged -> tupleElement(merged, 3), next_3_merged)), next_3_merged)) AS next_3_value,
    arrayMap((found, next, start) -> found = 1 AND next <= start + 1209600000000, next_3_value, next_3_key, start_2) AS alive_3,
    arrayFilter((start, alive) -> alive, start_2, alive_3) AS start_3,
    arrayFilter((at, alive) -> alive, at_2, alive_3) AS previous_3,
    arrayFilter((next, alive) -> alive, next_3_key, alive_3) AS at_3
FROM (SELECT *,
    arrayReverse(arraySort((merged, key) -> key,
            arrayConcat(arrayMap(key -> (toInt64(1), toInt64(0), toInt64(0)), at_1), arrayMap((key_step, value_step) -> (toInt64(0), key_step, value_step), arrayMap((value, later) -> value - later, events_2, arrayPopFront(arrayPushBack(events_2, toInt64(0)))), arrayMap((value, later) -> value - later, arrayMap(at -> toInt64(1), events_2), arrayPopFront(arrayPushBack(arrayMap(at -> toInt64(1), events_2), toInt64(0)))))),
            arrayConcat(arrayMap(key -> key * 2, at_1), arrayMap(key -> key * 2 + 1, events_2)))) AS next_2_merged,
        arrayReverse(arrayFilter((carried, merged) -> tupleElement(merged, 1) = 1, arrayCumSum(arrayMap(merged -> tupleElement(merged, 2), next_2_merged)), next_2_merged)) AS next_2_key,
        arrayReverse(arrayFilter((carried, merged) -> tupleElement(merged, 1) = 1, arrayCumSum(arrayMap(merged -> tupleElement(merged, 3), next_2_merged)), next_2_merged)) AS next_2_value,
    arrayMap((found, next, start) -> found = 1 AND next <= start + 1209600000000, next_2_value, next_2_key, start_1) AS alive_2,
    arrayFilter((start, alive) -> alive, start_1, alive_2) AS start_2,
    arrayFilter((at, alive) -> alive, at_1, alive_2) AS previous_2,
    arrayFilter((next, alive) -> alive, next_2_key, alive_2) AS at_2
FROM (SELECT *,
    arrayReverse(arraySort((merged, key) -> key,
            arrayConcat(arrayMap(key -> (toInt64(1), toInt64(0), toInt64(0)), start_0), arrayMap((key_step, value_step) -> (toInt64(0), key_step, value_step), arrayMap((value, later) -> value - later, events_1, arrayPopFront(arrayPushBack(events_1, toInt64(0)))), arrayMap((value, later) -> value - later, arrayMap(at -> toInt64(1), events_1), arrayPopFront(arrayPushBack(arrayMap(at -> toInt64(1), events_1), toInt64(0)))))),
            arrayConcat(arrayMap(key -> key * 2, start_0), arrayMap(key -> key * 2 + 1, events_1)))) AS next_1_merged,
        arrayReverse(arrayFilter((carried, merged) -> tupleElement(merged, 1) = 1, arrayCumSum(arrayMap(merged -> tupleElement(merged, 2), next_1_merged)), next_1_merged)) AS next_1_key,
        arrayReverse(arrayFilter((carried, merged) -> tupleElement(merged, 1) = 1, arrayCumSum(arrayMap(merged -> tupleElement(merged, 3), next_1_merged)), next_1_merged)) AS next_1_value,
    arrayMap((found, next, start) -> found = 1 AND next <= start + 1209600000000, next_1_value, next_1_key, start_0) AS alive_1,
    arrayFilter((start, alive) -> alive, start_0, alive_1) AS start_1,
    arrayFilter((at, alive) -> alive, start_0, alive_1) AS previous_1,
    arrayFilter((next, alive) -> alive, next_1_key, alive_1) AS at_1
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
