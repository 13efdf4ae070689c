using Sextant.Events;
using Sextant.Storage.Warehouse;

namespace Sextant.Engine.Sql;

/// <summary>
/// The project zone's UTC offsets over a span of instants, written into SQL so that the local
/// date of an instant inside the span is integer arithmetic — epoch date + ⌊(µs + offset) / day⌋,
/// the offset a CASE over the span's few transitions — instead of a database time-zone function
/// per row (DuckDB's ICU conversion was half of the engagement pass at scale). The offsets come
/// from <see cref="TimeZoneInfo"/>, the rules <see cref="ProjectCalendar"/> uses in memory; an
/// instant outside the span keeps the database's own function, so no instant is ever dated by a
/// rule computed for another time.
/// </summary>
internal sealed class SqlZoneOffsets
{
    private const long MicrosPerDay = 86_400 * Timestamp.MicrosPerSecond;
    private const long SecondsPerStep = 6 * 3600;
    /// <summary>Room around the data's instants: sign-ups and range ends just outside it stay arithmetic.</summary>
    private const long MarginSeconds = 400 * 86_400;
    /// <summary>At most 50 years of transitions (two a year), so the CASE stays short; older instants use the database.</summary>
    private const long LongestSpanSeconds = 50L * 366 * 86_400;
    /// <summary>2200-01-01: far enough for any data, and inside DateTime's range.</summary>
    private const long LatestSecond = 7_258_118_400;
    /// <summary>The span starts a day after the epoch, so µs + offset is never negative and integer division floors.</summary>
    private const long EarliestSecond = 86_400;
    private readonly long _startMicros;
    private readonly long _endMicros;
    private readonly long[] _offsets;
    private readonly long[] _changes;

    private SqlZoneOffsets(long startMicros, long endMicros, long[] offsets, long[] changes)
    {
        _startMicros = startMicros;
        _endMicros = endMicros;
        _offsets = offsets;
        _changes = changes;
    }

    /// <summary>
    /// The zone's offsets over the instants from <paramref name="firstMicros"/> to <paramref name="lastMicros"/>
    /// (UTC µs, with a margin), or null when no part of that span can be written this way.
    /// </summary>
    public static SqlZoneOffsets? Over(TimeZoneInfo zone, long firstMicros, long lastMicros)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (lastMicros < firstMicros) (firstMicros, lastMicros) = (lastMicros, firstMicros);
        var end = Math.Min(SaturatingAdd(lastMicros / Timestamp.MicrosPerSecond, MarginSeconds), LatestSecond);
        var start = Math.Max(Math.Max(firstMicros / Timestamp.MicrosPerSecond - MarginSeconds, end - LongestSpanSeconds), EarliestSecond);
        if (end <= start) return null;
        var offsets = new List<long> { OffsetSeconds(zone, start) };
        var changes = new List<long>();
        for (var previous = start; previous < end;)
        {
            var next = Math.Min(previous + SecondsPerStep, end);
            if (OffsetSeconds(zone, next) != offsets[^1])
            {
                var change = FirstSecondWithOffset(zone, previous, next, offsets[^1]);
                if (change < end)
                {
                    changes.Add(change);
                    offsets.Add(OffsetSeconds(zone, change));
                }
                previous = change;
                continue;
            }
            previous = next;
        }
        return new SqlZoneOffsets(
            start * Timestamp.MicrosPerSecond, end * Timestamp.MicrosPerSecond,
            [.. offsets.Select(o => o * Timestamp.MicrosPerSecond)], [.. changes.Select(c => c * Timestamp.MicrosPerSecond)]);
    }

    /// <summary>
    /// The local date of <paramref name="micros"/> (an integer expression, UTC µs): arithmetic when it falls
    /// inside the span, else <paramref name="databaseDate"/>, the dialect's own conversion.
    /// </summary>
    public string LocalDate(SqlDialect dialect, string micros, string databaseDate)
    {
        var local = _changes.Length == 0
            ? (_offsets[0] == 0 ? micros : $"{micros} + {Offset(dialect, _offsets[0])}")
            : $"{micros} + {OffsetCase(dialect, micros)}";
        var days = dialect switch
        {
            SqlDialect.PostgreSql => $"CAST(({local}) / {MicrosPerDay} AS INTEGER)",
            SqlDialect.DuckDb => $"CAST(({local}) // {MicrosPerDay} AS INTEGER)",
            _ => $"intDiv({local}, toInt64({MicrosPerDay}))",
        };
        var date = dialect == SqlDialect.ClickHouse ? $"addDays(toDate('1970-01-01'), {days})" : $"(DATE '1970-01-01' + {days})";
        return $"(CASE WHEN {micros} >= {Number(_startMicros)} AND {micros} < {Number(_endMicros)} THEN {date} ELSE {databaseDate} END)";
    }

    private string OffsetCase(SqlDialect dialect, string micros)
    {
        var branches = string.Concat(_changes.Select((change, i) => $" WHEN {micros} < {Number(change)} THEN {Offset(dialect, _offsets[i])}"));
        return $"(CASE{branches} ELSE {Offset(dialect, _offsets[^1])} END)";
    }

    /// <summary>An offset literal; ClickHouse types positive literals unsigned and finds no common type with negative ones.</summary>
    private static string Offset(SqlDialect dialect, long micros) =>
        dialect == SqlDialect.ClickHouse ? $"toInt64({Number(micros)})" : Number(micros);

    /// <summary>The first second in (<paramref name="low"/>, <paramref name="high"/>] whose offset is no longer <paramref name="before"/>.</summary>
    private static long FirstSecondWithOffset(TimeZoneInfo zone, long low, long high, long before)
    {
        while (high - low > 1)
        {
            var middle = low + (high - low) / 2;
            if (OffsetSeconds(zone, middle) == before) low = middle;
            else high = middle;
        }
        return high;
    }

    /// <summary>The offset as <see cref="ProjectCalendar"/> reads it: whole seconds of <see cref="TimeZoneInfo.GetUtcOffset(DateTime)"/>.</summary>
    private static long OffsetSeconds(TimeZoneInfo zone, long unixSeconds) =>
        (long)zone.GetUtcOffset(DateTime.UnixEpoch.AddSeconds(unixSeconds)).TotalSeconds;

    /// <summary>An integer literal; a negative one in parentheses, so it can follow an operator in every dialect.</summary>
    private static string Number(long value) => value < 0 ? $"({SqlText.Literal(value)})" : SqlText.Literal(value);

    private static long SaturatingAdd(long value, long add) => value > long.MaxValue - add ? long.MaxValue : value + add;
}
