using Sextant.Analysis;
using Sextant.Analysis.Engagement;
using Sextant.Engine.Sql;
using Sextant.Events;
using Sextant.Tests.Support.Servers;

namespace Sextant.Tests.Engine.Sql;

/// <summary>
/// Engagement pushed down gives the in-memory engine's measures, every part of them, on the
/// hand-made engagement and retention stores in every zone (<see cref="EngagementParityStore"/>,
/// <see cref="HandMadeStores"/>) and on a generated product; each database runs the same suite.
/// </summary>
public abstract class EngagementParityTests(ParityEngine engine)
{
    private static readonly Timestamp MarchTen = Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 3, 10, 0, 0, 0, TimeSpan.FromHours(1)));
    private static readonly Timestamp AprilTwentyThree = Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 4, 23, 12, 0, 0, TimeSpan.Zero));

    private static readonly EngagementQuery[] Queries =
    [
        new(),
        new(ExcludeEvents: ["billing", "never_stored"]),
        new(ActivationEvents: ["create_page", "share"], ActivationWindowDays: 7, CollaborationEvents: ["share", "comment"]),
        new(ActivationEvents: ["create_page", "share"], ActivationMatchAll: false, ActivationWindowDays: 1),
        new(ActivationEvents: ["edit", "edit", "never_stored"], ActivationMatchAll: false),
        new(ActivationEvents: ["edit", "edit"]),
        new(Range: new TimeRange(MarchTen, AprilTwentyThree), ActivationEvents: ["share"], CollaborationEvents: ["share"]),
        new(Range: new TimeRange(null, AprilTwentyThree), LifecyclePeriod: CalendarPeriod.Month),
        new(Range: new TimeRange(MarchTen, null), ActivationEvents: ["create_page"], ActivationWindowDays: 3),
        new(ExcludeEvents: ["billing"], Features: ["share", "edit", "billing", "never_stored"], LifecyclePeriod: CalendarPeriod.Month),
        new(NorthStarMinMembers: 1, CollaborationEvents: ["share", "comment", "never_stored"]),
        new(NorthStarMinMembers: 3, CollaborationEvents: ["edit"]),
    ];

    public static TheoryData<string, string, int> Grid()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var store in new[] { "engagement", "retention" })
            foreach (var zone in HandMadeStores.Zones)
                for (var query = 0; query < Queries.Length; query++) data.Add(store, zone, query);
        return data;
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void Every_part_matches_the_in_memory_engine_in_every_zone_and_query(string store, string zone, int query) =>
        engine.AssertSameMeasures(store == "engagement" ? ParityData.Engagement : ParityData.Retention, HandMadeStores.Zone(zone), Queries[query]);

    [Fact]
    public void A_range_after_the_data_is_an_empty_window_in_both_engines() =>
        engine.AssertSameMeasures(ParityData.Engagement, TimeZoneInfo.Utc,
            new EngagementQuery(Range: new TimeRange(Timestamp.FromDateTimeOffset(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)), null), ActivationEvents: ["share"]));

    [Fact]
    public void Cohort_filters_are_left_to_the_in_memory_engine()
    {
        using var warehouse = engine.Connect(ParityData.Engagement);
        var sql = new SqlEngine(warehouse, TimeZoneInfo.Utc);
        Assert.Throws<NotSupportedException>(() => sql.Measure(new EngagementQuery(Cohort: new Cohort("sharers", new PerformedEvent("share")))));
    }

    public static TheoryData<int> DemoQueries() => new(2, 7, 9, 10);

    [Theory]
    [MemberData(nameof(DemoQueries))]
    public void A_generated_product_s_engagement_matches_the_in_memory_engine(int query) =>
        engine.AssertSameMeasures(ParityData.Demo, HandMadeStores.Zone("Europe/Paris"), Queries[query] with { Range = default });
}

public sealed class DuckDbEngagementParityTests() : EngagementParityTests(new DuckDbParity());

[Collection(PostgresCollection.Name)]
public sealed class PostgresEngagementParityTests(PostgresServer server) : EngagementParityTests(new PostgresParity(server));

[Collection(ClickHouseCollection.Name)]
public sealed class ClickHouseEngagementParityTests(ClickHouseServer server) : EngagementParityTests(new ClickHouseParity(server));

[Collection(ClickHouseClusterCollection.Name)]
public sealed class ClickHouseClusterEngagementParityTests(ClickHouseCluster cluster) : EngagementParityTests(new ClickHouseClusterParity(cluster));
