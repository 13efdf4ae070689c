using Sextant.Storage.Warehouse;

namespace Sextant.Engine.Sql;

/// <summary>
/// The calendar arithmetic revenue prorating needs in SQL, written so that every dialect computes
/// the in-memory measurer's doubles bit for bit: the UTC instant of a local midnight, an instant's
/// position in local days (whole days plus the elapsed fraction of its own 23-, 24- or 25-hour
/// day) and the day number of a month's first day.
/// </summary>
internal static class RevenueSqlCalendar
{
    /// <summary>An expression as a double.</summary>
    public static string Double(SqlText sql, string expression) => sql.Dialect switch
    {
        SqlDialect.PostgreSql => $"CAST({expression} AS DOUBLE PRECISION)",
        SqlDialect.DuckDb => $"CAST({expression} AS DOUBLE)",
        _ => $"toFloat64({expression})",
    };

    /// <summary>
    /// The instant (UTC µs) at which local <paramref name="date"/> begins in <paramref name="zone"/>, as
    /// ProjectCalendar.DayStart gives it. Each database converts the local midnight with its own zone
    /// rules; where a zone skips midnight they take the first instant that exists, as the calendar does.
    /// </summary>
    public static string Midnight(SqlText sql, string date, string zone) => sql.Dialect switch
    {
        SqlDialect.PostgreSql => $"CAST(extract(epoch FROM (CAST({date} AS TIMESTAMP) AT TIME ZONE {zone})) * 1000000 AS BIGINT)",
        SqlDialect.DuckDb => $"epoch_us(timezone({zone}, CAST({date} AS TIMESTAMP)))",
        _ => $"(toInt64(toUInt32(toDateTime({date}, {zone}))) * 1000000)",
    };

    /// <summary>
    /// RevenueMeasurer.DayPosition of <paramref name="instant"/>, whose local date is <paramref name="date"/>:
    /// its day number plus the elapsed fraction of that local day, in the same double operations.
    /// </summary>
    public static string DayPosition(SqlText sql, string instant, string date, string zone)
    {
        var start = Midnight(sql, date, zone);
        var next = Midnight(sql, $"({date} + 1)", zone);
        return $"({Double(sql, sql.DayNumber(date))} + {Double(sql, $"{instant} - {start}")} / {Double(sql, $"{next} - {start}")})";
    }

    /// <summary>
    /// The <see cref="DateOnly.DayNumber"/> of the first day of month index <paramref name="month"/> (year × 12 +
    /// month − 1), by integer arithmetic alone (years counted from March, as in Hinnant's days_from_civil).
    /// </summary>
    public static string FirstDayOfMonth(SqlText sql, string month)
    {
        var year = sql.IntDiv($"({month} - 2)", 12);
        var fromMarch = $"({month} - 2 - 12 * {year})";
        return $"(365 * {year} + {sql.IntDiv(year, 4)} + {sql.IntDiv(year, 400)} - {sql.IntDiv(year, 100)} + {sql.IntDiv($"(153 * {fromMarch} + 2)", 5)} - 306)";
    }

    /// <summary>
    /// A select-list expression giving one row per integer from <paramref name="first"/> to
    /// <paramref name="last"/> (inclusive) for each input row.
    /// </summary>
    public static string Series(SqlText sql, string first, string last) => sql.Dialect switch
    {
        SqlDialect.PostgreSql => $"generate_series({first}, {last})",
        SqlDialect.DuckDb => $"unnest(generate_series({first}, {last}))",
        _ => $"(toInt64(arrayJoin(range(toUInt64({last} - {first} + 1)))) + {first})",
    };
}
