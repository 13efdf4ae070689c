namespace Sextant.Storage;

/// <summary>
/// A store whose events are only ever appended (an erasure aside), so a reader that remembers
/// where it stopped can read just the events added since: what <c>sextant refresh</c> needs to
/// recompute only what new data can change (docs/REFRESH.md). The embedded SQLite store
/// implements it; positions are its chunk numbers.
/// </summary>
public interface IAppendLog
{
    /// <summary>
    /// Where the store stands: its newest chunk, how many events it holds, how many erasures it
    /// logged and a stamp of its profiles. Reads a few small rows, never an event or a profile.
    /// </summary>
    AppendMark ReadAppendMark();

    /// <summary>How many events the chunks up to and including <paramref name="lastChunk"/> hold now (no event is read).</summary>
    long CountEventsThrough(long lastChunk);

    /// <summary>
    /// The events of every chunk after <paramref name="lastChunk"/>, one chunk at a time in store
    /// order, with the dictionaries' sizes and the event and source names they use. Only those
    /// chunks are decoded.
    /// </summary>
    /// <exception cref="SextantException">A chunk is damaged.</exception>
    AppendedEvents ReadEventsAfter(long lastChunk);

    /// <summary>Every profile's user code and sign-up instant (null when the profile has none), in no particular order.</summary>
    IReadOnlyList<ProfileSignup> ReadProfileSignups();
}

/// <summary>Where an append-only store stands (see <see cref="IAppendLog.ReadAppendMark"/>).</summary>
/// <param name="LastChunk">The newest chunk's number (0 for a store without events).</param>
/// <param name="Events">Events stored.</param>
/// <param name="Erasures">Erasures logged (any erasure renumbers codes).</param>
/// <param name="ProfileStamp">Changes whenever an ingest adds or changes a profile.</param>
public sealed record AppendMark(long LastChunk, long Events, long Erasures, string ProfileStamp);

/// <summary>A profile's user code (in the store's user dictionary) and sign-up instant (UTC µs; null when none).</summary>
public readonly record struct ProfileSignup(int UserCode, long? SignupAt);

/// <summary>
/// The events appended after a position, as chunks read on demand. Codes index the store's
/// dictionaries from 1 (0 = no value); <see cref="EventNames"/> and <see cref="Sources"/> are
/// whole dictionaries (they are small), the user and anonymous ids only their sizes.
/// </summary>
public sealed class AppendedEvents
{
    private readonly Func<IEnumerable<AppendedChunk>> _chunks;

    /// <summary>Wraps a reader of the chunks; <paramref name="chunks"/> is enumerated once.</summary>
    public AppendedEvents(long lastChunk, long events, int userCount, int anonymousCount,
        IReadOnlyList<string> eventNames, IReadOnlyList<string> sources, Func<IEnumerable<AppendedChunk>> chunks)
    {
        ArgumentNullException.ThrowIfNull(eventNames);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(chunks);
        LastChunk = lastChunk;
        Events = events;
        UserCount = userCount;
        AnonymousCount = anonymousCount;
        EventNames = eventNames;
        Sources = sources;
        _chunks = chunks;
    }

    /// <summary>The newest chunk read (the position to ask from next time).</summary>
    public long LastChunk { get; }

    /// <summary>Events in the chunks to read.</summary>
    public long Events { get; }

    /// <summary>Largest user code.</summary>
    public int UserCount { get; }

    /// <summary>Largest anonymous code.</summary>
    public int AnonymousCount { get; }

    /// <summary>Event names; code c is EventNames[c − 1].</summary>
    public IReadOnlyList<string> EventNames { get; }

    /// <summary>Sources; code c is Sources[c − 1].</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>The chunks, decoded one at a time, oldest first.</summary>
    public IEnumerable<AppendedChunk> Chunks() => _chunks();
}

/// <summary>One decoded chunk of appended events; all arrays have one entry a row, in store order.</summary>
/// <param name="Chunk">The chunk's number.</param>
/// <param name="UserCodes">User id code (0 = anonymous only).</param>
/// <param name="AnonymousCodes">Anonymous id code (0 = none).</param>
/// <param name="EventCodes">Event name code (from 1).</param>
/// <param name="Timestamps">Instants, UTC µs.</param>
/// <param name="SourceCodes">Source code (0 = none).</param>
/// <param name="Revenue">Revenue as invariant decimal text, null when none.</param>
public sealed record AppendedChunk(long Chunk, int[] UserCodes, int[] AnonymousCodes, int[] EventCodes, long[] Timestamps, int[] SourceCodes, string?[] Revenue);
