using System.Globalization;

namespace Sextant.Events;

/// <summary>Unit of numeric (Unix epoch) timestamps.</summary>
public enum TimeUnit
{
    /// <summary>Detect by magnitude: below 1e11 seconds, below 1e14 milliseconds, below 1e17 microseconds, else nanoseconds.</summary>
    Auto,
    /// <summary>Seconds since the epoch.</summary>
    Seconds,
    /// <summary>Milliseconds since the epoch.</summary>
    Milliseconds,
    /// <summary>Microseconds since the epoch.</summary>
    Microseconds,
    /// <summary>Nanoseconds since the epoch.</summary>
    Nanoseconds,
}

/// <summary>How to read timestamps that do not say their zone or unit.</summary>
/// <param name="NaiveZone">Zone of timestamps without an offset ('YYYY-MM-DD HH:MM:SS', 'YYYY-MM-DD').</param>
/// <param name="NumericUnit">Unit of numeric epoch timestamps.</param>
public sealed record TimestampParseOptions(TimeZoneInfo NaiveZone, TimeUnit NumericUnit)
{
    /// <summary>Naive times in UTC, numeric units detected by magnitude.</summary>
    public static TimestampParseOptions Utc { get; } = new(TimeZoneInfo.Utc, TimeUnit.Auto);

    // A getter, not a stored flag, so that `options with { NaiveZone = … }` stays right.
    internal bool NaiveIsUtc => NaiveZone.BaseUtcOffset == TimeSpan.Zero && !NaiveZone.SupportsDaylightSavingTime;
}

/// <summary>
/// Parses the timestamp forms of DATA_MODEL.md into microseconds since the Unix epoch (UTC):
/// ISO-8601 with an offset or Z (a 'T' or a space between date and time, up to 7 fractional
/// digits, more are truncated); naive 'YYYY-MM-DD HH:MM[:SS[.ffffff]]' and 'YYYY-MM-DD' read in
/// <see cref="TimestampParseOptions.NaiveZone"/>; Unix seconds, milliseconds, microseconds or
/// nanoseconds (a fractional part allowed). A naive time that falls in a daylight-saving gap is
/// moved forward by the length of the gap (02:30 on a spring-forward night in Berlin is read as
/// 03:30 local, 01:30Z); an ambiguous one in a fall-back overlap takes the earlier instant (the
/// daylight-saving offset). Sub-microsecond digits are truncated.
/// </summary>
public static class TimestampParser
{
    private const long TicksPerMicrosecond = 10;

    /// <summary>Parses one timestamp. On failure <paramref name="error"/> says why, quoting the text.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, TimestampParseOptions options, out long unixMicroseconds, out string? error)
    {
        ArgumentNullException.ThrowIfNull(options);
        text = text.Trim();
        unixMicroseconds = 0;
        if (text.IsEmpty)
        {
            error = "empty timestamp";
            return false;
        }
        if (text[0] == '-' && text.Length > 1 && char.IsAsciiDigit(text[1]) && IsNumber(text[1..]))
        {
            error = $"'{text}' is not a timestamp: negative epoch";
            return false;
        }
        return IsNumber(text)
            ? TryParseNumber(text, options.NumericUnit, out unixMicroseconds, out error)
            : TryParseCalendar(text, options, out unixMicroseconds, out error);
    }

    /// <summary>Reads a unit name: auto, s, ms, us, ns (or seconds, milliseconds, microseconds, nanoseconds).</summary>
    /// <exception cref="SextantException">The name is none of these.</exception>
    public static TimeUnit ParseUnit(string text) => text?.Trim().ToLowerInvariant() switch
    {
        "auto" => TimeUnit.Auto,
        "s" or "sec" or "seconds" => TimeUnit.Seconds,
        "ms" or "milliseconds" => TimeUnit.Milliseconds,
        "us" or "µs" or "microseconds" => TimeUnit.Microseconds,
        "ns" or "nanoseconds" => TimeUnit.Nanoseconds,
        _ => throw new SextantException($"time unit '{text}' is not one of auto, s, ms, us, ns"),
    };

    private static bool IsNumber(ReadOnlySpan<char> text)
    {
        var dot = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c)) continue;
            if (c == '.' && !dot && i > 0 && i < text.Length - 1) dot = true;
            else return false;
        }
        return true;
    }

    private static bool TryParseNumber(ReadOnlySpan<char> text, TimeUnit unit, out long micros, out string? error)
    {
        micros = 0;
        var dot = text.IndexOf('.');
        var integerDigits = dot < 0 ? text : text[..dot];
        var fractionDigits = dot < 0 ? [] : text[(dot + 1)..];
        if (integerDigits.Length > 19 || !long.TryParse(integerDigits, NumberStyles.None, CultureInfo.InvariantCulture, out var whole))
        {
            error = $"'{text}' is not a timestamp: the number is too large";
            return false;
        }
        if (unit == TimeUnit.Auto)
        {
            unit = whole < 100_000_000_000L ? TimeUnit.Seconds
                : whole < 100_000_000_000_000L ? TimeUnit.Milliseconds
                : whole < 100_000_000_000_000_000L ? TimeUnit.Microseconds
                : TimeUnit.Nanoseconds;
        }
        var (perUnit, fractionScale) = unit switch
        {
            TimeUnit.Seconds => (1_000_000L, 6),
            TimeUnit.Milliseconds => (1_000L, 3),
            TimeUnit.Microseconds => (1L, 0),
            _ => (0L, 0),
        };
        if (unit == TimeUnit.Nanoseconds)
        {
            micros = whole / 1000;
            return WithinCalendar(text, micros, out error);
        }
        if (whole > long.MaxValue / perUnit)
        {
            error = $"'{text}' is not a timestamp: the number is too large";
            return false;
        }
        long fraction = 0;
        for (var i = 0; i < fractionScale; i++)
            fraction = fraction * 10 + (i < fractionDigits.Length ? fractionDigits[i] - '0' : 0);
        micros = whole * perUnit + fraction;
        return WithinCalendar(text, micros, out error);
    }

    private static readonly long LastMicrosecond = (DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks) / TicksPerMicrosecond;

    private static bool WithinCalendar(ReadOnlySpan<char> text, long micros, out string? error)
    {
        error = micros > LastMicrosecond ? $"'{text}' is not a timestamp: it falls after the year 9999" : null;
        return error is null;
    }

    private static bool TryParseCalendar(ReadOnlySpan<char> text, TimestampParseOptions options, out long micros, out string? error)
    {
        micros = 0;
        var position = 0;
        if (!Digits(text, ref position, 4, out var year) || !Expect(text, ref position, '-')
            || !Digits(text, ref position, 2, out var month) || !Expect(text, ref position, '-')
            || !Digits(text, ref position, 2, out var day))
            return NotATimestamp(text, out error);

        int hour = 0, minute = 0, second = 0;
        long fractionTicks = 0;
        var hasTime = position < text.Length && (text[position] is 'T' or 't' or ' ')
            && position + 1 < text.Length && char.IsAsciiDigit(text[position + 1]);
        if (hasTime)
        {
            position++;
            if (!Digits(text, ref position, 2, out hour) || !Expect(text, ref position, ':') || !Digits(text, ref position, 2, out minute))
                return NotATimestamp(text, out error);
            if (position < text.Length && text[position] == ':')
            {
                position++;
                if (!Digits(text, ref position, 2, out second)) return NotATimestamp(text, out error);
                if (position < text.Length && text[position] is '.' or ',')
                {
                    position++;
                    var start = position;
                    while (position < text.Length && char.IsAsciiDigit(text[position]))
                    {
                        if (position - start < 7) fractionTicks = fractionTicks * 10 + (text[position] - '0');
                        position++;
                    }
                    if (position == start) return NotATimestamp(text, out error);
                    for (var i = position - start; i < 7; i++) fractionTicks *= 10;
                }
            }
        }

        var rangeError = month is < 1 or > 12 ? $"month {month} is out of range"
            : year < 1 ? $"year {year} is out of range"
            : day < 1 || day > DateTime.DaysInMonth(year, month) ? $"day {day} does not exist in {year:D4}-{month:D2}"
            : hour > 23 ? $"hour {hour} is out of range"
            : minute > 59 ? $"minute {minute} is out of range"
            : second > 59 ? $"second {second} is out of range"
            : null;
        if (rangeError is not null)
        {
            error = $"'{text}' is not a timestamp: {rangeError}";
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks);
        if (position < text.Length && text[position] == ' ' && position + 1 < text.Length && text[position + 1] is '+' or '-' or 'Z') position++;
        TimeSpan offset;
        if (hasTime && text[position..].Equals(" UTC", StringComparison.OrdinalIgnoreCase))
        {
            offset = TimeSpan.Zero;
        }
        else if (position == text.Length)
        {
            offset = options.NaiveIsUtc ? TimeSpan.Zero : NaiveOffset(local, options.NaiveZone);
        }
        else if (!hasTime || !TryOffset(text, ref position, out offset) || position != text.Length)
        {
            return NotATimestamp(text, out error);
        }

        micros = (local.Ticks - offset.Ticks - DateTime.UnixEpoch.Ticks) / TicksPerMicrosecond;
        error = null;
        return true;
    }

    private static TimeSpan NaiveOffset(DateTime local, TimeZoneInfo zone)
    {
        if (zone.IsInvalidTime(local))
        {
            // In a gap: read with the offset in force before the change, which moves it forward.
            return zone.GetUtcOffset(local.AddHours(-6));
        }
        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            return offsets.Max();
        }
        return zone.GetUtcOffset(local);
    }

    private static bool TryOffset(ReadOnlySpan<char> text, ref int position, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        var sign = text[position];
        if (sign is 'Z' or 'z')
        {
            position++;
            return true;
        }
        if (sign is not ('+' or '-')) return false;
        position++;
        if (!Digits(text, ref position, 2, out var hours)) return false;
        var minutes = 0;
        if (position < text.Length)
        {
            if (text[position] == ':') position++;
            if (!Digits(text, ref position, 2, out minutes)) return false;
        }
        if (hours > 18 || minutes > 59) return false;
        offset = new TimeSpan(hours, minutes, 0);
        if (sign == '-') offset = -offset;
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> text, ref int position, int count, out int value)
    {
        value = 0;
        if (position + count > text.Length) return false;
        for (var i = 0; i < count; i++)
        {
            var c = text[position + i];
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        position += count;
        return true;
    }

    private static bool Expect(ReadOnlySpan<char> text, ref int position, char expected)
    {
        if (position >= text.Length || text[position] != expected) return false;
        position++;
        return true;
    }

    private static bool NotATimestamp(ReadOnlySpan<char> text, out string? error)
    {
        error = $"'{text}' is not a timestamp (expected ISO-8601, 'YYYY-MM-DD HH:MM:SS' or Unix seconds/ms/µs)";
        return false;
    }
}
