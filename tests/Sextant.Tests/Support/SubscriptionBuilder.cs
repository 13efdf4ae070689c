using System.Globalization;
using Sextant.Events;
using Sextant.Storage.Sqlite;

namespace Sextant.Tests.Support;

/// <summary>Builds subscriptions in code and stores them with events, bypassing file parsing.</summary>
public static class SubscriptionBuilder
{
    private static int _sequence;

    /// <summary>A paying subscription; <paramref name="isoEnd"/> null while it runs.</summary>
    public static Subscription Paid(string user, decimal mrr, string isoStart, string? isoEnd = null, string currency = "USD") =>
        new("s" + Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture), user, "plus", isoEnd is null ? "active" : "cancelled",
            Instant(isoStart), isoEnd is null ? null : Instant(isoEnd), mrr, currency);

    /// <summary>A trial subscription (it carries no revenue whatever its MRR).</summary>
    public static Subscription Trial(string user, decimal mrr, string isoStart, string? isoEnd = null) =>
        Paid(user, mrr, isoStart, isoEnd) with { Status = "trial" };

    /// <summary>
    /// Stores the events, then the subscriptions, in a new temporary store and loads its EventTable in UTC.
    /// </summary>
    public static EventTable Load(EventRecord[] events, params Subscription[] subscriptions) =>
        Load(new TempDirectory().File("s.db"), events, subscriptions);

    /// <summary>As <see cref="Load(EventRecord[], Subscription[])"/>, into a new store at <paramref name="storePath"/>.</summary>
    public static EventTable Load(string storePath, EventRecord[] events, params Subscription[] subscriptions)
    {
        EventBuilder.Write(storePath, events);
        using var store = SqliteStore.Open(storePath, create: false);
        var writer = new SqliteProfileWriter(store.Connection, new StoreDictionaries(store.Connection));
        using (var transaction = store.Connection.BeginTransaction())
        {
            foreach (var subscription in subscriptions) writer.WriteSubscription(subscription, transaction);
            transaction.Commit();
        }
        return SqliteEventTableLoader.Load(store, TimeZoneInfo.Utc);
    }

    /// <summary>Parses an ISO-8601 instant.</summary>
    public static Timestamp Instant(string iso) => Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture));
}
