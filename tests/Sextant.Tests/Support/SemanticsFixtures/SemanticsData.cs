using Sextant.Events;
using Sextant.Storage;

namespace Sextant.Tests.Support.SemanticsFixtures;

/// <summary>
/// A hand-made data set of the semantics tests: events, profiles, subscriptions and assignments whose
/// right answers are worked out on paper. The semantics tests load it into an EventTable; the replay
/// suites write the very same records into every database, so the two can never drift apart. The name is
/// unique among the data sets: it names the data set's stores.
/// </summary>
public sealed record SemanticsData(
    string Name, IReadOnlyList<EventRecord> Events, IReadOnlyList<UserProfile> Users, IReadOnlyList<Subscription> Subscriptions, IReadOnlyList<Assignment> Assignments)
{
    /// <summary>Events only.</summary>
    public static SemanticsData Of(string name, params EventRecord[] events) => new(name, events, [], [], []);

    /// <summary>Stores the records in a new temporary store and loads its EventTable in <paramref name="zone"/> (UTC when null).</summary>
    public EventTable Load(TimeZoneInfo? zone = null) => EventBuilder.Load(zone, Users, Subscriptions, Assignments, [.. Events]);

    /// <summary>Writes events, then profiles, subscriptions and assignments, in one batch through <paramref name="store"/>.</summary>
    public void Write(IStoreWriter store)
    {
        using var session = store.OpenSession();
        using var batch = session.BeginBatch();
        batch.AppendEvents([.. Events], run: 0);
        foreach (var user in Users) batch.WriteUser(user);
        foreach (var subscription in Subscriptions) batch.WriteSubscription(subscription);
        foreach (var assignment in Assignments) batch.WriteAssignment(assignment);
        batch.Commit();
    }
}
