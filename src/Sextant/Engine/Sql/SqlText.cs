using Sextant.Storage.Warehouse;

namespace Sextant.Engine.Sql;

/// <summary>
/// The few expressions that differ between dialects, so each analysis's builder writes one
/// structure for all three: literals, the local calendar date of an instant, day and month
/// numbers, integer division, distinct counts and joins. Everything else the builders write is
/// SQL all three databases (ClickHouse as old as 18.16) understand alike. With the project zone's
/// <see cref="SqlZoneOffsets"/> (the engine's sessions), local dates inside their span are integer
/// arithmetic; without them (the standalone scripts) every date is the database's time-zone function.
/// </summary>
internal sealed class SqlText(SqlDialect dialect, SqlZoneOffsets? offsets = null)
{
    /// <summary>DateOnly(1970, 1, 1).DayNumber: the builders number days as <see cref="DateOnly.DayNumber"/> does.</summary>
    public const long UnixEpochDayNumber = 719_162;

    public SqlDialect Dialect { get; } = dialect;

    /// <summary>A string literal, escaped as the dialect reads it.</summary>
    public string Literal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Storage.Warehouse.Store.SqlText.Literal(Dialect, value);
    }

    /// <summary>A 64-bit integer literal (long.MinValue written so no parser overflows on it).</summary>
    public static string Literal(long value) => Storage.Warehouse.Store.SqlText.Literal(value);

    /// <summary>A comma-separated list of string literals.</summary>
    public string List(IEnumerable<string> values) => string.Join(", ", values.Select(Literal));

    /// <summary>
    /// The local calendar date, in <paramref name="zone"/>, of an instant in UTC microseconds. ClickHouse
    /// dates are whole seconds: the instant is floored to its second first, which never moves it across
    /// a local midnight (midnights fall on whole seconds). <paramref name="zone"/> must be the zone the
    /// offsets were computed for, when there are offsets.
    /// </summary>
    public string LocalDate(string micros, string zone) =>
        offsets is null ? DatabaseLocalDate(micros, zone) : offsets.LocalDate(Dialect, micros, DatabaseLocalDate(micros, zone));

    private string DatabaseLocalDate(string micros, string zone) => Dialect switch
    {
        SqlDialect.PostgreSql => $"CAST((to_timestamp(0) + {micros} * INTERVAL '1 microsecond') AT TIME ZONE {zone} AS DATE)",
        SqlDialect.DuckDb => $"CAST(timezone({zone}, timezone('UTC', make_timestamp({micros}))) AS DATE)",
        _ => $"toDate(toDateTime(intDiv({micros}, 1000000)), {zone})",
    };

    /// <summary>The <see cref="DateOnly.DayNumber"/> of a date.</summary>
    public string DayNumber(string date) => Dialect switch
    {
        SqlDialect.ClickHouse => $"(toInt64(toRelativeDayNum({date})) + {UnixEpochDayNumber})",
        _ => $"(CAST({date} - DATE '1970-01-01' AS BIGINT) + {UnixEpochDayNumber})",
    };

    /// <summary>The month index (year × 12 + month − 1) of a date, as ProjectCalendar.MonthOfDay numbers months.</summary>
    public string MonthIndex(string date) => Dialect switch
    {
        SqlDialect.ClickHouse => $"(toInt64(toYear({date})) * 12 + toInt64(toMonth({date})) - 1)",
        _ => $"(CAST(extract(year FROM {date}) AS BIGINT) * 12 + CAST(extract(month FROM {date}) AS BIGINT) - 1)",
    };

    /// <summary>Integer division of a non-negative integer expression.</summary>
    public string IntDiv(string value, int divisor) => Dialect switch
    {
        SqlDialect.PostgreSql => $"({value} / {divisor})",
        SqlDialect.DuckDb => $"({value} // {divisor})",
        _ => $"intDiv({value}, {divisor})",
    };

    /// <summary>How many distinct values an expression takes in the group, as a 64-bit integer.</summary>
    public string CountDistinct(string expression) => Dialect == SqlDialect.ClickHouse
        ? $"toInt64(uniqExact({expression}))"
        : $"CAST(count(DISTINCT {expression}) AS BIGINT)";

    /// <summary>The rows of the group, as a 64-bit integer.</summary>
    public string CountRows() => Dialect == SqlDialect.ClickHouse ? "toInt64(count())" : "CAST(count(*) AS BIGINT)";

    /// <summary>An integer expression as a 64-bit integer.</summary>
    public string Int64(string expression) => Dialect == SqlDialect.ClickHouse ? $"toInt64({expression})" : $"CAST({expression} AS BIGINT)";

    /// <summary>
    /// An inner join on equally named key columns (every other column name distinct on the two
    /// sides, as ClickHouse 18.16 needs: it joins on equality through USING only).
    /// </summary>
    public string InnerJoin(string right, string keys) => Dialect == SqlDialect.ClickHouse
        ? $"ALL INNER JOIN {right} USING {keys}"
        : $"INNER JOIN {right} USING ({keys})";
}
