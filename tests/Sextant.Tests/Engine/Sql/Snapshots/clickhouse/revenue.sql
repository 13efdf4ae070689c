-- revenue.sql: written by `sextant sql --dialect clickhouse` from the engine's own builder.
-- Revenue and LTV inputs (SEMANTICS.md, Revenue and LTV), as rows (part, currency, a, b, n, revenue); months are year * 12 + month - 1:
--   events          a = earliest event instant (UTC µs), n = events
--   currency        per currency: n = paying subscriptions (not trials, MRR above 0), a = earliest start up to the data end
--   active          a = month, n = signed-up users with an event in it
--   cohort          a = sign-up month, n = users
--   retained        a = sign-up month, b = month of the latest event, n = users whose latest event is at or after their sign-up
--   revenue         per currency: a = month, revenue = MRR prorated over the local days each subscription ran in it, n = paying users
--   cohort_revenue  per currency: a = sign-up month, b = months since (0 also holds revenue from before sign-up), revenue as above
-- The main currency has the most paying subscriptions (ties: ordinal order); the others' subscriptions are left out.
-- Parameters, written into the statement (default in brackets):
--   time zone  Europe/Paris [UTC]
--   data end   the latest event [the latest event]
-- Run: clickhouse-client --database DB --max_query_size 10000000 --multiquery < revenue.sql
SELECT 'events' AS part, '' AS currency, toInt64(min(ts)) AS a, toInt64(0) AS b, toInt64(count()) AS n, toFloat64(0) AS revenue FROM sextant_events
UNION ALL
SELECT 'currency', currency, toInt64(min(CASE WHEN from_at <= (SELECT max(ts) FROM sextant_events) THEN from_at ELSE toInt64(9223372036854775807) END)), toInt64(0), toInt64(count()), toFloat64(0)
FROM (SELECT uid, currency, mrr_value, from_at, to_at FROM (
    SELECT user_id AS uid, currency, toFloat64(mrr) AS mrr_value, start_at AS from_at, least(ifNull(end_at, toInt64((SELECT max(ts) FROM sextant_events) + 1)), toInt64((SELECT max(ts) FROM sextant_events) + 1)) AS to_at
    FROM sextant_subscriptions_current WHERE status <> 'trial'
) AS subscriptions
WHERE mrr_value > 0) AS paying GROUP BY currency
UNION ALL
SELECT 'active', '', month, toInt64(0), toInt64(count()), toFloat64(0) FROM (SELECT DISTINCT uid, (toInt64(toYear(active_date)) * 12 + toInt64(toMonth(active_date)) - 1) AS month
FROM (
    SELECT uid, toDate(toDateTime(intDiv(first_at, 1000000)), 'Europe/Paris') AS active_date FROM (SELECT uid, min(ts) AS first_at, max(ts) AS last_at FROM (SELECT if(isNull(user_id), linked_user, assumeNotNull(user_id)) AS uid, ts, event
FROM sextant_events
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id
WHERE isNotNull(user_id) OR linked_user != '') AS user_events WHERE ts <= (SELECT max(ts) FROM sextant_events) AND event NOT IN ('$create_alias', '$groupidentify', '$identify', '$merge', '$merge_dangerously')
GROUP BY uid, intDiv(intDiv(ts, 1000000), 604800)) AS active_spans
    UNION ALL
    SELECT uid, toDate(toDateTime(intDiv(last_at, 1000000)), 'Europe/Paris') AS active_date FROM (SELECT uid, min(ts) AS first_at, max(ts) AS last_at FROM (SELECT if(isNull(user_id), linked_user, assumeNotNull(user_id)) AS uid, ts, event
FROM sextant_events
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id
WHERE isNotNull(user_id) OR linked_user != '') AS user_events WHERE ts <= (SELECT max(ts) FROM sextant_events) AND event NOT IN ('$create_alias', '$groupidentify', '$identify', '$merge', '$merge_dangerously')
GROUP BY uid, intDiv(intDiv(ts, 1000000), 604800)) AS active_spans
) AS span_ends) AS activity GROUP BY month
UNION ALL
SELECT 'cohort', '', cohort, toInt64(0), toInt64(count()), toFloat64(0) FROM (SELECT uid, cohort_at, (toInt64(toYear(cohort_date)) * 12 + toInt64(toMonth(cohort_date)) - 1) AS cohort
FROM (SELECT uid, cohort_at, toDate(toDateTime(intDiv(cohort_at, 1000000)), 'Europe/Paris') AS cohort_date FROM (SELECT uid, if(has_profile_signup, profile_signup, first_at) AS cohort_at
FROM (SELECT uid, min(ts) AS first_at, 1 AS has_events FROM (SELECT if(isNull(user_id), linked_user, assumeNotNull(user_id)) AS uid, ts, event
FROM sextant_events
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id
WHERE isNotNull(user_id) OR linked_user != '') AS user_events GROUP BY uid) AS firsts
ALL FULL OUTER JOIN (SELECT assumeNotNull(user_id) AS uid, assumeNotNull(signup_at) AS profile_signup, 1 AS has_profile_signup
    FROM sextant_users_current WHERE isNotNull(signup_at)) AS profiles USING uid) AS starts WHERE cohort_at <= (SELECT max(ts) FROM sextant_events)) AS dated_starts) AS cohorts GROUP BY cohort
UNION ALL
SELECT 'retained', '', cohort, last_month, toInt64(count()), toFloat64(0)
FROM (SELECT uid, cohort_at, (toInt64(toYear(cohort_date)) * 12 + toInt64(toMonth(cohort_date)) - 1) AS cohort
FROM (SELECT uid, cohort_at, toDate(toDateTime(intDiv(cohort_at, 1000000)), 'Europe/Paris') AS cohort_date FROM (SELECT uid, if(has_profile_signup, profile_signup, first_at) AS cohort_at
FROM (SELECT uid, min(ts) AS first_at, 1 AS has_events FROM (SELECT if(isNull(user_id), linked_user, assumeNotNull(user_id)) AS uid, ts, event
FROM sextant_events
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id
WHERE isNotNull(user_id) OR linked_user != '') AS user_events GROUP BY uid) AS firsts
ALL FULL OUTER JOIN (SELECT assumeNotNull(user_id) AS uid, assumeNotNull(signup_at) AS profile_signup, 1 AS has_profile_signup
    FROM sextant_users_current WHERE isNotNull(signup_at)) AS profiles USING uid) AS starts WHERE cohort_at <= (SELECT max(ts) FROM sextant_events)) AS dated_starts) AS cohorts ALL INNER JOIN (SELECT uid, (toInt64(toYear(last_date)) * 12 + toInt64(toMonth(last_date)) - 1) AS last_month, last_at
FROM (
    SELECT uid, last_at, toDate(toDateTime(intDiv(last_at, 1000000)), 'Europe/Paris') AS last_date
    FROM (SELECT uid, max(last_at) AS last_at FROM (SELECT uid, min(ts) AS first_at, max(ts) AS last_at FROM (SELECT if(isNull(user_id), linked_user, assumeNotNull(user_id)) AS uid, ts, event
FROM sextant_events
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id
WHERE isNotNull(user_id) OR linked_user != '') AS user_events WHERE ts <= (SELECT max(ts) FROM sextant_events) AND event NOT IN ('$create_alias', '$groupidentify', '$identify', '$merge', '$merge_dangerously')
GROUP BY uid, intDiv(intDiv(ts, 1000000), 604800)) AS active_spans GROUP BY uid) AS last_events
) AS dated_last) AS latest USING uid WHERE last_at >= cohort_at GROUP BY cohort, last_month
UNION ALL
SELECT 'revenue', currency, month, toInt64(0), toInt64(uniqExact(uid)), sum(amount) FROM (SELECT uid, currency, month, mrr_value * (CASE WHEN month = last_month THEN to_position ELSE toFloat64(next_month_day) END - CASE WHEN month = first_month THEN from_position ELSE toFloat64(month_day) END) / toFloat64(next_month_day - month_day) AS amount
FROM (
    SELECT uid, currency, mrr_value, first_month, last_month, from_position, to_position, month, (365 * intDiv((month - 2), 12) + intDiv(intDiv((month - 2), 12), 4) + intDiv(intDiv((month - 2), 12), 400) - intDiv(intDiv((month - 2), 12), 100) + intDiv((153 * (month - 2 - 12 * intDiv((month - 2), 12)) + 2), 5) - 306) AS month_day, (365 * intDiv(((month + 1) - 2), 12) + intDiv(intDiv(((month + 1) - 2), 12), 4) + intDiv(intDiv(((month + 1) - 2), 12), 400) - intDiv(intDiv(((month + 1) - 2), 12), 100) + intDiv((153 * ((month + 1) - 2 - 12 * intDiv(((month + 1) - 2), 12)) + 2), 5) - 306) AS next_month_day
    FROM (
        SELECT uid, currency, mrr_value, first_month, last_month, from_position, to_position, (toInt64(arrayJoin(range(toUInt64(last_month - first_month + 1)))) + first_month) AS month
        FROM (
            SELECT uid, currency, mrr_value, (toInt64(toYear(from_date)) * 12 + toInt64(toMonth(from_date)) - 1) AS first_month, (toInt64(toYear(last_date)) * 12 + toInt64(toMonth(last_date)) - 1) AS last_month,
                (toFloat64((toInt64(toRelativeDayNum(from_date)) + 719162)) + toFloat64(from_at - (toInt64(toUInt32(toDateTime(from_date, 'Europe/Paris'))) * 1000000)) / toFloat64((toInt64(toUInt32(toDateTime((from_date + 1), 'Europe/Paris'))) * 1000000) - (toInt64(toUInt32(toDateTime(from_date, 'Europe/Paris'))) * 1000000))) AS from_position, (toFloat64((toInt64(toRelativeDayNum(to_date)) + 719162)) + toFloat64(to_at - (toInt64(toUInt32(toDateTime(to_date, 'Europe/Paris'))) * 1000000)) / toFloat64((toInt64(toUInt32(toDateTime((to_date + 1), 'Europe/Paris'))) * 1000000) - (toInt64(toUInt32(toDateTime(to_date, 'Europe/Paris'))) * 1000000))) AS to_position
            FROM (
                SELECT uid, currency, mrr_value, from_at, to_at, toDate(toDateTime(intDiv(from_at, 1000000)), 'Europe/Paris') AS from_date,
                    toDate(toDateTime(intDiv(to_at, 1000000)), 'Europe/Paris') AS to_date, toDate(toDateTime(intDiv((to_at - 1), 1000000)), 'Europe/Paris') AS last_date
                FROM (SELECT uid, currency, mrr_value, from_at, to_at FROM (
    SELECT user_id AS uid, currency, toFloat64(mrr) AS mrr_value, start_at AS from_at, least(ifNull(end_at, toInt64((SELECT max(ts) FROM sextant_events) + 1)), toInt64((SELECT max(ts) FROM sextant_events) + 1)) AS to_at
    FROM sextant_subscriptions_current WHERE status <> 'trial'
) AS subscriptions
WHERE mrr_value > 0) AS paying WHERE from_at < to_at
            ) AS dated
        ) AS positioned
    ) AS expanded
) AS monthly) AS pieces GROUP BY currency, month
UNION ALL
SELECT 'cohort_revenue', currency, cohort, months_after, toInt64(0), sum(amount)
FROM (
    SELECT currency, cohort, toInt64(CASE WHEN month > cohort THEN month - cohort ELSE 0 END) AS months_after, amount
    FROM (SELECT uid, currency, month, mrr_value * (CASE WHEN month = last_month THEN to_position ELSE toFloat64(next_month_day) END - CASE WHEN month = first_month THEN from_position ELSE toFloat64(month_day) END) / toFloat64(next_month_day - month_day) AS amount
FROM (
    SELECT uid, currency, mrr_value, first_month, last_month, from_position, to_position, month, (365 * intDiv((month - 2), 12) + intDiv(intDiv((month - 2), 12), 4) + intDiv(intDiv((month - 2), 12), 400) - intDiv(intDiv((month - 2), 12), 100) + intDiv((153 * (month - 2 - 12 * intDiv((month - 2), 12)) + 2), 5) - 306) AS month_day, (365 * intDiv(((month + 1) - 2), 12) + intDiv(intDiv(((month + 1) - 2), 12), 4) + intDiv(intDiv(((month + 1) - 2), 12), 400) - intDiv(intDiv(((month + 1) - 2), 12), 100) + intDiv((153 * ((month + 1) - 2 - 12 * intDiv(((month + 1) - 2), 12)) + 2), 5) - 306) AS next_month_day
    FROM (
        SELECT uid, currency, mrr_value, first_month, last_month, from_position, to_position, (toInt64(arrayJoin(range(toUInt64(last_month - first_month + 1)))) + first_month) AS month
        FROM (
            SELECT uid, currency, mrr_value, (toInt64(toYear(from_date)) * 12 + toInt64(toMonth(from_date)) - 1) AS first_month, (toInt64(toYear(last_date)) * 12 + toInt64(toMonth(last_date)) - 1) AS last_month,
                (toFloat64((toInt64(toRelativeDayNum(from_date)) + 719162)) + toFloat64(from_at - (toInt64(toUInt32(toDateTime(from_date, 'Europe/Paris'))) * 1000000)) / toFloat64((toInt64(toUInt32(toDateTime((from_date + 1), 'Europe/Paris'))) * 1000000) - (toInt64(toUInt32(toDateTime(from_date, 'Europe/Paris'))) * 1000000))) AS from_position, (toFloat64((toInt64(toRelativeDayNum(to_date)) + 719162)) + toFloat64(to_at - (toInt64(toUInt32(toDateTime(to_date, 'Europe/Paris'))) * 1000000)) / toFloat64((toInt64(toUInt32(toDateTime((to_date + 1), 'Europe/Paris'))) * 1000000) - (toInt64(toUInt32(toDateTime(to_date, 'Europe/Paris'))) * 1000000))) AS to_position
            FROM (
                SELECT uid, currency, mrr_value, from_at, to_at, toDate(toDateTime(intDiv(from_at, 1000000)), 'Europe/Paris') AS from_date,
                    toDate(toDateTime(intDiv(to_at, 1000000)), 'Europe/Paris') AS to_date, toDate(toDateTime(intDiv((to_at - 1), 1000000)), 'Europe/Paris') AS last_date
                FROM (SELECT uid, currency, mrr_value, from_at, to_at FROM (
    SELECT user_id AS uid, currency, toFloat64(mrr) AS mrr_value, start_at AS from_at, least(ifNull(end_at, toInt64((SELECT max(ts) FROM sextant_events) + 1)), toInt64((SELECT max(ts) FROM sextant_events) + 1)) AS to_at
    FROM sextant_subscriptions_current WHERE status <> 'trial'
) AS subscriptions
WHERE mrr_value > 0) AS paying WHERE from_at < to_at
            ) AS dated
        ) AS positioned
    ) AS expanded
) AS monthly) AS pieces ALL INNER JOIN (SELECT uid, cohort_at, (toInt64(toYear(cohort_date)) * 12 + toInt64(toMonth(cohort_date)) - 1) AS cohort
FROM (SELECT uid, cohort_at, toDate(toDateTime(intDiv(cohort_at, 1000000)), 'Europe/Paris') AS cohort_date FROM (SELECT uid, if(has_profile_signup, profile_signup, first_at) AS cohort_at
FROM (SELECT uid, min(ts) AS first_at, 1 AS has_events FROM (SELECT if(isNull(user_id), linked_user, assumeNotNull(user_id)) AS uid, ts, event
FROM sextant_events
GLOBAL ANY LEFT JOIN (SELECT assumeNotNull(anonymous_id) AS anonymous_id, assumeNotNull(user_id) AS linked_user FROM sextant_identity) USING anonymous_id
WHERE isNotNull(user_id) OR linked_user != '') AS user_events GROUP BY uid) AS firsts
ALL FULL OUTER JOIN (SELECT assumeNotNull(user_id) AS uid, assumeNotNull(signup_at) AS profile_signup, 1 AS has_profile_signup
    FROM sextant_users_current WHERE isNotNull(signup_at)) AS profiles USING uid) AS starts WHERE cohort_at <= (SELECT max(ts) FROM sextant_events)) AS dated_starts) AS cohorts USING uid
) AS cohort_pieces
GROUP BY currency, cohort, months_after;
