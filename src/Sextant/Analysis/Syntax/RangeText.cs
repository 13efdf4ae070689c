using System.Globalization;
using Sextant.Events;

namespace Sextant.Analysis.Syntax;

/// <summary>
/// Reads the ends of a time range. A date (yyyy-MM-dd) is a calendar day in the project time
/// zone: <c>from</c> starts at its first instant and <c>to</c> includes the whole day (the range
/// ends at the next day's first instant). An instant with an offset (2026-06-30T12:00:00Z) is
/// taken as is: <c>from</c> includes it, <c>to</c> excludes it.
/// </summary>
public static class RangeText
{
    /// <summary>The range between two optional texts, named in messages as <paramref name="fromLabel"/> and <paramref name="toLabel"/>.</summary>
    /// <exception cref="SextantException">A text is neither a date nor an instant, or from is not before to.</exception>
    public static TimeRange Parse(string? from, string? to, ProjectCalendar calendar, string fromLabel = "--from", string toLabel = "--to")
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var start = from is null ? (long?)null : Instant(from, fromLabel, calendar, endOfDay: false);
        var end = to is null ? (long?)null : Instant(to, toLabel, calendar, endOfDay: true);
        if (start is { } s && end is { } e && s >= e)
            throw new SextantException($"{fromLabel} '{from}' is not before {toLabel} '{to}': the range is empty");
        return TimeRange.Between(start, end);
    }

    /// <summary>The instant a --from / --to text stands for.</summary>
    /// <exception cref="SextantException">The text is neither a date nor an instant with an offset.</exception>
    public static long Instant(string text, string flag, ProjectCalendar calendar, bool endOfDay)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(calendar);
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return calendar.DayStart(date.DayNumber + (endOfDay ? 1 : 0));
        if (text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return Timestamp.FromDateTimeOffset(instant).UnixMicroseconds;
        throw new SextantException($"{flag} '{text}' is not a date (expected yyyy-MM-dd) or an instant with an offset (2026-06-30T12:00:00Z)");
    }
}
