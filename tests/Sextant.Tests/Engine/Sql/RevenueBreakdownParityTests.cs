using Sextant.Analysis;
using Sextant.Analysis.Revenue;
using Sextant.Engine.Sql;
using Sextant.Events;
using Sextant.Tests.Support.Servers;

namespace Sextant.Tests.Engine.Sql;

/// <summary>
/// Revenue broken down by profile columns pushed down gives the in-memory engine's groups: every
/// group with a signed-up user ((none) without a profile or a value), each with the same months and
/// its own revenue, active and paying users; each database runs the same suite.
/// </summary>
public abstract class RevenueBreakdownParityTests(ParityEngine engine)
{
    private static readonly (ParityData Data, RevenueQuery Query)[] Cases =
    [
        (ParityData.Revenue, new RevenueQuery(Breakdowns: [Breakdown.Profile("segment")])),
        (ParityData.Revenue, new RevenueQuery(Breakdowns: [Breakdown.Profile("plan")], Cohort: new Cohort("editors", new PerformedEvent("edit", MinTimes: 2)),
            Range: new TimeRange(Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 3, 15, 0, 0, 0, TimeSpan.Zero)), null))),
        (ParityData.Demo, new RevenueQuery(Breakdowns: [Breakdown.Profile("plan")])),
        (ParityData.Demo, new RevenueQuery(ExcludeEvents: ["billing"], Breakdowns: [Breakdown.Profile("segment"), Breakdown.Profile("channel")])),
    ];

    public static TheoryData<int, string> All()
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < Cases.Length; i++)
            foreach (var zone in new[] { "UTC", "Europe/Paris" }) data.Add(i, zone);
        return data;
    }

    /// <summary>The same groups as in memory, sorted by their values (engines may list them in any order); sums equal to 1e-12.</summary>
    [Theory]
    [MemberData(nameof(All))]
    public void Groups_match_the_in_memory_engine(int index, string zone)
    {
        var (data, query) = Cases[index];
        static RevenueMeasures Sorted(RevenueMeasures measures) => measures with
        {
            Groups = [.. measures.Groups.OrderBy(group => string.Join('\u0001', group.Key), StringComparer.Ordinal)],
        };
        var expected = data.InMemory(HandMadeStores.Zone(zone)).Measure(query);
        using var warehouse = engine.Connect(data);

        var actual = new SqlEngine(warehouse, HandMadeStores.Zone(zone)).Measure(query);

        Assert.NotEmpty(expected.Groups);
        Assert.Contains(expected.Groups, group => group.Months.Any(month => month.Revenue > 0));
        MeasuresAssert.Close(Sorted(expected), Sorted(actual));
    }
}

public sealed class DuckDbRevenueBreakdownParityTests() : RevenueBreakdownParityTests(new DuckDbParity());

[Collection(PostgresCollection.Name)]
public sealed class PostgresRevenueBreakdownParityTests(PostgresServer server) : RevenueBreakdownParityTests(new PostgresParity(server));

[Collection(ClickHouseCollection.Name)]
public sealed class ClickHouseRevenueBreakdownParityTests(ClickHouseServer server) : RevenueBreakdownParityTests(new ClickHouseParity(server));

[Collection(ClickHouseClusterCollection.Name)]
public sealed class ClickHouseClusterRevenueBreakdownParityTests(ClickHouseCluster cluster) : RevenueBreakdownParityTests(new ClickHouseClusterParity(cluster));
