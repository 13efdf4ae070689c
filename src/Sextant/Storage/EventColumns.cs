namespace Sextant.Storage;

/// <summary>
/// The identity and time columns of every stored event, one entry per store row (the order the
/// store keeps events in, which <see cref="IEventColumnSource"/> columns share). Codes index the
/// dictionaries from 1; 0 means no value. A store supplies these; what they mean (who an event
/// belongs to, which calendar day it falls on) is decided above the store.
/// </summary>
public sealed class EventColumns
{
    /// <summary>Columns of equal length. Codes must lie within their dictionaries: the store checks them as it decodes, so they are not checked again here.</summary>
    /// <exception cref="ArgumentException">The columns differ in length.</exception>
    public EventColumns(int[] userCodes, int[] anonymousCodes, int[] eventCodes, long[] timestamps,
        CodeDictionary userIds, CodeDictionary anonymousIds, CodeDictionary eventNames)
    {
        ArgumentNullException.ThrowIfNull(userCodes);
        ArgumentNullException.ThrowIfNull(anonymousCodes);
        ArgumentNullException.ThrowIfNull(eventCodes);
        ArgumentNullException.ThrowIfNull(timestamps);
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentNullException.ThrowIfNull(anonymousIds);
        ArgumentNullException.ThrowIfNull(eventNames);
        var rows = timestamps.Length;
        if (userCodes.Length != rows || anonymousCodes.Length != rows || eventCodes.Length != rows)
            throw new ArgumentException($"event columns differ in length: {userCodes.Length} user, {anonymousCodes.Length} anonymous, {eventCodes.Length} event codes and {rows} timestamps");
        UserCodes = userCodes;
        AnonymousCodes = anonymousCodes;
        EventCodes = eventCodes;
        Timestamps = timestamps;
        UserIds = userIds;
        AnonymousIds = anonymousIds;
        EventNames = eventNames;
        long min = long.MaxValue, max = long.MinValue;
        foreach (var time in timestamps)
        {
            if (time < min) min = time;
            if (time > max) max = time;
        }
        MinTimestamp = min;
        MaxTimestamp = max;
    }

    /// <summary>Number of events.</summary>
    public int RowCount => Timestamps.Length;

    /// <summary>User id code of each event (0 = anonymous only).</summary>
    public int[] UserCodes { get; }

    /// <summary>Anonymous id code of each event (0 = none).</summary>
    public int[] AnonymousCodes { get; }

    /// <summary>Event name code of each event (from 1).</summary>
    public int[] EventCodes { get; }

    /// <summary>Event instants, UTC microseconds since the Unix epoch.</summary>
    public long[] Timestamps { get; }

    /// <summary>The user ids the store knows: from events and profiles.</summary>
    public CodeDictionary UserIds { get; }

    /// <summary>The anonymous ids of events.</summary>
    public CodeDictionary AnonymousIds { get; }

    /// <summary>The event names.</summary>
    public CodeDictionary EventNames { get; }

    /// <summary>The earliest instant, or long.MaxValue when there are no events.</summary>
    public long MinTimestamp { get; }

    /// <summary>The latest instant, or long.MinValue when there are no events.</summary>
    public long MaxTimestamp { get; }
}
