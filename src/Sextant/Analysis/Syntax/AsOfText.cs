using System.Globalization;
using Sextant.Events;

namespace Sextant.Analysis.Syntax;

/// <summary>
/// Reads an as-of text, the inclusive data end: a date (yyyy-MM-dd) ends at its last instant in
/// the project time zone; an instant with an offset (2026-06-30T12:00:00Z) is taken as is.
/// </summary>
public static class AsOfText
{
    /// <summary>The last instant included (Unix microseconds), or null when <paramref name="text"/> is null.</summary>
    /// <param name="text">The text, or null.</param>
    /// <param name="field">The field as messages name it (<c>--as-of</c>, <c>as-of</c>).</param>
    /// <param name="calendar">The project calendar dates are read in.</param>
    /// <exception cref="SextantException">The text is neither a date nor an instant.</exception>
    public static long? Parse(string? text, string field, ProjectCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return calendar.DayStart(date.DayNumber + 1) - 1;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return Timestamp.FromDateTimeOffset(instant).UnixMicroseconds;
        throw new SextantException($"{field} '{text}' is not a date (yyyy-MM-dd) or an instant (2026-06-30T12:00:00Z)");
    }
}
