using System.Globalization;

namespace Sextant.Events;

/// <summary>
/// An instant on the UTC time line with microsecond precision, stored as microseconds since
/// the Unix epoch (1970-01-01T00:00:00Z). Hot paths use the raw <see cref="long"/> directly.
/// </summary>
public readonly record struct Timestamp(long UnixMicroseconds) : IComparable<Timestamp>
{
    /// <summary>Microseconds in one second.</summary>
    public const long MicrosPerSecond = 1_000_000;

    /// <summary>Microseconds in one minute.</summary>
    public const long MicrosPerMinute = 60 * MicrosPerSecond;

    /// <summary>Microseconds in one hour.</summary>
    public const long MicrosPerHour = 60 * MicrosPerMinute;

    /// <summary>Microseconds in one day of 24 hours.</summary>
    public const long MicrosPerDay = 86_400 * MicrosPerSecond;

    /// <summary>Converts a <see cref="DateTimeOffset"/>, truncating below one microsecond.</summary>
    public static Timestamp FromDateTimeOffset(DateTimeOffset value) =>
        new((value.UtcTicks - DateTime.UnixEpoch.Ticks) / 10);

    /// <summary>The instant as a UTC <see cref="DateTimeOffset"/>.</summary>
    public DateTimeOffset ToDateTimeOffset() =>
        new(DateTime.UnixEpoch.Ticks + UnixMicroseconds * 10, TimeSpan.Zero);

    /// <inheritdoc />
    public int CompareTo(Timestamp other) => UnixMicroseconds.CompareTo(other.UnixMicroseconds);

    /// <summary>ISO-8601 in UTC with as many fractional digits as needed (none, 3 or 6).</summary>
    public override string ToString()
    {
        var value = ToDateTimeOffset();
        var micros = UnixMicroseconds % MicrosPerSecond;
        if (micros < 0) micros += MicrosPerSecond;
        var format = micros == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'"
            : micros % 1000 == 0 ? "yyyy-MM-dd'T'HH:mm:ss.fff'Z'"
            : "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>Compares two instants.</summary>
    public static bool operator <(Timestamp left, Timestamp right) => left.UnixMicroseconds < right.UnixMicroseconds;

    /// <summary>Compares two instants.</summary>
    public static bool operator >(Timestamp left, Timestamp right) => left.UnixMicroseconds > right.UnixMicroseconds;

    /// <summary>Compares two instants.</summary>
    public static bool operator <=(Timestamp left, Timestamp right) => left.UnixMicroseconds <= right.UnixMicroseconds;

    /// <summary>Compares two instants.</summary>
    public static bool operator >=(Timestamp left, Timestamp right) => left.UnixMicroseconds >= right.UnixMicroseconds;
}
