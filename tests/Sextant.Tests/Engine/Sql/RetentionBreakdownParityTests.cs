using Sextant.Analysis;
using Sextant.Analysis.Retention;
using Sextant.Engine.Sql;
using Sextant.Tests.Support.Servers;

namespace Sextant.Tests.Engine.Sql;

/// <summary>
/// Retention broken down by profile columns pushed down gives the in-memory engine's groups: every
/// group with a signed-up user (those without a profile or a value are (none)), each with its own
/// cohorts, cells and day N, in every period and mode; each database runs the same suite.
/// </summary>
public abstract class RetentionBreakdownParityTests(ParityEngine engine)
{
    private static readonly (ParityData Data, RetentionQuery Query)[] Cases =
    [
        (ParityData.Profiles, new RetentionQuery(CalendarPeriod.Day, Breakdowns: [Breakdown.Profile("segment"), Breakdown.Profile("channel")])),
        (ParityData.Retention, new RetentionQuery(CalendarPeriod.Week, RetentionMode.OnOrAfter, Breakdowns: [Breakdown.Profile("segment")])),
        (ParityData.Retention, new RetentionQuery(CalendarPeriod.Month, Breakdowns: [Breakdown.Profile("country")],
            Cohort: new Cohort("test", new PerformedEvent("edit", MinTimes: 2)))),
        (ParityData.Demo, new RetentionQuery(CalendarPeriod.Week, Breakdowns: [Breakdown.Profile("plan")])),
        (ParityData.Demo, new RetentionQuery(CalendarPeriod.Month, RetentionMode.OnOrAfter, StartEvent: "create_page",
            Breakdowns: [Breakdown.Profile("segment"), Breakdown.Profile("channel"), Breakdown.Profile("platform")])),
        (ParityData.Demo, new RetentionQuery(CalendarPeriod.Day, ReturnEvent: "edit_page", Breakdowns: [Breakdown.Profile("workspace_id")])),
    ];

    public static TheoryData<int, string> All()
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < Cases.Length; i++)
            foreach (var zone in new[] { "UTC", "America/New_York" }) data.Add(i, zone);
        return data;
    }

    /// <summary>The same groups as in memory, sorted by their values (engines may list them in any order).</summary>
    [Theory]
    [MemberData(nameof(All))]
    public void Groups_match_the_in_memory_engine(int index, string zone)
    {
        var (data, query) = Cases[index];
        static string Sorted(RetentionMeasures measures) => System.Text.Json.JsonSerializer.Serialize(measures with
        {
            Groups = [.. measures.Groups.OrderBy(group => string.Join('\u0001', group.Key), StringComparer.Ordinal)],
        });
        var expected = data.InMemory(HandMadeStores.Zone(zone)).Measure(query);
        using var warehouse = engine.Connect(data);

        var actual = new SqlEngine(warehouse, HandMadeStores.Zone(zone)).Measure(query);

        Assert.True(expected.Groups.Count > (data == ParityData.Retention ? 0 : 1));
        Assert.Equal(Sorted(expected), Sorted(actual));
    }

    [Fact]
    public void A_breakdown_by_a_column_some_profile_s_traits_name_falls_back_to_memory_with_a_reason()
    {
        using var warehouse = engine.Connect(ParityData.Profiles);
        var inMemory = ParityData.Profiles.InMemory(TimeZoneInfo.Utc);
        var pushdown = new PushdownEngine(new SqlEngine(warehouse, TimeZoneInfo.Utc), () => inMemory);

        var measures = pushdown.Measure(new RetentionQuery(Breakdowns: [Breakdown.Profile("plan")]));

        Assert.Contains(measures.Groups, group => group.Key.SequenceEqual(["team"]));
        Assert.Same(inMemory, pushdown.LastAnswered);
        Assert.Equal("computed in memory: a profile's traits name 'plan', which replaces the profile column in memory: retention breakdowns by it are not pushed down", pushdown.Note);
    }
}

public sealed class DuckDbRetentionBreakdownParityTests() : RetentionBreakdownParityTests(new DuckDbParity());

[Collection(PostgresCollection.Name)]
public sealed class PostgresRetentionBreakdownParityTests(PostgresServer server) : RetentionBreakdownParityTests(new PostgresParity(server));

[Collection(ClickHouseCollection.Name)]
public sealed class ClickHouseRetentionBreakdownParityTests(ClickHouseServer server) : RetentionBreakdownParityTests(new ClickHouseParity(server));

[Collection(ClickHouseClusterCollection.Name)]
public sealed class ClickHouseClusterRetentionBreakdownParityTests(ClickHouseCluster cluster) : RetentionBreakdownParityTests(new ClickHouseClusterParity(cluster));
