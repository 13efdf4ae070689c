using Sextant.Events;
using Sextant.Storage;

namespace Sextant.Analysis.Info;

/// <summary>An event name and how often it occurs.</summary>
/// <param name="Event">Event name.</param>
/// <param name="Count">Number of events.</param>
/// <param name="Users">Distinct entities (users or visitors) with the event.</param>
public sealed record EventCount(string Event, long Count, long Users);

/// <summary>What a store holds.</summary>
/// <param name="Store">Store path.</param>
/// <param name="Events">Stored events.</param>
/// <param name="Users">User profiles.</param>
/// <param name="Subscriptions">Subscriptions.</param>
/// <param name="Assignments">Experiment assignments.</param>
/// <param name="IdentifiedUsers">Distinct signed-up users: from profiles, identified events, assignments or subscriptions.</param>
/// <param name="Visitors">Anonymous ids never linked to a user.</param>
/// <param name="FirstEvent">Earliest event instant, or null.</param>
/// <param name="LastEvent">Latest event instant, or null.</param>
/// <param name="EventNames">Distinct event names.</param>
/// <param name="TopEvents">The most frequent events, most first.</param>
/// <param name="IngestRuns">Files ingested (runs recorded).</param>
/// <param name="FileBytes">Size of the store file.</param>
public sealed record StoreInfo(
    string Store,
    long Events,
    long Users,
    long Subscriptions,
    long Assignments,
    long IdentifiedUsers,
    long Visitors,
    Timestamp? FirstEvent,
    Timestamp? LastEvent,
    int EventNames,
    IReadOnlyList<EventCount> TopEvents,
    long IngestRuns,
    long FileBytes)
{
    /// <summary>Reads the summary of a store, with the <paramref name="top"/> most frequent events.</summary>
    public static StoreInfo Read(IEventStore store, int top = 10) =>
        Read(store, EventTableBuilder.Build(store, TimeZoneInfo.Utc), top);

    /// <summary>Reads the summary of a store whose EventTable is already loaded.</summary>
    public static StoreInfo Read(IEventStore store, EventTable table, int top = 10)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(table);
        var counts = new long[table.EventNames.Length];
        var users = new long[table.EventNames.Length];
        var lastUser = new int[table.EventNames.Length];
        Array.Fill(lastUser, -1);
        for (var row = 0; row < table.EventCount; row++)
        {
            var code = table.EventCodes[row];
            counts[code]++;
            if (lastUser[code] != table.UserIndex[row])
            {
                lastUser[code] = table.UserIndex[row];
                users[code]++;
            }
        }
        var topEvents = Enumerable.Range(0, counts.Length)
            .Where(code => counts[code] > 0)
            .OrderByDescending(code => counts[code]).ThenBy(code => table.EventNames[code], StringComparer.Ordinal)
            .Take(top)
            .Select(code => new EventCount(table.EventNames[code], counts[code], users[code]))
            .ToList();
        var empty = table.EventCount == 0;
        var facts = store.ReadFacts();
        return new StoreInfo(
            store.Location,
            table.EventCount,
            facts.Users,
            facts.Subscriptions,
            facts.Assignments,
            table.SignedUpUserCount,
            table.UserCount - table.SignedUpUserCount,
            empty ? null : new Timestamp(table.MinTimestamp),
            empty ? null : new Timestamp(table.MaxTimestamp),
            counts.Count(c => c > 0),
            topEvents,
            facts.IngestRuns,
            facts.SizeBytes);
    }
}
