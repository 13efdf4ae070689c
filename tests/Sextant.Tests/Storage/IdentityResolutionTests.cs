using Sextant.Events;
using Sextant.Storage;

namespace Sextant.Tests.Storage;

/// <summary>Identity resolution (SEMANTICS.md, Identity) on hand-made links, and the EventTable built from a store that is no database.</summary>
public sealed class IdentityResolutionTests
{
    // Rows in store order. a1 browses (t=100), then signs up as u1 (t=200); a2 never signs up;
    // a3 is seen with u1 at t=250 and with u2 at t=300, and browsed alone at t=50.
    private static InMemoryEventStore Store() => new InMemoryEventStore()
        .Add(null, "a1", "visit", 100)
        .Add("u1", "a1", "signup", 200)
        .Add(null, "a2", "visit", 150)
        .Add("u2", "a3", "login", 300)
        .Add("u1", "a3", "login", 250)
        .Add(null, "a3", "visit", 50)
        .Add("u2", null, "purchase", 400);

    [Fact]
    public void Given_anonymous_events_before_an_identify_when_the_table_is_built_then_they_belong_to_the_user()
    {
        var table = EventTableBuilder.Build(Store(), TimeZoneInfo.Utc);

        // u1 owns a1's visit (100) and signup (200), a3's lone visit (50) and the u1+a3 login (250).
        Assert.Equal([50L, 100, 200, 250], Rows(table, 0).Select(row => table.Timestamps[row]));
        Assert.Equal(["visit", "visit", "signup", "login"], Rows(table, 0).Select(row => table.EventNames[table.EventCodes[row]]));
        Assert.Equal([300L, 400], Rows(table, 1).Select(row => table.Timestamps[row]));
        Assert.Equal(50, table.SignupAt[0]);
    }

    [Fact]
    public void Given_an_anonymous_id_never_linked_when_the_table_is_built_then_it_is_a_visitor_numbered_after_the_users()
    {
        var table = EventTableBuilder.Build(Store(), TimeZoneInfo.Utc);

        Assert.Equal(2, table.SignedUpUserCount);
        Assert.Equal(["u1", "u2", "a2"], table.UserKeys);
        Assert.True(table.IsVisitor(2));
        Assert.Equal([150L], Rows(table, 2).Select(row => table.Timestamps[row]));
    }

    [Fact]
    public void Given_a_user_known_only_from_an_assignment_when_the_table_is_built_then_it_is_a_user_before_the_visitors()
    {
        var store = Store();
        store.Assignments.Add(new Assignment("onboarding", "u9", "control", new Timestamp(10)));

        var table = EventTableBuilder.Build(store, TimeZoneInfo.Utc);

        Assert.Equal(["u1", "u2", "u9", "a2"], table.UserKeys);
        Assert.Equal(3, table.SignedUpUserCount);
        Assert.Equal([2], table.Assignments.User);
    }

    [Fact]
    public void Given_an_id_linked_to_two_users_when_resolved_then_the_earliest_link_wins()
    {
        var users = IdentityResolution.UsersOf(
        [
            new IdentityLink("a3", "u2", new Timestamp(300)),
            new IdentityLink("a3", "u1", new Timestamp(250)),
            new IdentityLink("a1", "u1", new Timestamp(200)),
        ]);

        Assert.Equal("u1", users["a3"]);
        Assert.Equal("u1", users["a1"]);
        Assert.Equal(2, users.Count);
    }

    [Fact]
    public void Given_two_links_at_the_same_instant_when_resolved_then_the_first_listed_wins()
    {
        var users = IdentityResolution.UsersOf(
        [
            new IdentityLink("a", "u2", new Timestamp(10)),
            new IdentityLink("a", "u1", new Timestamp(10)),
        ]);

        Assert.Equal("u2", users["a"]);
    }

    [Fact]
    public void Given_the_links_a_store_reports_when_resolved_then_they_agree_with_the_table()
    {
        var store = Store();
        var users = IdentityResolution.UsersOf(store.ReadLinks());
        var table = EventTableBuilder.Build(store, TimeZoneInfo.Utc);

        Assert.Equal(["a1=u1", "a3=u1"], users.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"));
        Assert.DoesNotContain("a2", users.Keys);
        Assert.Contains("a2", table.UserKeys.Skip(table.SignedUpUserCount));
    }

    [Fact]
    public void Given_ids_beyond_the_basic_plane_when_ordered_then_code_point_order_puts_them_last()
    {
        Assert.True(UserDirectory.CompareCodePoints("\uFF61", "\U0001F600") < 0);
        Assert.True(string.CompareOrdinal("\uFF61", "\U0001F600") > 0);
        Assert.True(UserDirectory.CompareCodePoints("a", "b") < 0);
        Assert.True(UserDirectory.CompareCodePoints("ab", "a") > 0);
    }

    private static IEnumerable<int> Rows(EventTable table, int entity) =>
        Enumerable.Range(table.UserOffsets[entity], table.UserOffsets[entity + 1] - table.UserOffsets[entity]);
}
