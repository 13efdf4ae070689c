using Sextant.Storage;

namespace Sextant.Events;

/// <summary>
/// The in-memory columnar table every analysis runs on. Rows are events sorted by entity (user or
/// visitor) and then by time; <see cref="UserOffsets"/> gives each entity's contiguous range.
/// Entities 0 .. <see cref="SignedUpUserCount"/> − 1 are signed-up users (anonymous events
/// already attributed to the user they were later linked to); the rest are visitors, anonymous
/// ids never linked to a user. Event properties are decoded on demand.
/// </summary>
public sealed partial class EventTable
{
    private readonly IEventColumnSource _columnSource;
    private readonly Dictionary<string, int> _eventCodes;
    private readonly Lazy<int[]> _userIndex;
    private readonly Lazy<int[]> _storeRows;
    private readonly Lazy<string[]> _userKeys;

    internal EventTable(
        long[] timestamps,
        int[] eventCodes,
        Lazy<int[]> storeRows,
        int[] userOffsets,
        string[] eventNames,
        int userCount,
        Lazy<string[]> userKeys,
        int signedUpUserCount,
        long[] signupAt,
        UserAttributes attributes,
        ProjectCalendar calendar,
        IEventColumnSource columnSource)
    {
        Timestamps = timestamps;
        EventCodes = eventCodes;
        _storeRows = storeRows;
        _userIndex = new Lazy<int[]>(() => EntityOfRows(userOffsets, timestamps.Length));
        UserOffsets = userOffsets;
        EventNames = eventNames;
        UserCount = userCount;
        _userKeys = userKeys;
        SignedUpUserCount = signedUpUserCount;
        SignupAt = signupAt;
        Attributes = attributes;
        Calendar = calendar;
        _columnSource = columnSource;
        _eventCodes = new Dictionary<string, int>(eventNames.Length, StringComparer.Ordinal);
        for (var i = 0; i < eventNames.Length; i++) _eventCodes[eventNames[i]] = i;
    }

    /// <summary>Number of events (rows).</summary>
    public int EventCount => Timestamps.Length;

    /// <summary>Number of entities: signed-up users followed by visitors.</summary>
    public int UserCount { get; }

    /// <summary>Entities 0 .. SignedUpUserCount − 1 are signed-up users; higher ones are visitors.</summary>
    public int SignedUpUserCount { get; }

    /// <summary>Event instants, UTC microseconds since the Unix epoch, sorted within each entity.</summary>
    public long[] Timestamps { get; }

    /// <summary>Event name code of each row; index into <see cref="EventNames"/>.</summary>
    public int[] EventCodes { get; }

    /// <summary>Entity of each row (derived from <see cref="UserOffsets"/> on first use; most analyses walk the offsets instead).</summary>
    public int[] UserIndex => _userIndex.Value;

    /// <summary>Position of each row in the store (used to decode properties on demand through the store's column source); read on first use.</summary>
    internal int[] StoreRows => _storeRows.Value;

    /// <summary>Entity u owns rows UserOffsets[u] .. UserOffsets[u + 1] − 1; length UserCount + 1.</summary>
    public int[] UserOffsets { get; }

    /// <summary>Distinct event names; a row's name is EventNames[EventCodes[row]].</summary>
    public string[] EventNames { get; }

    /// <summary>user_id of each signed-up user, then anonymous_id of each visitor.</summary>
    public string[] UserKeys => _userKeys.Value;

    /// <summary>Sign-up instant per entity: the profile's signup_at, else the first event (visitors: first event; long.MinValue for a profile with neither).</summary>
    public long[] SignupAt { get; }

    /// <summary>Profile attributes (segment, channel, plan, …) per entity.</summary>
    public UserAttributes Attributes { get; }

    /// <summary>Calendar in the project time zone.</summary>
    public ProjectCalendar Calendar { get; }

    /// <summary>The latest event instant, or long.MinValue when the table is empty.</summary>
    public long MaxTimestamp { get; internal init; } = long.MinValue;

    /// <summary>The earliest event instant, or long.MaxValue when the table is empty.</summary>
    public long MinTimestamp { get; internal init; } = long.MaxValue;

    /// <summary>Subscriptions of the signed-up users (empty when none were imported).</summary>
    public SubscriptionTable Subscriptions { get; internal init; } = SubscriptionTable.Empty;

    /// <summary>Experiment assignments of the signed-up users (empty when none were imported).</summary>
    public AssignmentTable Assignments { get; internal init; } = AssignmentTable.Empty;

    /// <summary>True when entity <paramref name="user"/> is a visitor (never-linked anonymous id).</summary>
    public bool IsVisitor(int user) => user >= SignedUpUserCount;

    /// <summary>The code of an event name, or −1 when no such event was stored.</summary>
    public int EventCode(string eventName) => _eventCodes.TryGetValue(eventName, out var code) ? code : -1;

    /// <summary>
    /// A property of every event as a dictionary-encoded column aligned with the rows. Built-in
    /// columns are named platform, session_id, workspace_id, revenue, source, event_id; anything
    /// else is a top-level key of the properties object (numbers and booleans as invariant text).
    /// </summary>
    public CodedColumn Property(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var byStoreRow = _columnSource.ReadColumn(name);
        var codes = new int[EventCount];
        var storeRows = StoreRows;
        for (var row = 0; row < codes.Length; row++) codes[row] = byStoreRow.Codes[storeRows[row]];
        return new CodedColumn(codes, byStoreRow.Values);
    }

    private static int[] EntityOfRows(int[] offsets, int eventCount)
    {
        var entities = GC.AllocateUninitializedArray<int>(eventCount);
        Parallel.For(0, offsets.Length - 1, entity => entities.AsSpan(offsets[entity], offsets[entity + 1] - offsets[entity]).Fill(entity));
        return entities;
    }
}
