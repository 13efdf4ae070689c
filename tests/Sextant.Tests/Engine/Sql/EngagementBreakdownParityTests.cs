using Sextant.Analysis;
using Sextant.Analysis.Engagement;
using Sextant.Engine;
using Sextant.Engine.Sql;
using Sextant.Events;
using Sextant.Tests.Support.Servers;

namespace Sextant.Tests.Engine.Sql;

/// <summary>
/// Metrics broken down by profile columns pushed down give the in-memory engine's measures: every
/// group with a signed-up user ((none) without a profile or a value) with its daily, rolling and
/// activation counts, feature adoption across the groups, and every part over everyone unchanged;
/// each database runs the same suite.
/// </summary>
public abstract class EngagementBreakdownParityTests(ParityEngine engine)
{
    private static readonly Timestamp MarchTen = Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 3, 10, 0, 0, 0, TimeSpan.FromHours(1)));
    private static readonly Timestamp AprilTwentyThree = Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 4, 23, 12, 0, 0, TimeSpan.Zero));

    private static readonly (ParityData Data, EngagementQuery Query)[] Cases =
    [
        (ParityData.Engagement, new EngagementQuery(Breakdowns: [Breakdown.Profile("segment")])),
        (ParityData.Engagement, new EngagementQuery(ActivationEvents: ["create_page", "share"], CollaborationEvents: ["share", "comment"],
            Breakdowns: [Breakdown.Profile("segment"), Breakdown.Profile("workspace_id")])),
        (ParityData.Engagement, new EngagementQuery(ActivationEvents: ["create_page", "share"], ActivationMatchAll: false, ActivationWindowDays: 1,
            Breakdowns: [Breakdown.Profile("workspace_id")], BreakdownLimit: 1)),
        (ParityData.Engagement, new EngagementQuery(Range: new TimeRange(MarchTen, AprilTwentyThree), ActivationEvents: ["share"], CollaborationEvents: ["share"],
            Breakdowns: [Breakdown.Profile("segment")])),
        (ParityData.Engagement, new EngagementQuery(ExcludeEvents: ["billing"], Features: ["share", "edit", "billing", "never_stored"], LifecyclePeriod: CalendarPeriod.Month,
            Breakdowns: [Breakdown.Profile("segment")])),
        (ParityData.Engagement, new EngagementQuery(Range: new TimeRange(Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)), null),
            ActivationEvents: ["share"], Breakdowns: [Breakdown.Profile("segment")])),
        (ParityData.Profiles, new EngagementQuery(Breakdowns: [Breakdown.Profile("channel"), Breakdown.Profile("country")])),
        (ParityData.Demo, new EngagementQuery(ActivationEvents: ["create_page", "invite_member"], ActivationMatchAll: false, Breakdowns: [Breakdown.Profile("plan")])),
        (ParityData.Demo, new EngagementQuery(ExcludeEvents: ["signup"], ActivationEvents: ["create_page", "edit_page"], LifecyclePeriod: CalendarPeriod.Month,
            Breakdowns: [Breakdown.Profile("segment"), Breakdown.Profile("channel"), Breakdown.Profile("platform")])),
    ];

    public static TheoryData<int, string> All()
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < Cases.Length; i++)
            foreach (var zone in new[] { "UTC", "Europe/Paris" }) data.Add(i, zone);
        return data;
    }

    /// <summary>The same groups as in memory, sorted by their values (engines may list them in any order).</summary>
    [Theory]
    [MemberData(nameof(All))]
    public void Groups_and_every_part_match_the_in_memory_engine(int index, string zone)
    {
        var (data, query) = Cases[index];
        static EngagementMeasures Sorted(EngagementMeasures measures) => measures with
        {
            Groups = [.. measures.Groups.OrderBy(group => string.Join('\u0001', group.Values), StringComparer.Ordinal)],
        };
        var expected = data.InMemory(HandMadeStores.Zone(zone)).Measure(query);
        using var warehouse = engine.Connect(data);

        var actual = new SqlEngine(warehouse, HandMadeStores.Zone(zone)).Measure(query);

        Assert.True(expected.Groups.Count > 1);
        MeasuresAssert.Close(Sorted(expected), Sorted(actual));
    }

    /// <summary>The shaper merges the small groups into Other, which needs each group's durations, not only its quantiles.</summary>
    [Fact]
    public void Results_with_groups_merged_into_other_match_the_in_memory_engine()
    {
        var query = new EngagementQuery(ActivationEvents: ["create_page", "invite_member"], ActivationMatchAll: false,
            Breakdowns: [Breakdown.Profile("segment"), Breakdown.Profile("channel")], BreakdownLimit: 2);
        var zone = HandMadeStores.Zone("Europe/Paris");
        var expected = ParityData.Demo.InMemory(zone).Run(query);
        using var warehouse = engine.Connect(ParityData.Demo);

        var actual = new SqlEngine(warehouse, zone).Run(query);

        Assert.Contains(expected.Breakdown, row => row.Value == Breakdowns.OtherValues);
        MeasuresAssert.Close(expected, actual);
    }

    [Fact]
    public void Breakdowns_by_an_event_property_and_cohort_filters_are_left_to_the_in_memory_engine()
    {
        using var warehouse = engine.Connect(ParityData.Engagement);
        var sql = new SqlEngine(warehouse, TimeZoneInfo.Utc);

        var property = Assert.Throws<NotSupportedException>(() => sql.Measure(new EngagementQuery(Breakdowns: [Breakdown.Event("template")])));
        Assert.Throws<NotSupportedException>(() => sql.Measure(new EngagementQuery(Cohort: new Cohort("sharers", new PerformedEvent("share")))));

        Assert.Equal("metrics breakdowns by a trait, an event property or a cohort are not pushed down yet", property.Message);
    }

    [Fact]
    public void A_breakdown_by_a_column_some_profile_s_traits_name_falls_back_to_memory_with_a_reason()
    {
        using var warehouse = engine.Connect(ParityData.Profiles);
        var inMemory = ParityData.Profiles.InMemory(TimeZoneInfo.Utc);
        var pushdown = new PushdownEngine(new SqlEngine(warehouse, TimeZoneInfo.Utc), () => inMemory);

        var measures = pushdown.Measure(new EngagementQuery(Breakdowns: [Breakdown.Profile("plan")]));

        Assert.Contains(measures.Groups, group => group.Values.SequenceEqual(["team"]));
        Assert.Same(inMemory, pushdown.LastAnswered);
        Assert.Equal("computed in memory: a profile's traits name 'plan', which replaces the profile column in memory: metrics breakdowns by it are not pushed down", pushdown.Note);
    }
}

public sealed class DuckDbEngagementBreakdownParityTests() : EngagementBreakdownParityTests(new DuckDbParity());

[Collection(PostgresCollection.Name)]
public sealed class PostgresEngagementBreakdownParityTests(PostgresServer server) : EngagementBreakdownParityTests(new PostgresParity(server));

[Collection(ClickHouseCollection.Name)]
public sealed class ClickHouseEngagementBreakdownParityTests(ClickHouseServer server) : EngagementBreakdownParityTests(new ClickHouseParity(server));

[Collection(ClickHouseClusterCollection.Name)]
public sealed class ClickHouseClusterEngagementBreakdownParityTests(ClickHouseCluster cluster) : EngagementBreakdownParityTests(new ClickHouseClusterParity(cluster));
