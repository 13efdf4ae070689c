using Sextant.Storage;

namespace Sextant.Events;

/// <summary>
/// Builds the <see cref="EventTable"/> from what any store supplies: the store decodes its event
/// columns; here identities are resolved (<see cref="IdentityResolution"/>), rows are grouped
/// by entity with a counting sort and each entity's rows ordered by time (ties keep store order),
/// profiles become attribute columns and the calendar is laid over the data's range.
/// </summary>
public static class EventTableBuilder
{
    /// <summary>Loads the table of <paramref name="store"/> with calendar periods in <paramref name="zone"/>.</summary>
    /// <exception cref="SextantException">The store cannot be read or is damaged.</exception>
    public static EventTable Build(IEventStore store, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(zone);
        TableMemory.EnsureFits(store.CountEvents(), TableMemory.BuildBytesPerEvent, "building its table from the chunks");
        return Build(store, store.ReadEventColumns(), zone);
    }

    /// <summary>Builds the table from event columns already read from <paramref name="store"/>.</summary>
    internal static EventTable Build(IEventStore store, EventColumns columns, TimeZoneInfo zone)
    {
        var subscriptions = store.ReadSubscriptions().ToList();
        var assignments = store.ReadAssignments().ToList();
        var users = new UserDirectory(columns.UserIds, assignments.Select(a => a.UserId).Concat(subscriptions.Select(s => s.UserId)));

        var rowCount = columns.RowCount;
        var userCodes = columns.UserCodes;
        var anonymous = columns.AnonymousCodes;
        var times = columns.Timestamps;
        var events = columns.EventCodes;
        var entityOfAnonymous = IdentityResolution.Resolve(userCodes, anonymous, times, users.Count, columns.AnonymousIds.Count, out var visitorAnonymousCodes);
        var entityCount = users.Count + visitorAnonymousCodes.Count;
        var entities = new int[rowCount];
        Parallel.For(0, rowCount, row =>
            entities[row] = userCodes[row] != 0 ? userCodes[row] - 1 : entityOfAnonymous[anonymous[row]]);

        var (order, offsets) = GroupByEntity(entities, times, entityCount);

        var sortedTimes = new long[rowCount];
        var sortedEvents = new int[rowCount];
        Parallel.For(0, rowCount, i =>
        {
            var row = order[i];
            sortedTimes[i] = times[row];
            sortedEvents[i] = events[row] - 1;
        });

        var userKeys = new string[entityCount];
        users.Keys.CopyTo(userKeys, 0);
        var anonymousIds = columns.AnonymousIds.Values;
        for (var i = 0; i < visitorAnonymousCodes.Count; i++) userKeys[users.Count + i] = anonymousIds[visitorAnonymousCodes[i] - 1];

        var (signups, attributes) = ProfileColumns.Build(store.ReadProfiles(), users, entityCount, sortedTimes, offsets);
        var calendar = rowCount == 0 ? new ProjectCalendar(zone, 0, 0) : new ProjectCalendar(zone, columns.MinTimestamp, columns.MaxTimestamp);

        return new EventTable(sortedTimes, sortedEvents, new Lazy<int[]>(order), offsets, [.. columns.EventNames.Values], entityCount, new Lazy<string[]>(userKeys),
            users.Count, signups, attributes, calendar, store.ColumnSource)
        {
            MinTimestamp = columns.MinTimestamp,
            MaxTimestamp = columns.MaxTimestamp,
            Subscriptions = RecordTables.Subscriptions(subscriptions, users),
            Assignments = RecordTables.Assignments(assignments, users),
        };
    }

    /// <summary>Counting sort by entity, then each entity's rows by (time, store row).</summary>
    private static (int[] Order, int[] Offsets) GroupByEntity(int[] entities, long[] times, int entityCount)
    {
        var offsets = new int[entityCount + 1];
        foreach (var entity in entities) offsets[entity + 1]++;
        for (var i = 0; i < entityCount; i++) offsets[i + 1] += offsets[i];
        var next = (int[])offsets.Clone();
        var order = new int[entities.Length];
        for (var row = 0; row < entities.Length; row++) order[next[entities[row]]++] = row;

        Parallel.For(0, entityCount, entity =>
        {
            var start = offsets[entity];
            var length = offsets[entity + 1] - start;
            if (length < 2) return;
            var rows = order.AsSpan(start, length);
            var sorted = true;
            for (var i = 1; i < rows.Length && sorted; i++) sorted = times[rows[i - 1]] <= times[rows[i]];
            if (sorted) return;
            // Rows arrive in store order, so a stable sort by time keeps store order for ties.
            var keys = new (long Time, int Row)[length];
            for (var i = 0; i < length; i++) keys[i] = (times[rows[i]], rows[i]);
            Array.Sort(keys);
            for (var i = 0; i < length; i++) rows[i] = keys[i].Row;
        });
        return (order, offsets);
    }
}
