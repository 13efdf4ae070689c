using Sextant.Analysis;
using Sextant.Engine.InMemory;
using Sextant.Events;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Engine;

public sealed class UserScopeTests
{
    private sealed record Scoped(TimeRange Range = default, Cohort? Cohort = null, ValueList<Breakdown> Breakdowns = default, int BreakdownLimit = 10) : IScopedQuery;

    // a (paid): ios then web events; b (paid): web; c (free): ios; d (free): no event in February.
    private static EventTable Table() => Load(null,
        [User("a", plan: "paid"), User("b", plan: "paid"), User("c", plan: "free"), User("d", plan: "free")], [],
        Event("1", "a", "open", "2026-01-15T00:00:00Z", platform: "android"),
        Event("2", "a", "open", "2026-02-01T00:00:00Z", platform: "ios"),
        Event("3", "a", "open", "2026-02-02T00:00:00Z", platform: "web"),
        Event("4", "b", "open", "2026-02-03T00:00:00Z", platform: "web"),
        Event("5", "c", "open", "2026-02-04T00:00:00Z", platform: "ios"),
        Event("6", "d", "open", "2026-01-04T00:00:00Z", platform: "ios"));

    private static Dictionary<string, string> Groups(EventTable table, Scoped query)
    {
        var scope = UserScope.Of(table, query);
        return Enumerable.Range(0, table.UserCount).ToDictionary(u => table.UserKeys[u], u => Breakdowns.Label(scope.Keys[scope.GroupOf(u)]));
    }

    [Fact]
    public void Two_breakdowns_group_users_by_the_cross_product_of_profile_and_first_event_value_in_the_range()
    {
        var table = Table();
        var february = new TimeRange(Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero)), null);
        var groups = Groups(table, new Scoped(february, Breakdowns: [Breakdown.Profile("plan"), Breakdown.Event("platform")]));
        Assert.Equal("paid / ios", groups["a"]); // January's android event lies before the range
        Assert.Equal("paid / web", groups["b"]);
        Assert.Equal("free / ios", groups["c"]);
        Assert.Equal("free / (none)", groups["d"]);
        Assert.Equal("paid / android", Groups(table, new Scoped(Breakdowns: [Breakdown.Profile("plan"), Breakdown.Event("platform")]))["a"]);
    }

    [Fact]
    public void A_cohort_breakdown_labels_members_and_the_rest_and_a_cohort_filter_excludes_non_members()
    {
        var table = Table();
        var paid = new Cohort("paying", new HasProperty("plan", PropertyComparison.In, ["paid"]));
        var groups = Groups(table, new Scoped(Breakdowns: [Breakdown.InCohort(paid)]));
        Assert.Equal(("in paying", "not in paying"), (groups["a"], groups["c"]));
        var scope = UserScope.Of(table, new Scoped(Cohort: paid));
        Assert.Equal(["a", "b"], Enumerable.Range(0, table.UserCount).Where(scope.Includes).Select(u => table.UserKeys[u]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void More_than_three_breakdowns_or_a_repeated_one_is_an_error()
    {
        var table = Table();
        Assert.Throws<SextantException>(() => UserScope.Of(table, new Scoped(Breakdowns: [Breakdown.Profile("plan"), Breakdown.Profile("segment"), Breakdown.Event("platform"), Breakdown.Profile("country")])));
        Assert.Throws<SextantException>(() => UserScope.Of(table, new Scoped(Breakdowns: [Breakdown.Profile("plan"), Breakdown.Profile("plan")])));
        var unknown = Assert.Throws<SextantException>(() => UserScope.Of(table, new Scoped(Breakdowns: [Breakdown.Event("platfrom")])));
        Assert.Contains("platfrom", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Top_groups_keep_the_largest_by_size_then_label_and_merge_the_rest()
    {
        ValueList<string>[] keys = [["b"], ["a"], ["c"], ["d"]];
        long[] sizes = [5, 5, 9, 1];
        var (kept, other) = TopGroups.Split(keys, i => sizes[i], 2);
        Assert.Equal([2, 1], kept); // c (9), then a before b on a tie
        Assert.Equal([0, 3], other);
    }
}
