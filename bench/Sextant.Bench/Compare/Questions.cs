using System.Globalization;
using System.Text.Json;

namespace Sextant.Bench.Compare;

/// <summary>
/// What each question asks of each engine: the Sextant command line, the SQL for ClickHouse 18.16
/// and for DuckDB, and how rows and Sextant's JSON become an <see cref="Answer"/>. The SQL follows
/// docs SEMANTICS.md as Sextant applies it with no sextant.yaml: every event is an active event
/// (activity.exclude_events is empty), days are UTC days, and identities need no resolving
/// because the scale scenario puts a user id on every event.
/// </summary>
internal static class Questions
{
    public static readonly Question[] All = [Question.Funnel, Question.DailyActiveUsers, Question.DailyRetention];

    private static readonly string[] FunnelSteps = ["view_page", "create_page", "edit_page", "share_page", "invite_member"];
    private const int WindowDays = 7;

    public static string Title(Question question) => question switch
    {
        Question.Funnel => $"5-step funnel, {WindowDays}-day window",
        Question.DailyActiveUsers => "daily active users",
        _ => "daily retention",
    };

    public static string[] SextantArguments(Question question) => question switch
    {
        Question.Funnel => ["funnel", "--steps", string.Join(',', FunnelSteps), "--window", $"{WindowDays}d"],
        Question.DailyActiveUsers => ["metrics"],
        _ => ["retention", "--period", "day"],
    };

    /// <summary>
    /// ClickHouse 18.16. windowFunnel keeps, per step, the latest step-1 instant whose chain reached
    /// it, which is the chain with the most time left: so it returns the furthest step over all
    /// attempts, as Sextant does. Rows: (furthest step, users).
    /// </summary>
    public static string ClickHouseSql(Question question) => question switch
    {
        Question.Funnel => $"""
            SELECT level, count() FROM (
                SELECT user_id, windowFunnel({WindowDays * 86_400 * TieSlots + TieSlots - 1})({ClickHouseFunnelTime}, {string.Join(", ", FunnelSteps.Select(step => $"event = '{step}'"))}) AS level
                FROM events WHERE event IN ({Quoted()}) GROUP BY user_id)
            WHERE level > 0 GROUP BY level
            """,
        Question.DailyActiveUsers => "SELECT toDate(timestamp) AS day, uniqExact(user_id) FROM events GROUP BY day",
        // One pass over each user's events (the table is sorted by user): the cohort's size is period -1.
        _ => $"""
            SELECT cohort, period, count() FROM (
                SELECT toDate(signup) AS cohort,
                    arrayJoin(arrayConcat([toInt32(-1)], arrayDistinct(arrayMap(t -> toInt32(toDate(t) - toDate(signup)), arrayFilter(t -> t >= signup, times))))) AS period
                FROM ({ClickHouseSignups})
                WHERE signup <= (SELECT max(timestamp) FROM events))
            GROUP BY cohort, period
            """,
    };

    /// <summary>
    /// Slots per second in the funnel's time: windowFunnel orders events by time alone and takes
    /// events of the same second in the order it reads them, while Sextant takes a step at the
    /// same instant as the previous one ("at or after"). Time × 8 + step index orders a second's
    /// events by step; the window is widened by the same factor, so it still ends on the same second.
    /// </summary>
    private const int TieSlots = 8;

    /// <summary>Seconds since the first event, × <see cref="TieSlots"/> + step index: UInt32, as windowFunnel requires.</summary>
    private static string ClickHouseFunnelTime =>
        $"toUInt32((toUInt32(timestamp) - (SELECT toUInt32(min(timestamp)) FROM events)) * {TieSlots} + indexOf([{Quoted()}], event) - 1)";

    /// <summary>
    /// Per user: the sign-up instant (the profile's signup_at, else the first event; an empty
    /// signup_at is none) and every event time.
    /// </summary>
    private const string ClickHouseSignups = """
        SELECT if(has_signup, assumeNotNull(profile_signup), first_event) AS signup, times
        FROM (SELECT user_id, min(timestamp) AS first_event, groupArray(timestamp) AS times, 1 AS has_events FROM events GROUP BY user_id)
        ALL FULL OUTER JOIN (
            SELECT user_id, signup_at != '' AS has_signup, if(signup_at = '', NULL, parseDateTimeBestEffortOrNull(signup_at)) AS profile_signup FROM profiles)
        USING user_id
        WHERE has_signup OR has_events
        """;

    /// <summary>
    /// The funnel as Sextant defines it, step by step: every step-1 event opens an attempt, each
    /// later step is the earliest matching event at or after the previous step and within the
    /// window of the attempt's start. Rows: (furthest step, users).
    /// </summary>
    public static string DuckDbSql(Question question) => question switch
    {
        Question.Funnel => DuckDbFunnel(),
        Question.DailyActiveUsers => "SELECT CAST(CAST(\"timestamp\" AS DATE) AS VARCHAR) AS day, count(DISTINCT user_id) FROM events GROUP BY day",
        _ => """
            WITH first_events AS (SELECT user_id, min("timestamp") AS first_event FROM events GROUP BY user_id),
            signups AS (
                SELECT coalesce(p.user_id, f.user_id) AS user_id, coalesce(p.signup_at, f.first_event) AS signup
                FROM first_events f FULL JOIN profiles p ON p.user_id = f.user_id),
            cohorts AS (
                SELECT user_id, signup, CAST(signup AS DATE) AS cohort FROM signups
                WHERE signup <= (SELECT max("timestamp") FROM events))
            SELECT CAST(cohort AS VARCHAR), -1, count(*) FROM cohorts GROUP BY cohort
            UNION ALL
            SELECT CAST(c.cohort AS VARCHAR), CAST(e."timestamp" AS DATE) - c.cohort AS period, count(DISTINCT e.user_id)
            FROM events e JOIN cohorts c ON c.user_id = e.user_id
            WHERE e."timestamp" >= c.signup
            GROUP BY c.cohort, period
            """,
    };

    private static string DuckDbFunnel()
    {
        var steps = new List<string>
        {
            $"steps AS (SELECT user_id, \"timestamp\" AS t, event FROM events WHERE event IN ({Quoted()}))",
            $"s1 AS (SELECT DISTINCT user_id, t AS start, t FROM steps WHERE event = '{FunnelSteps[0]}')",
        };
        for (var k = 2; k <= FunnelSteps.Length; k++)
            steps.Add($"""
                s{k} AS (SELECT a.user_id, a.start, min(e.t) AS t FROM s{k - 1} a JOIN steps e
                    ON e.user_id = a.user_id AND e.event = '{FunnelSteps[k - 1]}' AND e.t >= a.t AND e.t <= a.start + INTERVAL {WindowDays} DAY
                    GROUP BY a.user_id, a.start)
                """);
        var levels = string.Join(" UNION ALL ", Enumerable.Range(1, FunnelSteps.Length).Select(k => $"SELECT user_id, {k} AS level FROM s{k}"));
        return $"""
            WITH {string.Join(",\n", steps)},
            levels AS ({levels})
            SELECT level, count(*) FROM (SELECT user_id, max(level) AS level FROM levels GROUP BY user_id) GROUP BY level
            """;
    }

    private static string Quoted() => string.Join(", ", FunnelSteps.Select(step => $"'{step}'"));

    /// <summary>An SQL engine's rows (text fields, in the column order of the SQL above) as an answer.</summary>
    public static Answer FromRows(Question question, IEnumerable<string[]> rows)
    {
        var answer = new Answer();
        foreach (var row in rows)
        {
            switch (question)
            {
                case Question.Funnel:
                    // A user whose furthest step is k counts at every step up to k.
                    for (var k = 1; k <= Number(row[0]); k++) answer.Add(StepLabel(k), Number(row[1]));
                    break;
                case Question.DailyActiveUsers:
                    answer.Add($"dau {row[0]}", Number(row[1]));
                    break;
                default:
                    var period = (int)Number(row[1]);
                    answer.Add(period < 0 ? $"cohort {row[0]} size" : CellLabel(row[0], period), Number(row[2]));
                    break;
            }
        }
        return answer;
    }

    /// <summary>Sextant's <c>--json</c> output (docs/JSON.md) as an answer.</summary>
    public static Answer FromSextantJson(Question question, string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var answer = new Answer();
        switch (question)
        {
            case Question.Funnel:
                var k = 0;
                foreach (var step in root.GetProperty("steps").EnumerateArray()) answer.Add(StepLabel(++k), step.GetProperty("users").GetInt64());
                break;
            case Question.DailyActiveUsers:
                foreach (var day in root.GetProperty("dau").EnumerateArray())
                    answer.Add($"dau {day.GetProperty("date").GetString()}", day.GetProperty("users").GetInt64());
                break;
            default:
                foreach (var cohort in root.GetProperty("cohorts").EnumerateArray())
                {
                    var label = cohort.GetProperty("cohort").GetString()!;
                    answer.Add($"cohort {label} size", cohort.GetProperty("size").GetInt64());
                    foreach (var cell in cohort.GetProperty("periods").EnumerateArray())
                        answer.Add(CellLabel(label, cell.GetProperty("period").GetInt32()), cell.GetProperty("users").GetInt64());
                }
                break;
        }
        return answer;
    }

    private static string StepLabel(int k) => $"step {k} {FunnelSteps[k - 1]}";

    private static string CellLabel(string cohort, int period) => $"cohort {cohort} day {period:D3}";

    private static long Number(string text) => long.Parse(text, CultureInfo.InvariantCulture);
}
