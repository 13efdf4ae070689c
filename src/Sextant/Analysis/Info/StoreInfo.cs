using Sextant.Events;
using Sextant.Storage;
using Sextant.Storage.Snapshot;

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

    /// <summary>
    /// Reads the summary of the store file at <paramref name="storePath"/>: from its table snapshot
    /// when that is current (no event is read), else from the store's events.
    /// </summary>
    /// <param name="store">The store, opened.</param>
    /// <param name="storePath">Its file, beside which the snapshot lives.</param>
    /// <param name="top">How many of the most frequent events to list.</param>
    /// <param name="notice">Told in one line why the snapshot could not be used, as analyses are.</param>
    public static StoreInfo Read(IEventStore store, string storePath, int top = 10, Action<string>? notice = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        return TableSnapshot.TryReadSummary(store, storePath) is { } kept
            ? From(store.Location, kept.Summary, kept.Facts, top)
            : Read(store, TableSnapshot.Load(store, storePath, TimeZoneInfo.Utc, notice), top);
    }

    /// <summary>Reads the summary of a store whose EventTable is already loaded.</summary>
    public static StoreInfo Read(IEventStore store, EventTable table, int top = 10)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(table);
        return From(store.Location, EventSummary.Of(table), store.ReadFacts(), top);
    }

    /// <summary>The summary from event counts and store facts already at hand (a table snapshot keeps both).</summary>
    internal static StoreInfo From(string location, EventSummary summary, StoreFacts facts, int top)
    {
        var topEvents = Enumerable.Range(0, summary.Events.Length)
            .Where(code => summary.Events[code] > 0)
            .OrderByDescending(code => summary.Events[code]).ThenBy(code => summary.EventNames[code], StringComparer.Ordinal)
            .Take(top)
            .Select(code => new EventCount(summary.EventNames[code], summary.Events[code], summary.Users[code]))
            .ToList();
        var empty = summary.EventCount == 0;
        return new StoreInfo(
            location,
            summary.EventCount,
            facts.Users,
            facts.Subscriptions,
            facts.Assignments,
            summary.SignedUpUserCount,
            summary.EntityCount - summary.SignedUpUserCount,
            empty ? null : new Timestamp(summary.MinTimestamp),
            empty ? null : new Timestamp(summary.MaxTimestamp),
            summary.Events.Count(count => count > 0),
            topEvents,
            facts.IngestRuns,
            facts.SizeBytes);
    }
}
