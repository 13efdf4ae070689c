using System.Globalization;
using System.Text.Json;
using Sextant.Events;

namespace Sextant.Ingest.Vendors;

/// <summary>Reads the time fields of vendor rows, each in its documented unit, and writes the canonical text.</summary>
internal static class VendorTime
{
    /// <summary>The canonical text of an instant: ISO-8601 in UTC with microseconds.</summary>
    public static string Text(long unixMicroseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks(unixMicroseconds * 10).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// An epoch number in a known unit (JSON number or digits in a string; GA4 writes int64 as
    /// strings). Fractions are kept to the microsecond.
    /// </summary>
    public static bool TryEpoch(JsonElement value, long microsecondsPerUnit, out long unixMicroseconds)
    {
        unixMicroseconds = 0;
        decimal number;
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                if (!value.TryGetDecimal(out number)) return false;
                break;
            case JsonValueKind.String:
                if (!decimal.TryParse(value.GetString(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number)) return false;
                break;
            default:
                return false;
        }
        try
        {
            unixMicroseconds = (long)decimal.Truncate(number * microsecondsPerUnit);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>Mixpanel's <c>time</c>: seconds, or milliseconds when it is too large for seconds (exports since 2023 may carry ms).</summary>
    public static bool TrySecondsOrMilliseconds(JsonElement value, out long unixMicroseconds)
    {
        if (!TryEpoch(value, 1_000_000, out unixMicroseconds)) return false;
        // 1e11 seconds is the year 5138: anything larger is milliseconds.
        if (unixMicroseconds >= 100_000_000_000L * 1_000_000L) unixMicroseconds /= 1000;
        return true;
    }

    /// <summary>ISO-8601 text (with an offset or Z) or naive text read as UTC, as the tools write it.</summary>
    public static bool TryText(JsonElement value, out long unixMicroseconds)
    {
        unixMicroseconds = 0;
        if (value.ValueKind != JsonValueKind.String) return false;
        return TimestampParser.TryParse(value.GetString()!, TimestampParseOptions.Utc, out unixMicroseconds, out _);
    }
}
