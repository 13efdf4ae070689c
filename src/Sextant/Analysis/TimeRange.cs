using Sextant.Events;

namespace Sextant.Analysis;

/// <summary>
/// The instants an analysis looks at: from <see cref="From"/> (inclusive) to <see cref="To"/>
/// (exclusive); an open end is unbounded. Instants are absolute; the command line turns a date
/// into the first instant of that day in the project time zone (docs/QUERIES.md), so
/// <c>--from 2026-06-01 --to 2026-06-30</c> covers June 1 00:00 up to the end of June 30.
/// <c>default</c> is all time.
/// </summary>
/// <param name="From">First instant included, or null for no lower bound.</param>
/// <param name="To">First instant excluded, or null for no upper bound (the data end).</param>
public readonly record struct TimeRange(Timestamp? From = null, Timestamp? To = null)
{
    /// <summary>All time.</summary>
    public static TimeRange All => default;

    /// <summary>From as UTC microseconds, long.MinValue when open.</summary>
    public long FromMicros => From?.UnixMicroseconds ?? long.MinValue;

    /// <summary>To as UTC microseconds (exclusive), long.MaxValue when open.</summary>
    public long ToMicros => To?.UnixMicroseconds ?? long.MaxValue;

    /// <summary>True when neither end is set.</summary>
    public bool IsAll => From is null && To is null;

    /// <summary>True when <paramref name="unixMicroseconds"/> lies in the range.</summary>
    public bool Contains(long unixMicroseconds) => unixMicroseconds >= FromMicros && unixMicroseconds < ToMicros;

    /// <summary>
    /// The last instant of the range (To − 1 µs), or null when the range is open at the end:
    /// the "as of" instant of analyses that measure up to a moment, such as retention and health.
    /// </summary>
    public long? LastInstant => To is { } to ? to.UnixMicroseconds - 1 : null;

    /// <summary>The range ending just after <paramref name="asOf"/> (inclusive), or all time when null.</summary>
    public static TimeRange UpTo(long? asOf) => asOf is { } last ? new TimeRange(null, new Timestamp(last + 1)) : default;

    /// <summary>A range between two instants in UTC microseconds; null ends are open.</summary>
    public static TimeRange Between(long? fromMicros, long? toMicrosExclusive) =>
        new(fromMicros is { } f ? new Timestamp(f) : null, toMicrosExclusive is { } t ? new Timestamp(t) : null);

    /// <inheritdoc/>
    public override string ToString() => $"[{From?.ToString() ?? "−∞"}, {To?.ToString() ?? "∞"})";
}
