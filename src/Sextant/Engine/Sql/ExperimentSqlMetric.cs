using Sextant.Analysis;
using Sextant.Analysis.Experiments;
using Sextant.Storage.Warehouse;

namespace Sextant.Engine.Sql;

/// <summary>
/// One metric's SQL, over the join of an exposed user (uid, first_at, first_day) with their
/// events (ts, event, p<i>k</i>, and the local day number near the exposure): the value y and second column x as per-user aggregates, and the
/// eligibility as a condition on the exposure, each as MetricValues measures it in memory.
/// </summary>
/// <param name="Spec">The metric.</param>
/// <param name="Window">The analysis window (µs); null when it reaches the data end.</param>
/// <param name="Cuped">x is the same metric before exposure (never for ratios: x is their denominator).</param>
/// <param name="Property">The events' column p<i>k</i> a sum metric adds up; −1 otherwise.</param>
/// <param name="ExcludeEvents">Events that never make a user active.</param>
internal sealed record ExperimentSqlMetric(MetricSpec Spec, long? Window, bool Cuped, int Property, IReadOnlyList<string> ExcludeEvents)
{
    /// <summary>Text C#'s double.TryParse reads as a number (NumberStyles.Float); any other text counts 0.</summary>
    private const string NumberPattern = "^[[:space:]]*[-+]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][-+]?[0-9]+)?[[:space:]]*$";

    private static readonly HashSet<string> BuiltInColumns = new(StringComparer.Ordinal) { "platform", "session_id", "workspace_id", "revenue", "source", "event_id" };

    /// <summary>True when the metric reads events of any name.</summary>
    public bool ReadsEveryEvent => Spec.Kind == MetricKind.ActiveOnDay || (Spec.Kind == MetricKind.Sum && Spec.Event is null);

    /// <summary>The event names the metric reads (when it does not read every event).</summary>
    public IEnumerable<string> Events => new[] { Spec.Event, Spec.Denominator }.OfType<string>();

    private long? AfterLength => Spec.Within is { } within ? within.Ticks / TimeSpan.TicksPerMicrosecond : Window;

    private long BeforeLength => Spec.Within is { } within
        ? within.Ticks / TimeSpan.TicksPerMicrosecond
        : Math.Min(Window ?? ExperimentSqlPlan.Unbounded, ExperimentSqlPlan.OpenLookBack);

    /// <summary>y per user, as a double aggregate.</summary>
    public string Value(SqlText sql, string dataEnd) => Double(sql, Aggregate(sql, dataEnd, Spec.Event, before: false));

    /// <summary>x per user, as a double aggregate: the ratio's denominator, the CUPED covariate, or 0.</summary>
    public string Second(SqlText sql, string dataEnd)
    {
        if (Spec.Kind == MetricKind.Ratio) return Double(sql, Aggregate(sql, dataEnd, Spec.Denominator, before: false));
        return Cuped ? Double(sql, Aggregate(sql, dataEnd, Spec.Event, before: true)) : Double(sql, "0");
    }

    /// <summary>
    /// Whether the exposure counts: a conversion-within or active-on-day metric leaves out users
    /// whose window has not ended by the data end (right-censoring); every other metric counts everyone.
    /// </summary>
    public string Eligible(ExperimentSqlPlan plan) => Spec.Kind switch
    {
        MetricKind.Conversion when Spec.Within is not null => $"first_at + {SqlText.Literal(AfterLength!.Value)} <= {SqlText.Literal(plan.DataEnd)}",
        MetricKind.ActiveOnDay => $"first_day + {Spec.Day + Spec.Span} <= {SqlText.Literal(plan.FirstOpenDay)}",
        _ => "1 = 1",
    };

    private string Aggregate(SqlText sql, string dataEnd, string? eventName, bool before)
    {
        if (Spec.Kind == MetricKind.ActiveOnDay)
        {
            // Local calendar days: day N after the exposure day (span K: N .. N+K−1), or the K days ending N days before it.
            var (first, last) = before ? (-Spec.Day - Spec.Span + 1, -Spec.Day) : (Spec.Day, Spec.Day + Spec.Span - 1);
            var day = "day";
            var active = $"event NOT IN ({sql.List(ActiveEvents.Excluded(ExcludeEvents))})";
            return $"max(CASE WHEN {active} AND {day} >= first_day + ({first}) AND {day} <= first_day + ({last}) THEN 1 ELSE 0 END)";
        }
        var window = before
            ? $"ts >= first_at - {SqlText.Literal(BeforeLength)} AND ts < first_at"
            : $"ts >= first_at{(AfterLength is { } length ? $" AND ts <= first_at + {SqlText.Literal(length)}" : "")} AND ts <= {dataEnd}";
        var named = eventName is null ? "1 = 1" : $"event = {sql.Literal(eventName)}";
        return Spec.Kind switch
        {
            MetricKind.Conversion => $"max(CASE WHEN {named} AND {window} THEN 1 ELSE 0 END)",
            MetricKind.Sum => $"sum(CASE WHEN {named} AND {window} THEN p{Property} ELSE 0 END)",
            _ => $"sum(CASE WHEN {named} AND {window} THEN 1 ELSE 0 END)",
        };
    }

    private static string Double(SqlText sql, string expression) => sql.Dialect switch
    {
        SqlDialect.ClickHouse => $"toFloat64({expression})",
        SqlDialect.PostgreSql => $"CAST({expression} AS DOUBLE PRECISION)",
        _ => $"CAST({expression} AS DOUBLE)",
    };

    /// <summary>
    /// A summed property of an event as a double: a built-in column, or a top-level key of the
    /// properties object, read as the in-memory table reads it; text that is not a number is 0.
    /// </summary>
    /// <param name="sql">The dialect.</param>
    /// <param name="name">The property.</param>
    /// <param name="prefix">The events table's alias and a dot, or nothing.</param>
    public static string PropertyNumber(SqlText sql, string name, string prefix)
    {
        var text = BuiltInColumns.Contains(name) ? $"{prefix}{name}" : sql.Dialect switch
        {
            SqlDialect.PostgreSql => $"(CAST({prefix}properties AS jsonb) ->> {sql.Literal(name)})",
            SqlDialect.DuckDb => $"json_extract_string({prefix}properties, {sql.Literal("$.\"" + name + "\"")})",
            // ClickHouse 18.16 has no JSON path functions: visitParam reads the key's value, unquoting a string.
            _ => $"if(substring(visitParamExtractRaw({prefix}properties, {sql.Literal(name)}), 1, 1) = '\"', "
                + $"visitParamExtractString({prefix}properties, {sql.Literal(name)}), visitParamExtractRaw({prefix}properties, {sql.Literal(name)}))",
        };
        var value = $"coalesce({text}, '')";
        var pattern = sql.Literal(NumberPattern);
        return sql.Dialect switch
        {
            SqlDialect.PostgreSql => $"CASE WHEN {value} ~ {pattern} THEN CAST({value} AS DOUBLE PRECISION) ELSE 0 END",
            SqlDialect.DuckDb => $"CASE WHEN regexp_full_match({value}, {pattern}) THEN TRY_CAST(trim({value}) AS DOUBLE) ELSE 0 END",
            _ => $"if(match({value}, {pattern}), toFloat64OrZero(replaceRegexpAll({value}, '^[[:space:]]+|[[:space:]]+$', '')), 0)",
        };
    }
}
