using System.Globalization;
using Sextant.Events;

namespace Sextant.Cli;

/// <summary>
/// Reads --as-of, the inclusive data end: a date (yyyy-MM-dd) ends at its last instant in the
/// project time zone; an instant with an offset (2026-06-30T12:00:00Z) is taken as is.
/// --from and --to are read by RangeText.
/// </summary>
internal static class DateFlags
{
    public static long? AsOf(string? text, ProjectCalendar calendar)
    {
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return calendar.DayStart(date.DayNumber + 1) - 1;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return Timestamp.FromDateTimeOffset(instant).UnixMicroseconds;
        throw new SextantException($"--as-of '{text}' is not a date (yyyy-MM-dd) or an instant (2026-06-30T12:00:00Z)");
    }
}
