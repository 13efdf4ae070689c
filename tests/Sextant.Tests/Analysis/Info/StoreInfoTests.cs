using Sextant.Analysis.Info;
using Sextant.Storage.Sqlite;
using Sextant.Tests.Support;

namespace Sextant.Tests.Analysis.Info;

public sealed class StoreInfoTests
{
    [Fact]
    public void Users_known_only_from_assignments_or_subscriptions_count_as_users()
    {
        // Given one user with an event, one known only from an assignment and one only from a subscription
        using var fixture = new StoreFixture();
        Assert.Equal(1, fixture.Ingest("events.csv", "event_id,user_id,event,timestamp\ne1,u1,open,2026-01-01T00:00:00Z\n").Inserted);
        Assert.Equal(1, fixture.Ingest("assignments.csv", "experiment,user_id,variant,assigned_at\nexp,u2,control,2026-01-01T00:00:00Z\n").Inserted);
        Assert.Equal(1, fixture.Ingest("subscriptions.csv",
            "subscription_id,user_id,plan,status,start_at,end_at,mrr,currency\ns1,u3,plus,active,2026-01-01T00:00:00Z,,10,USD\n").Inserted);

        // When the store is summarised
        using var store = SqliteStore.Open(fixture.StorePath, create: false);
        var info = StoreInfo.Read(store);

        // Then all three are signed-up users, and the assignment and subscription are no longer left out
        Assert.Equal(3, info.IdentifiedUsers);
        var table = fixture.Load();
        Assert.Equal(0, table.Assignments.UnmatchedCount);
        Assert.Equal(0, table.Subscriptions.UnmatchedCount);
        Assert.Equal(["u1", "u2", "u3"], table.UserKeys.Order(StringComparer.Ordinal));
    }
}
