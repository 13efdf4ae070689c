-- revenue.sql: written by `sextant sql --dialect duckdb` from the engine's own builder.
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
-- Run: duckdb store.duckdb < revenue.sql
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
    SELECT uid, cohort_at, (CAST(extract(year FROM cohort_date) AS BIGINT) * 12 + CAST(extract(month FROM cohort_date) AS BIGINT) - 1) AS cohort
    FROM (SELECT uid, cohort_at, CAST(timezone('Europe/Paris', timezone('UTC', make_timestamp(cohort_at))) AS DATE) AS cohort_date FROM starts WHERE cohort_at <= (SELECT max(ts) FROM sextant_events)) AS dated_starts
),
active_spans AS (
    SELECT uid, min(ts) AS first_at, max(ts) AS last_at FROM user_events WHERE ts <= (SELECT max(ts) FROM sextant_events) AND event NOT IN ('$create_alias', '$groupidentify', '$identify', '$merge', '$merge_dangerously')
    GROUP BY uid, ((ts // 1000000) // 604800)
),
activity AS (
    SELECT DISTINCT uid, (CAST(extract(year FROM active_date) AS BIGINT) * 12 + CAST(extract(month FROM active_date) AS BIGINT) - 1) AS month
    FROM (
        SELECT uid, CAST(timezone('Europe/Paris', timezone('UTC', make_timestamp(first_at))) AS DATE) AS active_date FROM active_spans
        UNION ALL
        SELECT uid, CAST(timezone('Europe/Paris', timezone('UTC', make_timestamp(last_at))) AS DATE) AS active_date FROM active_spans
    ) AS span_ends
),
latest AS (
    SELECT uid, (CAST(extract(year FROM last_date) AS BIGINT) * 12 + CAST(extract(month FROM last_date) AS BIGINT) - 1) AS last_month, last_at
    FROM (
        SELECT uid, last_at, CAST(timezone('Europe/Paris', timezone('UTC', make_timestamp(last_at))) AS DATE) AS last_date
        FROM (SELECT uid, max(last_at) AS last_at FROM active_spans GROUP BY uid) AS last_events
    ) AS dated_last
),
paying AS (
    SELECT uid, currency, mrr_value, from_at, to_at FROM (
        SELECT user_id AS uid, currency, CAST(mrr AS DOUBLE) AS mrr_value, start_at AS from_at, least(coalesce(end_at, CAST((SELECT max(ts) FROM sextant_events) + 1 AS BIGINT)), CAST((SELECT max(ts) FROM sextant_events) + 1 AS BIGINT)) AS to_at
        FROM sextant_subscriptions_current WHERE status <> 'trial'
    ) AS subscriptions
    WHERE mrr_value > 0
),
pieces AS (
    SELECT uid, currency, month, mrr_value * (CASE WHEN month = last_month THEN to_position ELSE CAST(next_month_day AS DOUBLE) END - CASE WHEN month = first_month THEN from_position ELSE CAST(month_day AS DOUBLE) END) / CAST(next_month_day - month_day AS DOUBLE) AS amount
    FROM (
        SELECT uid, currency, mrr_value, first_month, last_month, from_position, to_position, month, (365 * ((month - 2) // 12) + (((month - 2) // 12) // 4) + (((month - 2) // 12) // 400) - (((month - 2) // 12) // 100) + ((153 * (month - 2 - 12 * ((month - 2) // 12)) + 2) // 5) - 306) AS month_day, (365 * (((month + 1) - 2) // 12) + ((((month + 1) - 2) // 12) // 4) + ((((month + 1) - 2) // 12) // 400) - ((((month + 1) - 2) // 12) // 100) + ((153 * ((month + 1) - 2 - 12 * (((month + 1) - 2) // 12)) + 2) // 5) - 306) AS next_month_day
        FROM (
            SELECT uid, currency, mrr_value, first_month, last_month, from_position, to_position, unnest(generate_series(first_month, last_month)) AS month
            FROM (
                SELECT uid, currency, mrr_value, (CAST(extract(year FROM from_date) AS BIGINT) * 12 + CAST(extract(month FROM from_date) AS BIGINT) - 1) AS first_month, (CAST(extract(year FROM last_date) AS BIGINT) * 12 + CAST(extract(month FROM last_date) AS BIGINT) - 1) AS last_month,
                    (CAST((CAST(from_date - DATE '1970-01-01' AS BIGINT) + 719162) AS DOUBLE) + CAST(from_at - epoch_us(timezone('Europe/Paris', CAST(from_date AS TIMESTAMP))) AS DOUBLE) / CAST(epoch_us(timezone('Europe/Paris', CAST((from_date + 1) AS TIMESTAMP))) - epoch_us(timezone('Europe/Paris', CAST(from_date AS TIMESTAMP))) AS DOUBLE)) AS from_position, (CAST((CAST(to_date - DATE '1970-01-01' AS BIGINT) + 719162) AS DOUBLE) + CAST(to_at - epoch_us(timezone('Europe/Paris', CAST(to_date AS TIMESTAMP))) AS DOUBLE) / CAST(epoch_us(timezone('Europe/Paris', CAST((to_date + 1) AS TIMESTAMP))) - epoch_us(timezone('Europe/Paris', CAST(to_date AS TIMESTAMP))) AS DOUBLE)) AS to_position
                FROM (
                    SELECT uid, currency, mrr_value, from_at, to_at, CAST(timezone('Europe/Paris', timezone('UTC', make_timestamp(from_at))) AS DATE) AS from_date,
                        CAST(timezone('Europe/Paris', timezone('UTC', make_timestamp(to_at))) AS DATE) AS to_date, CAST(timezone('Europe/Paris', timezone('UTC', make_timestamp((to_at - 1)))) AS DATE) AS last_date
                    FROM paying WHERE from_at < to_at
                ) AS dated
            ) AS positioned
        ) AS expanded
    ) AS monthly
)
SELECT 'events' AS part, '' AS currency, CAST(min(ts) AS BIGINT) AS a, CAST(0 AS BIGINT) AS b, CAST(count(*) AS BIGINT) AS n, CAST(0 AS DOUBLE) AS revenue FROM sextant_events
UNION ALL
SELECT 'currency', currency, CAST(min(CASE WHEN from_at <= (SELECT max(ts) FROM sextant_events) THEN from_at ELSE CAST(9223372036854775807 AS BIGINT) END) AS BIGINT), CAST(0 AS BIGINT), CAST(count(*) AS BIGINT), CAST(0 AS DOUBLE)
FROM paying GROUP BY currency
UNION ALL
SELECT 'active', '', month, CAST(0 AS BIGINT), CAST(count(*) AS BIGINT), CAST(0 AS DOUBLE) FROM activity GROUP BY month
UNION ALL
SELECT 'cohort', '', cohort, CAST(0 AS BIGINT), CAST(count(*) AS BIGINT), CAST(0 AS DOUBLE) FROM cohorts GROUP BY cohort
UNION ALL
SELECT 'retained', '', cohort, last_month, CAST(count(*) AS BIGINT), CAST(0 AS DOUBLE)
FROM cohorts INNER JOIN latest USING (uid) WHERE last_at >= cohort_at GROUP BY cohort, last_month
UNION ALL
SELECT 'revenue', currency, month, CAST(0 AS BIGINT), CAST(count(DISTINCT uid) AS BIGINT), sum(amount) FROM pieces GROUP BY currency, month
UNION ALL
SELECT 'cohort_revenue', currency, cohort, months_after, CAST(0 AS BIGINT), sum(amount)
FROM (
    SELECT currency, cohort, CAST(CASE WHEN month > cohort THEN month - cohort ELSE 0 END AS BIGINT) AS months_after, amount
    FROM pieces INNER JOIN cohorts USING (uid)
) AS cohort_pieces
GROUP BY currency, cohort, months_after;
