using Sextant.Analysis;
using Sextant.Analysis.Revenue;
using Sextant.Analysis.Syntax;
using Sextant.Engine.Sql;
using Sextant.Events;
using Sextant.Tests.Support.Servers;

namespace Sextant.Tests.Engine.Sql;

/// <summary>
/// Revenue pushed down gives the in-memory engine's measures (counts and months equal, revenue to
/// 1e-12 relative: databases add in their own order) on the hand-made subscriptions of
/// <see cref="HandMadeStores.Revenue"/> in three zones, with ranges, and on a generated product;
/// each database runs the same suite.
/// </summary>
public abstract class RevenueParityTests(ParityEngine engine)
{
    private static readonly RevenueQuery[] Queries =
    [
        new(),
        new(ExcludeEvents: ["billing", "never_stored"]),
        // Months overlapping the range are reported whole; the data end is the range's last microsecond.
        new(Range: new TimeRange(At("2024-03-15T00:00:00Z"), At("2024-07-01T00:00:00+02:00"))),
        // Ends on New York's spring-forward day, mid-subscription.
        new(Range: new TimeRange(null, At("2024-03-10T12:00:00Z"))),
        new(Range: new TimeRange(At("2024-06-15T00:00:00Z"), null)),
        // A data end after the latest event, and one before the first event.
        new(Range: new TimeRange(null, At("2025-01-01T00:00:00Z"))),
        new(Range: new TimeRange(null, At("2023-06-01T00:00:00Z"))),
        // Ends at a local midnight in Paris: May is complete there, not in UTC.
        new(Range: new TimeRange(null, At("2024-05-31T22:00:00Z"))),
        // Behaviour cohorts: members' activity, cohorts and subscriptions only; the currency is still chosen among all.
        new(Cohort: new Cohort("editors", new PerformedEvent("edit", MinTimes: 2))),
        new(Cohort: new Cohort("no_billing", new PerformedEvent("billing", Did: false)), Range: new TimeRange(At("2024-04-01T00:00:00Z"), null)),
        new(Cohort: new Cohort("recent", new AnyOf([new PerformedEvent("view", Within: TimeSpan.FromDays(60), Anchor: CohortAnchor.Range),
            new PerformedEvent("edit", Within: TimeSpan.FromDays(20))]))),
    ];

    public static TheoryData<string, int> Grid()
    {
        var data = new TheoryData<string, int>();
        foreach (var zone in HandMadeStores.Zones)
            for (var query = 0; query < Queries.Length; query++) data.Add(zone, query);
        return data;
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void Months_cohorts_and_currencies_match_the_in_memory_engine_in_every_zone_and_range(string zone, int query) =>
        AssertSameMeasures(ParityData.Revenue, HandMadeStores.Zone(zone), Queries[query]);

    [Fact]
    public void Prorated_revenue_counts_a_subscription_s_days_and_its_currency_and_left_out_subscriptions()
    {
        // Given the hand-made subscriptions, in UTC
        using var warehouse = engine.Connect(ParityData.Revenue);

        // When measured in the database
        var measures = new SqlEngine(warehouse, TimeZoneInfo.Utc).Measure(new RevenueQuery());

        // Then dollars are the main currency (ten paying subscriptions; the free plan and the trial do not pay),
        // the euro one is skipped, and February holds s01 whole, s02's 10 of 29 days, s09 nothing yet and s12 whole
        Assert.Equal("USD", measures.Currency);
        Assert.Equal(1, measures.SkippedSubscriptions);
        Assert.Equal(0, measures.UnmatchedSubscriptions);
        Assert.Equal("2023-12", measures.Months[0].Month);
        var february = measures.Months.Single(m => m.Month == "2024-02");
        Assert.Equal(30 + 15 * 10 / 29.0 + 3.33, february.Revenue, 1e-9);
        Assert.Equal(2, february.PayingUsers);
    }

    [Fact]
    public void A_tie_between_currencies_goes_to_the_ordinal_first_whatever_the_database_s_collation()
    {
        AssertSameMeasures(ParityData.RevenueTie, TimeZoneInfo.Utc, new RevenueQuery());
        using var warehouse = engine.Connect(ParityData.RevenueTie);
        var measures = new SqlEngine(warehouse, TimeZoneInfo.Utc).Measure(new RevenueQuery());
        Assert.Equal(("USD", 1), (measures.Currency, measures.SkippedSubscriptions));
    }

    [Fact]
    public void Breakdowns_by_an_event_property_fall_back_to_memory_with_a_note()
    {
        var query = new RevenueQuery(Breakdowns: [BreakdownText.Parse("event.platform", [])]);
        using var warehouse = engine.Connect(ParityData.Revenue);
        var inMemory = ParityData.Revenue.InMemory(TimeZoneInfo.Utc);
        var pushdown = new PushdownEngine(new SqlEngine(warehouse, TimeZoneInfo.Utc), () => inMemory);

        pushdown.Measure(query);

        Assert.Same(inMemory, pushdown.LastAnswered);
        Assert.Equal("computed in memory: revenue breakdowns by a trait, an event property or a cohort are not pushed down yet", pushdown.Note);
    }

    private static readonly RevenueQuery[] DemoQueries =
    [
        new(),
        new(ExcludeEvents: ["billing"], Range: new TimeRange(At("2025-07-15T00:00:00Z"), At("2025-10-01T00:00:00Z"))),
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void A_generated_product_s_revenue_matches_the_in_memory_engine(int query) =>
        AssertSameMeasures(ParityData.Demo, HandMadeStores.Zone("Europe/Paris"), DemoQueries[query]);

    private void AssertSameMeasures(ParityData data, TimeZoneInfo zone, RevenueQuery query)
    {
        var expected = data.InMemory(zone).Measure(query);
        using var warehouse = engine.Connect(data);
        MeasuresAssert.Close(expected, new SqlEngine(warehouse, zone).Measure(query));
    }

    private static Timestamp At(string iso) => Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture));
}

public sealed class DuckDbRevenueParityTests() : RevenueParityTests(new DuckDbParity());

[Collection(PostgresCollection.Name)]
public sealed class PostgresRevenueParityTests(PostgresServer server) : RevenueParityTests(new PostgresParity(server));

[Collection(ClickHouseCollection.Name)]
public sealed class ClickHouseRevenueParityTests(ClickHouseServer server) : RevenueParityTests(new ClickHouseParity(server));

[Collection(ClickHouseClusterCollection.Name)]
public sealed class ClickHouseClusterRevenueParityTests(ClickHouseCluster cluster) : RevenueParityTests(new ClickHouseClusterParity(cluster));
