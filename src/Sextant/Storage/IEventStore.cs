using Sextant.Events;

namespace Sextant.Storage;

/// <summary>
/// The read side of a store: what the EventTable, <c>check</c> and <c>info</c> need, in terms no
/// particular database dictates. The embedded SQLite store implements it; a warehouse store
/// (PostgreSQL, ClickHouse, DuckDB) would too. Identity resolution, the calendar and every metric
/// are applied above this port, never inside a store.
/// </summary>
public interface IEventStore : IIdentityMap
{
    /// <summary>Where the store lives (a file path, a connection target), as messages name it.</summary>
    string Location { get; }

    /// <summary>
    /// Reads event columns (properties, platform, …) on demand. It stays usable after this store
    /// object is disposed, since an EventTable keeps it for as long as it lives.
    /// </summary>
    IEventColumnSource ColumnSource { get; }

    /// <summary>The identity, name and time columns of every stored event, verified against damage.</summary>
    /// <exception cref="SextantException">The stored events are damaged.</exception>
    EventColumns ReadEventColumns();

    /// <summary>How many events the store holds, from its own bookkeeping (no event is read).</summary>
    long CountEvents();

    /// <summary>How many stored events carry an event id that an earlier stored event already has (0 when deduplication held).</summary>
    /// <exception cref="SextantException">The stored events are damaged.</exception>
    long CountRepeatedEventIds();

    /// <summary>User ids the store knows from events and profiles (not those seen only on subscriptions or assignments).</summary>
    IReadOnlyList<string> ReadUserIds();

    /// <summary>Every user profile, in no particular order.</summary>
    IEnumerable<UserProfile> ReadProfiles();

    /// <summary>Every subscription in its latest state, ordered by start instant, then subscription id (ordinal).</summary>
    IEnumerable<Subscription> ReadSubscriptions();

    /// <summary>Every assignment, ordered by experiment, user id, assignment instant, then variant (ordinal).</summary>
    IEnumerable<Assignment> ReadAssignments();

    /// <summary>The ingest log, oldest run first.</summary>
    IReadOnlyList<IngestRun> ReadIngestRuns();

    /// <summary>
    /// A short text that changes whenever anything an EventTable is built from changes (events,
    /// dictionaries, profiles, subscriptions, assignments). Equal stamps mean equal contents, so a
    /// table snapshot carrying this stamp is current.
    /// </summary>
    string ReadChangeStamp();

    /// <summary>Counts the store keeps about itself.</summary>
    StoreFacts ReadFacts();

    /// <summary>
    /// The store's own check of its storage (file integrity, checksums and the like), first a
    /// finding named <c>store_integrity</c>. A failed finding means the event columns must not be
    /// decoded: <see cref="ReadEventColumns"/> would fail or mislead.
    /// </summary>
    IReadOnlyList<IntegrityFinding> VerifyIntegrity();
}
