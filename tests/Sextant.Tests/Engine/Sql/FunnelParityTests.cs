using Sextant.Analysis;
using Sextant.Analysis.Funnels;
using Sextant.Engine.Sql;
using Sextant.Events;
using Sextant.Synthetic;
using Sextant.Tests.Support.Servers;

namespace Sextant.Tests.Engine.Sql;

/// <summary>
/// Funnels pushed down give the in-memory engine's measures (users per step, every timing,
/// excluded users) on the hand-made funnel store and a generated product; each database runs the
/// same suite.
/// </summary>
public abstract class FunnelParityTests(ParityEngine engine)
{
    private static readonly TimeRange EarlyMarch = new(
        Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero)),
        Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 3, 10, 0, 0, 0, TimeSpan.Zero)));

    private static FunnelQuery Query(TimeSpan window, params string[] steps) =>
        new([.. steps.Select(step => new FunnelStep(step, [.. step.Split('|')]))], window);

    private static readonly FunnelQuery[] HandMadeQueries =
    [
        Query(TimeSpan.FromDays(1), "signup", "create", "share"),
        Query(FunnelQuery.DefaultWindow, "signup", "create", "share"),
        Query(TimeSpan.FromDays(1), "signup", "create", "share") with { Exclude = ["cancel"] },
        Query(TimeSpan.FromDays(1), "signup", "create", "share") with { Range = EarlyMarch },
        Query(TimeSpan.FromDays(1), "signup", "create", "share") with { Range = EarlyMarch, Exclude = ["cancel", "never_stored"] },
        Query(TimeSpan.FromHours(2), "signup|view", "create"),
        Query(TimeSpan.FromDays(1), "signup", "nothing_stored"),
    ];

    public static TheoryData<int> HandMade() => new(Enumerable.Range(0, HandMadeQueries.Length));

    [Theory]
    [MemberData(nameof(HandMade))]
    public void Steps_timings_and_exclusions_match_the_in_memory_engine(int query) =>
        engine.AssertSameMeasures(ParityData.Funnel, TimeZoneInfo.Utc, HandMadeQueries[query]);

    private static readonly FunnelQuery[] DemoQueries =
    [
        Query(FunnelQuery.DefaultWindow, [.. ScenarioAnalyses.FunnelSteps]),
        Query(TimeSpan.FromDays(3), "signup", "create_page", "share_page|comment|invite_member") with { Exclude = ["upgrade"] },
        Query(TimeSpan.FromDays(7), "view_page", "edit_page") with { Range = new TimeRange(Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero)), null) },
        // The scale benchmark's shape: the most frequent event opens many attempts per user, five steps deep.
        Query(TimeSpan.FromDays(7), "view_page", "create_page", "edit_page", "share_page", "invite_member") with { Exclude = ["export_page"] },
        Query(TimeSpan.FromDays(2), "edit_page", "view_page|search", "comment", "share_page") with { Exclude = ["create_page"] },
    ];

    public static TheoryData<int> Demo() => new(Enumerable.Range(0, DemoQueries.Length));

    [Theory]
    [MemberData(nameof(Demo))]
    public void A_generated_product_s_funnels_match_the_in_memory_engine(int query) =>
        engine.AssertSameMeasures(ParityData.Demo, TimeZoneInfo.Utc, DemoQueries[query]);

    private static readonly (ParityData Data, FunnelQuery Query)[] ByProfileQueries =
    [
        (ParityData.Demo, Query(FunnelQuery.DefaultWindow, [.. ScenarioAnalyses.FunnelSteps]) with { Breakdowns = [Breakdown.Profile("plan")] }),
        (ParityData.Demo, Query(TimeSpan.FromDays(7), "view_page", "create_page", "edit_page") with
        {
            Breakdowns = [Breakdown.Profile("segment"), Breakdown.Profile("channel"), Breakdown.Profile("workspace_id")],
            Exclude = ["export_page"],
        }),
        (ParityData.Demo, Query(TimeSpan.FromDays(3), "signup", "create_page") with { Breakdowns = [Breakdown.Profile("country")], Range = new TimeRange(Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero)), null) }),
        (ParityData.Profiles, Query(TimeSpan.FromDays(1), "signup", "create") with { Breakdowns = [Breakdown.Profile("segment"), Breakdown.Profile("channel")] }),
        // No profiles at all, visitors among the entities: everyone is (none).
        (ParityData.Funnel, Query(TimeSpan.FromDays(1), "signup", "create", "share") with { Breakdowns = [Breakdown.Profile("platform")], Exclude = ["cancel"] }),
    ];

    public static TheoryData<int> ByProfile() => new(Enumerable.Range(0, ByProfileQueries.Length));

    /// <summary>The same groups as in memory; the engines list them in different orders (any order is allowed), so both are sorted by their values.</summary>
    [Theory]
    [MemberData(nameof(ByProfile))]
    public void Funnels_broken_down_by_profile_attributes_match_the_in_memory_engine(int query)
    {
        var (data, funnel) = ByProfileQueries[query];
        var expected = data.InMemory(TimeZoneInfo.Utc).Measure(funnel);
        using var warehouse = engine.Connect(data);

        var actual = new SqlEngine(warehouse, TimeZoneInfo.Utc).Measure(funnel);

        Assert.True(expected.Groups.Count > (data == ParityData.Funnel ? 0 : 1));
        Assert.Equal(MeasuresAssert.SortedJson(expected), MeasuresAssert.SortedJson(actual));
    }

    [Fact]
    public void A_breakdown_by_a_column_some_profile_s_traits_name_falls_back_to_memory_with_a_reason()
    {
        using var warehouse = engine.Connect(ParityData.Profiles);
        var inMemory = ParityData.Profiles.InMemory(TimeZoneInfo.Utc);
        var pushdown = new PushdownEngine(new SqlEngine(warehouse, TimeZoneInfo.Utc), () => inMemory);
        var query = Query(TimeSpan.FromDays(1), "signup", "create") with { Breakdowns = [Breakdown.Profile("plan")] };

        var measures = pushdown.Measure(query);

        Assert.Contains(measures.Groups, group => group.Values.SequenceEqual(["team"]));
        Assert.Same(inMemory, pushdown.LastAnswered);
        Assert.Equal("computed in memory: a profile's traits name 'plan', which replaces the profile column in memory: funnel breakdowns by it are not pushed down", pushdown.Note);
    }

    [Fact]
    public void Funnels_whose_steps_share_an_event_fall_back_to_memory_with_a_reason()
    {
        using var warehouse = engine.Connect(ParityData.Funnel);
        var inMemory = ParityData.Funnel.InMemory(TimeZoneInfo.Utc);
        var pushdown = new PushdownEngine(new SqlEngine(warehouse, TimeZoneInfo.Utc), () => inMemory);
        var query = Query(TimeSpan.FromDays(1), "signup", "create", "create|share");

        var measures = pushdown.Measure(query);

        Assert.Equal(inMemory.Measure(query).Groups[0].Steps[2].Users, measures.Groups[0].Steps[2].Users);
        Assert.Same(inMemory, pushdown.LastAnswered);
        Assert.Equal("computed in memory: funnels whose steps share an event are not pushed down yet", pushdown.Note);
    }
}

public sealed class DuckDbFunnelParityTests() : FunnelParityTests(new DuckDbParity());

[Collection(PostgresCollection.Name)]
public sealed class PostgresFunnelParityTests(PostgresServer server) : FunnelParityTests(new PostgresParity(server));

[Collection(ClickHouseCollection.Name)]
public sealed class ClickHouseFunnelParityTests(ClickHouseServer server) : FunnelParityTests(new ClickHouseParity(server));

[Collection(ClickHouseClusterCollection.Name)]
public sealed class ClickHouseClusterFunnelParityTests(ClickHouseCluster cluster) : FunnelParityTests(new ClickHouseClusterParity(cluster));
