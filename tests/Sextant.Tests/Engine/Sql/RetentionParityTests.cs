using Sextant.Analysis;
using Sextant.Analysis.Retention;
using Sextant.Engine.Sql;
using Sextant.Events;
using Sextant.Tests.Support.Servers;

namespace Sextant.Tests.Engine.Sql;

/// <summary>
/// Retention pushed down gives the in-memory engine's measures, on hand-made data whose tricky
/// cases are listed in <see cref="HandMadeStores"/> and on a generated product; each database
/// runs the same suite.
/// </summary>
public abstract class RetentionParityTests(ParityEngine engine)
{
    private static readonly Timestamp ParisFebruary = Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.FromHours(1)));
    private static readonly Timestamp ParisMay = Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.FromHours(2)));
    private static readonly Timestamp MidWeek = Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 4, 3, 12, 0, 0, TimeSpan.Zero));

    public static TheoryData<string, CalendarPeriod, RetentionMode> Grid()
    {
        var data = new TheoryData<string, CalendarPeriod, RetentionMode>();
        foreach (var zone in HandMadeStores.Zones)
            foreach (var period in Enum.GetValues<CalendarPeriod>())
                foreach (var mode in Enum.GetValues<RetentionMode>())
                    data.Add(zone, period, mode);
        return data;
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void Cohorts_cells_and_day_N_match_the_in_memory_engine_in_every_zone_period_and_mode(string zone, CalendarPeriod period, RetentionMode mode) =>
        engine.AssertSameMeasures(ParityData.Retention, HandMadeStores.Zone(zone), new RetentionQuery(period, mode));

    private static readonly RetentionQuery[] VariantQueries =
    [
        new(CalendarPeriod.Week, StartEvent: "create_page"),
        new(CalendarPeriod.Day, ReturnEvent: "edit"),
        new(CalendarPeriod.Week, RetentionMode.OnOrAfter, ExcludeEvents: ["billing", "never_stored"]),
        new(CalendarPeriod.Month, Range: new TimeRange(ParisFebruary, ParisMay)),
        new(CalendarPeriod.Week, RetentionMode.OnOrAfter, Range: new TimeRange(null, MidWeek)),
        new(CalendarPeriod.Day, Range: new TimeRange(ParisMay, MidWeek)),
    ];

    public static TheoryData<string, int> Variants()
    {
        var data = new TheoryData<string, int>();
        foreach (var zone in HandMadeStores.Zones)
            for (var variant = 0; variant < VariantQueries.Length; variant++) data.Add(zone, variant);
        return data;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Start_and_return_events_exclusions_and_ranges_match_the_in_memory_engine(string zone, int variant) =>
        engine.AssertSameMeasures(ParityData.Retention, HandMadeStores.Zone(zone), VariantQueries[variant]);

    [Fact]
    public void An_unknown_start_event_fails_with_the_in_memory_engine_s_message()
    {
        var query = new RetentionQuery(StartEvent: "edti");
        var expected = Assert.Throws<SextantException>(() => ParityData.Retention.InMemory(TimeZoneInfo.Utc).Measure(query));
        using var warehouse = engine.Connect(ParityData.Retention);
        var actual = Assert.Throws<SextantException>(() => new SqlEngine(warehouse, TimeZoneInfo.Utc).Measure(query));
        Assert.Equal(expected.Message, actual.Message);
    }

    private static readonly RetentionQuery[] CohortQueries =
    [
        new(CalendarPeriod.Month, Cohort: Filter(new PerformedEvent("edit", MinTimes: 2))),
        new(CalendarPeriod.Week, RetentionMode.OnOrAfter, Cohort: Filter(new PerformedEvent("edit", Within: TimeSpan.FromDays(7)))),
        // Did not: users without any event (u6, known from an assignment) and without a sign-up are members.
        new(CalendarPeriod.Day, Cohort: Filter(new PerformedEvent("billing", Did: false))),
        new(CalendarPeriod.Month, Range: new TimeRange(ParisFebruary, ParisMay),
            Cohort: Filter(new PerformedEvent("view", Within: TimeSpan.FromDays(30), Anchor: CohortAnchor.Range))),
        new(CalendarPeriod.Week, Cohort: Filter(new AnyOf([new PerformedEvent("create_page"),
            new AllOf([new PerformedEvent("edit", 3), new PerformedEvent("view", Within: TimeSpan.FromDays(10), Did: false)])]))),
        new(CalendarPeriod.Month, RetentionMode.OnOrAfter, StartEvent: "create_page", Range: new TimeRange(null, MidWeek),
            Cohort: Filter(new PerformedEvent("edit", Anchor: CohortAnchor.Range))),
    ];

    public static TheoryData<string, int> CohortVariants()
    {
        var data = new TheoryData<string, int>();
        foreach (var zone in HandMadeStores.Zones)
            for (var variant = 0; variant < CohortQueries.Length; variant++) data.Add(zone, variant);
        return data;
    }

    [Theory]
    [MemberData(nameof(CohortVariants))]
    public void Behaviour_cohort_filters_match_the_in_memory_engine(string zone, int variant) =>
        engine.AssertSameMeasures(ParityData.Retention, HandMadeStores.Zone(zone), CohortQueries[variant]);

    [Theory]
    [InlineData("edti", 1)]
    [InlineData("edit", 0)]
    public void A_cohort_naming_an_unknown_event_or_no_count_fails_with_the_in_memory_engine_s_message(string name, int times)
    {
        var query = new RetentionQuery(Cohort: Filter(new AllOf([new PerformedEvent("view"), new PerformedEvent(name, times)])));
        var expected = Assert.Throws<SextantException>(() => ParityData.Retention.InMemory(TimeZoneInfo.Utc).Measure(query));
        using var warehouse = engine.Connect(ParityData.Retention);
        var actual = Assert.Throws<SextantException>(() => new SqlEngine(warehouse, TimeZoneInfo.Utc).Measure(query));
        Assert.Equal(expected.Message, actual.Message);
    }

    [Fact]
    public void A_cohort_on_a_profile_property_falls_back_to_memory_with_a_note()
    {
        var query = new RetentionQuery(Cohort: Filter(new AnyOf([new PerformedEvent("edit"), new HasProperty("plan", PropertyComparison.In, ["pro"])])));
        using var warehouse = engine.Connect(ParityData.Retention);
        var inMemory = ParityData.Retention.InMemory(TimeZoneInfo.Utc);
        var pushdown = new PushdownEngine(new SqlEngine(warehouse, TimeZoneInfo.Utc), () => inMemory);

        pushdown.Measure(query);

        Assert.Same(inMemory, pushdown.LastAnswered);
        Assert.Equal("computed in memory: cohort filters on profile properties are not pushed down yet", pushdown.Note);
    }

    private static Cohort Filter(CohortDefinition definition) => new("test", definition);

    public static TheoryData<CalendarPeriod, RetentionMode> DemoGrid()
    {
        var data = new TheoryData<CalendarPeriod, RetentionMode>();
        foreach (var period in Enum.GetValues<CalendarPeriod>())
            foreach (var mode in Enum.GetValues<RetentionMode>())
                data.Add(period, mode);
        return data;
    }

    [Theory]
    [MemberData(nameof(DemoGrid))]
    public void A_generated_product_s_retention_matches_the_in_memory_engine(CalendarPeriod period, RetentionMode mode) =>
        engine.AssertSameMeasures(ParityData.Demo, HandMadeStores.Zone("Europe/Paris"), new RetentionQuery(period, mode));

    [Fact]
    public void A_generated_product_s_retention_of_a_behaviour_cohort_matches_the_in_memory_engine() =>
        engine.AssertSameMeasures(ParityData.Demo, HandMadeStores.Zone("Europe/Paris"), new RetentionQuery(CalendarPeriod.Week,
            Cohort: Filter(new AnyOf([new PerformedEvent("share_page", Within: TimeSpan.FromDays(7)), new PerformedEvent("edit_page", 5, Anchor: CohortAnchor.Range)]))));
}

public sealed class DuckDbRetentionParityTests() : RetentionParityTests(new DuckDbParity());

[Collection(PostgresCollection.Name)]
public sealed class PostgresRetentionParityTests(PostgresServer server) : RetentionParityTests(new PostgresParity(server));

[Collection(ClickHouseCollection.Name)]
public sealed class ClickHouseRetentionParityTests(ClickHouseServer server) : RetentionParityTests(new ClickHouseParity(server));

[Collection(ClickHouseClusterCollection.Name)]
public sealed class ClickHouseClusterRetentionParityTests(ClickHouseCluster cluster) : RetentionParityTests(new ClickHouseClusterParity(cluster));
