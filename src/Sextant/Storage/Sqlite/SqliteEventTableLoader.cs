using Microsoft.Data.Sqlite;
using Sextant.Events;

namespace Sextant.Storage.Sqlite;

/// <summary>
/// Loads the store into an <see cref="EventTable"/>: decodes the integer columns of every chunk in
/// parallel, attributes anonymous events to linked users, groups rows by entity with a counting
/// sort and orders each entity's rows by time (ties keep store order).
/// </summary>
internal static class SqliteEventTableLoader
{
    public static EventTable Load(SqliteStore store, TimeZoneInfo zone)
    {
        var connection = store.Connection;
        var chunks = StoreChunks.List(connection);
        var rowCount = chunks.Count == 0 ? 0 : chunks[^1].FirstRow + chunks[^1].Rows;
        var blobs = StoreChunks.ReadColumns(connection, chunks, ChunkColumn.UserCode, ChunkColumn.AnonymousCode, ChunkColumn.EventCode, ChunkColumn.Timestamp);

        var dictionaries = new StoreDictionaries(connection);
        // Stored codes must lie within the stored dictionary, not the users added after it.
        var storedUserCount = dictionaries.Values(DictionaryKind.UserId).Count;
        AddUsersKnownOnlyFromRecords(connection, dictionaries);
        var userIds = dictionaries.Values(DictionaryKind.UserId);
        var anonymousIds = dictionaries.Values(DictionaryKind.AnonymousId);
        var eventNames = dictionaries.Values(DictionaryKind.EventName).ToArray();

        var users = new int[rowCount];
        var anonymous = new int[rowCount];
        var events = new int[rowCount];
        var times = new long[rowCount];
        StoreChunks.DecodeAll(chunks, i =>
        {
            var chunk = chunks[i];
            EventChunkDecoder.DecodeCodes(blobs[i][0], users.AsSpan(chunk.FirstRow, chunk.Rows), storedUserCount);
            EventChunkDecoder.DecodeCodes(blobs[i][1], anonymous.AsSpan(chunk.FirstRow, chunk.Rows), anonymousIds.Count);
            EventChunkDecoder.DecodeCodes(blobs[i][2], events.AsSpan(chunk.FirstRow, chunk.Rows), eventNames.Length);
            EventChunkDecoder.DecodeTimestamps(blobs[i][3], times.AsSpan(chunk.FirstRow, chunk.Rows));
        });

        var entityOfAnonymous = IdentityResolver.Resolve(users, anonymous, times, userIds.Count, anonymousIds.Count, out var visitorAnonymousCodes);
        var entityCount = userIds.Count + visitorAnonymousCodes.Count;
        var entities = new int[rowCount];
        Parallel.For(0, rowCount, row =>
            entities[row] = users[row] != 0 ? users[row] - 1 : entityOfAnonymous[anonymous[row]]);

        var (order, offsets) = GroupByEntity(entities, times, entityCount);

        var sortedTimes = new long[rowCount];
        var sortedEvents = new int[rowCount];
        var storeRows = order;
        Parallel.For(0, rowCount, i =>
        {
            var row = order[i];
            sortedTimes[i] = times[row];
            sortedEvents[i] = events[row] - 1;
        });
        var sortedEntities = new int[rowCount];
        for (var entity = 0; entity < entityCount; entity++)
            sortedEntities.AsSpan(offsets[entity], offsets[entity + 1] - offsets[entity]).Fill(entity);

        var userKeys = new string[entityCount];
        for (var i = 0; i < userIds.Count; i++) userKeys[i] = userIds[i];
        for (var i = 0; i < visitorAnonymousCodes.Count; i++) userKeys[userIds.Count + i] = anonymousIds[visitorAnonymousCodes[i] - 1];

        var (signups, attributes) = ProfileLoader.Load(connection, dictionaries, entityCount, userIds.Count, sortedTimes, offsets);
        long min = long.MaxValue, max = long.MinValue;
        foreach (var chunk in chunks)
        {
            min = Math.Min(min, chunk.MinTimestamp);
            max = Math.Max(max, chunk.MaxTimestamp);
        }
        var calendar = rowCount == 0 ? new ProjectCalendar(zone, 0, 0) : new ProjectCalendar(zone, min, max);

        return new EventTable(sortedTimes, sortedEvents, sortedEntities, storeRows, offsets, eventNames, userKeys,
            userIds.Count, signups, attributes, calendar, new StoreColumnSource(Path.GetFullPath(store.Path)))
        {
            MinTimestamp = min,
            MaxTimestamp = max,
            Subscriptions = SubscriptionLoader.Load(connection, dictionaries, userIds.Count),
            Assignments = AssignmentLoader.Load(connection, dictionaries, userIds.Count),
        };
    }

    /// <summary>
    /// A user known only from an assignment or a subscription (no profile, no event) is still a
    /// user (SEMANTICS.md, Experiments): such ids get codes after the stored ones, in memory only,
    /// so they become signed-up users with no events instead of being left out.
    /// </summary>
    private static void AddUsersKnownOnlyFromRecords(SqliteConnection connection, StoreDictionaries dictionaries)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_id FROM assignments UNION SELECT user_id FROM subscriptions ORDER BY 1";
        using var reader = command.ExecuteReader();
        while (reader.Read()) dictionaries.GetOrAdd(DictionaryKind.UserId, reader.GetString(0));
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
