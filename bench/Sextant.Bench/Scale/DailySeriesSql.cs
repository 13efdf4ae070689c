namespace Sextant.Bench.Scale;

/// <summary>
/// The refresh's daily series as one plain SQL query per dialect: per UTC day the events, the
/// distinct user ids with an event (active users), the users whose sign-up falls on the day (the
/// profile's <c>signup_at</c>, else the first event with their user id) and the revenue. Rows are
/// <c>day, events, active_users, signups, revenue</c>, in day order. It leaves out what plain SQL
/// does not do: identity resolution, excluded and identity events, days without any row.
/// </summary>
internal static class DailySeriesSql
{
    /// <summary>What the SQL leaves out of docs/REFRESH.md's definitions, printed under the figures.</summary>
    public const string Caveat =
        "the SQL counts user ids as they are: no identity resolution (anonymous events never count for the user they are later linked to, " +
        "nor move a first-event sign-up earlier), no excluded or identity events left out of the active users, days with no event and no sign-up not listed, " +
        "revenue as doubles rather than exact decimals";

    public const string DuckDb = """
        WITH per_day AS (
            SELECT CAST(timestamp AS DATE) AS day, count(*) AS events,
                count(DISTINCT CASE WHEN user_id <> '' THEN user_id END) AS active_users, coalesce(sum(revenue), 0) AS revenue
            FROM events GROUP BY 1),
        first_event AS (SELECT user_id, min(timestamp) AS first_at FROM events WHERE user_id <> '' GROUP BY user_id),
        signed_up AS (
            SELECT CAST(coalesce(p.signup_at, f.first_at) AS DATE) AS day, count(*) AS signups
            FROM first_event f FULL OUTER JOIN profiles p ON p.user_id = f.user_id
            WHERE coalesce(p.signup_at, f.first_at) IS NOT NULL
            GROUP BY 1)
        SELECT strftime(coalesce(d.day, s.day), '%Y-%m-%d') AS day, coalesce(d.events, 0), coalesce(d.active_users, 0), coalesce(s.signups, 0), coalesce(d.revenue, 0)
        FROM per_day d FULL OUTER JOIN signed_up s ON s.day = d.day
        ORDER BY 1
        """;

    // 18.16: no join_use_nulls worth relying on, so the two halves meet by UNION ALL (types must
    // match exactly) and a sum per day; signup_at is text there, its first ten characters the UTC day
    // (if() evaluates both branches, so the text is chosen before it is read as a date).
    public const string ClickHouse = """
        SELECT day, sum(events) AS events, sum(active_users) AS active_users, sum(signups) AS signups, sum(revenue) AS revenue
        FROM
        (
            SELECT toDate(timestamp) AS day, count() AS events, uniqExactIf(user_id, user_id != '') AS active_users,
                toUInt64(0) AS signups, sum(ifNull(revenue, 0)) AS revenue
            FROM events GROUP BY day
            UNION ALL
            SELECT toDate(substring(if(signup != '', signup, toString(first_at)), 1, 10)) AS day, toUInt64(0) AS events,
                toUInt64(0) AS active_users, count() AS signups, toFloat64(0) AS revenue
            FROM
            (
                SELECT user_id, min(first_at) AS first_at, max(signup) AS signup
                FROM
                (
                    SELECT user_id, min(timestamp) AS first_at, '' AS signup FROM events WHERE user_id != '' GROUP BY user_id
                    UNION ALL
                    SELECT user_id, toDateTime(4294967295) AS first_at, signup_at AS signup FROM profiles
                )
                GROUP BY user_id
            )
            WHERE signup != '' OR first_at != toDateTime(4294967295)
            GROUP BY day
        )
        GROUP BY day
        ORDER BY day
        """;
}
