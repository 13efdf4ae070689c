using Sextant.Analysis;
using Sextant.Analysis.Funnels;
using Sextant.Analysis.Syntax;
using Sextant.Engine.Sql;
using Sextant.Events;
using Sextant.Synthetic;
using Sextant.Tests.Support.Servers;

namespace Sextant.Tests.Engine.Sql;

/// <summary>
/// Strict and unordered funnels and step filters pushed down give the in-memory engine's measures,
/// on the store whose users tell the orders apart (<see cref="FunnelModeStore"/>) and on a generated
/// product; each database runs the same suite.
/// </summary>
public abstract class FunnelModeParityTests(ParityEngine engine)
{
    private static readonly TimeRange FirstWeek = new(
        Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero)),
        Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 4, 7, 5, 0, 0, TimeSpan.Zero)));

    private static FunnelQuery Query(string steps, TimeSpan window, FunnelOrder order) =>
        new FunnelQuery(FunnelStepText.ParseList(steps), window) with { Order = order };

    private static readonly FunnelOrder[] Orders = [FunnelOrder.Ordered, FunnelOrder.Strict, FunnelOrder.Unordered];

    private static readonly (ParityData Data, Func<FunnelOrder, FunnelQuery> Query)[] Cases =
    [
        (ParityData.FunnelModes, order => Query("a,b,c", TimeSpan.FromDays(1), order)),
        (ParityData.FunnelModes, order => Query("a,b,c", TimeSpan.FromDays(1), order) with { Exclude = ["x"] }),
        (ParityData.FunnelModes, order => Query("a,b[platform=ios],c", TimeSpan.FromDays(1), order)),
        (ParityData.FunnelModes, order => Query("a[platform!=web],b,c", TimeSpan.FromDays(1), order) with { Range = FirstWeek }),
        (ParityData.FunnelModes, order => Query("a|o,b", TimeSpan.FromMinutes(30), order)),
        (ParityData.FunnelModes, order => Query("a,b,c", TimeSpan.FromDays(1), order) with { Breakdowns = [Breakdown.Profile("platform")] }),
        (ParityData.Demo, order => Query(string.Join(',', ScenarioAnalyses.FunnelSteps), FunnelQuery.DefaultWindow, order)),
        (ParityData.Demo, order => Query("view_page,edit_page[platform=web],comment,share_page", TimeSpan.FromDays(7), order) with
        {
            Exclude = ["export_page"],
            Breakdowns = [Breakdown.Profile("plan")],
        }),
        (ParityData.Demo, order => Query("edit_page,view_page|search,comment[platform!=ios]", TimeSpan.FromDays(2), order)),
    ];

    public static TheoryData<int, FunnelOrder> All()
    {
        var data = new TheoryData<int, FunnelOrder>();
        for (var i = 0; i < Cases.Length; i++)
            foreach (var order in Orders) data.Add(i, order);
        return data;
    }

    /// <summary>The same groups as in memory, sorted by their values (the engines may list them in any order).</summary>
    [Theory]
    [MemberData(nameof(All))]
    public void Each_order_with_filters_exclusions_and_breakdowns_matches_the_in_memory_engine(int index, FunnelOrder order)
    {
        var (data, build) = Cases[index];
        var query = build(order);
        var expected = data.InMemory(TimeZoneInfo.Utc).Measure(query);
        using var warehouse = engine.Connect(data);
        var actual = new SqlEngine(warehouse, TimeZoneInfo.Utc).Measure(query);

        Assert.NotEmpty(expected.Groups);
        Assert.Equal(MeasuresAssert.SortedJson(expected), MeasuresAssert.SortedJson(actual));
    }

    /// <summary>The figures written beside each user of <see cref="FunnelModeStore"/>, counted by hand: the store does tell the orders apart.</summary>
    [Theory]
    [InlineData(FunnelOrder.Ordered, new long[] { 13, 11, 7 })]
    [InlineData(FunnelOrder.Strict, new long[] { 13, 9, 5 })]
    [InlineData(FunnelOrder.Unordered, new long[] { 13, 13, 9 })]
    public void The_mode_store_gives_each_order_its_hand_counted_users(FunnelOrder order, long[] users)
    {
        var query = Query("a,b,c", TimeSpan.FromDays(1), order);
        using var warehouse = engine.Connect(ParityData.FunnelModes);
        var measures = new SqlEngine(warehouse, TimeZoneInfo.Utc).Measure(query);

        Assert.Equal(users, measures.Groups.Single().Steps.Select(step => step.Users));
    }
}

public sealed class DuckDbFunnelModeParityTests() : FunnelModeParityTests(new DuckDbParity());

[Collection(PostgresCollection.Name)]
public sealed class PostgresFunnelModeParityTests(PostgresServer server) : FunnelModeParityTests(new PostgresParity(server));

[Collection(ClickHouseCollection.Name)]
public sealed class ClickHouseFunnelModeParityTests(ClickHouseServer server) : FunnelModeParityTests(new ClickHouseParity(server));

[Collection(ClickHouseClusterCollection.Name)]
public sealed class ClickHouseClusterFunnelModeParityTests(ClickHouseCluster cluster) : FunnelModeParityTests(new ClickHouseClusterParity(cluster));
