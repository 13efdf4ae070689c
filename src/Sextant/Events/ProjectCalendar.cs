namespace Sextant.Events;

/// <summary>
/// Cuts instants into calendar days, ISO weeks (starting Monday) and months in the project time
/// zone. Day boundaries are the true local midnights, so a daylight-saving day is 23 or 25
/// hours long; where a zone skips midnight, the day starts at the first instant that exists.
/// Day numbers are <see cref="DateOnly.DayNumber"/> values of the local date.
/// </summary>
public sealed class ProjectCalendar
{
    private const long SecondsPerDay = 86_400;
    private const long SearchRadiusSeconds = 16 * 3600;
    /// <summary>DateOnly(1970, 1, 1).DayNumber.</summary>
    private const int UnixEpochDayNumber = 719_162;
    private readonly int _firstDay;
    private readonly long[] _dayStarts;
    private readonly bool _isUtc;

    /// <summary>Creates a calendar; days between the two instants (with a year of margin) are precomputed.</summary>
    public ProjectCalendar(TimeZoneInfo zone, long fromUnixMicroseconds, long toUnixMicroseconds)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Zone = zone;
        _isUtc = zone.Id is "UTC" or "Etc/UTC" or "Etc/Universal" || (zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime);
        if (toUnixMicroseconds < fromUnixMicroseconds) (fromUnixMicroseconds, toUnixMicroseconds) = (toUnixMicroseconds, fromUnixMicroseconds);
        _firstDay = UtcDay(fromUnixMicroseconds) - 400;
        var lastDay = UtcDay(toUnixMicroseconds) + 400;
        _dayStarts = new long[lastDay - _firstDay + 2];
        for (var i = 0; i < _dayStarts.Length; i++) _dayStarts[i] = ComputeDayStart(_firstDay + i);
    }

    /// <summary>A calendar in UTC.</summary>
    public static ProjectCalendar Utc { get; } = new(TimeZoneInfo.Utc, 946_684_800L * Timestamp.MicrosPerSecond, 946_684_800L * Timestamp.MicrosPerSecond);

    /// <summary>The project time zone.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>The local calendar day (a <see cref="DateOnly.DayNumber"/>) that contains the instant.</summary>
    public int DayOf(long unixMicroseconds)
    {
        var day = UtcDay(unixMicroseconds);
        if (_isUtc) return day;
        // The local day is within one day of the UTC day, since offsets are under 16 hours.
        if (DayStart(day) > unixMicroseconds) return day - 1;
        if (DayStart(day + 1) <= unixMicroseconds) return day + 1;
        return day;
    }

    /// <summary>The local date that contains the instant.</summary>
    public DateOnly DateOf(long unixMicroseconds) => DateOnly.FromDayNumber(DayOf(unixMicroseconds));

    /// <summary>The instant (UTC µs) at which the local day begins.</summary>
    public long DayStart(int dayNumber)
    {
        if (_isUtc) return dayNumber * SecondsPerDay * Timestamp.MicrosPerSecond - UnixEpochDayNumber * SecondsPerDay * Timestamp.MicrosPerSecond;
        var index = dayNumber - _firstDay;
        return (uint)index < (uint)_dayStarts.Length ? _dayStarts[index] : ComputeDayStart(dayNumber);
    }

    /// <summary>Day number of the Monday that starts the ISO week containing the day.</summary>
    public static int WeekOfDay(int dayNumber)
    {
        var dayOfWeek = (int)DateOnly.FromDayNumber(dayNumber).DayOfWeek; // Sunday = 0
        return dayNumber - (dayOfWeek + 6) % 7;
    }

    /// <summary>Day number of the Monday that starts the ISO week containing the instant.</summary>
    public int WeekOf(long unixMicroseconds) => WeekOfDay(DayOf(unixMicroseconds));

    /// <summary>Month index (year × 12 + month − 1) of the day.</summary>
    public static int MonthOfDay(int dayNumber)
    {
        var date = DateOnly.FromDayNumber(dayNumber);
        return date.Year * 12 + date.Month - 1;
    }

    /// <summary>Month index (year × 12 + month − 1) of the instant.</summary>
    public int MonthOf(long unixMicroseconds) => MonthOfDay(DayOf(unixMicroseconds));

    /// <summary>Day number of the first day of a month index.</summary>
    public static int FirstDayOfMonth(int monthIndex) => new DateOnly(monthIndex / 12, monthIndex % 12 + 1, 1).DayNumber;

    /// <summary>Length of a local day in hours (23, 24 or 25 around daylight-saving changes).</summary>
    public double DayLengthHours(int dayNumber) => (DayStart(dayNumber + 1) - DayStart(dayNumber)) / 3_600_000_000.0;

    private static int UtcDay(long unixMicroseconds) =>
        (int)FloorDiv(unixMicroseconds, SecondsPerDay * Timestamp.MicrosPerSecond) + UnixEpochDayNumber;

    private static long FloorDiv(long value, long divisor)
    {
        var quotient = value / divisor;
        return value % divisor < 0 ? quotient - 1 : quotient;
    }

    private long ComputeDayStart(int dayNumber)
    {
        var localMidnight = (long)(dayNumber - UnixEpochDayNumber) * SecondsPerDay;
        var low = localMidnight - SearchRadiusSeconds;
        var high = localMidnight + SearchRadiusSeconds;
        // Smallest UTC second whose local day is on or after the wanted day.
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            if (LocalDay(middle) >= dayNumber) high = middle;
            else low = middle + 1;
        }
        return low * Timestamp.MicrosPerSecond;
    }

    private int LocalDay(long unixSeconds)
    {
        var utc = DateTime.UnixEpoch.AddSeconds(unixSeconds);
        var offset = (long)Zone.GetUtcOffset(utc).TotalSeconds;
        return (int)FloorDiv(unixSeconds + offset, SecondsPerDay) + UnixEpochDayNumber;
    }
}
