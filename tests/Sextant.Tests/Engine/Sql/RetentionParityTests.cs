using Sextant.Analysis;
using Sextant.Analysis.Retention;
using Sextant.Events;
using Sextant.Storage.Sqlite;
using Sextant.Synthetic;

namespace Sextant.Tests.Engine.Sql;

/// <summary>The hand-made retention store, written once for the whole suite.</summary>
public sealed class RetentionStores : IDisposable
{
    public ParityStore HandMade { get; } = new(HandMadeStores.Retention);

    /// <summary>A generated product of a few thousand users, with visitors and identified devices.</summary>
    public ParityStore Demo { get; } = new(path =>
    {
        var data = NotionGenerator.Generate(new NotionScenario { Users = 3_000, Seed = 11 });
        using var store = SqliteStore.Open(path, create: true);
        ScenarioStoreWriter.Write(data, store);
    });

    public void Dispose()
    {
        HandMade.Dispose();
        Demo.Dispose();
    }
}

public sealed class RetentionParityTests(RetentionStores stores) : IClassFixture<RetentionStores>
{
    private static readonly Timestamp ParisFebruary = Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.FromHours(1)));
    private static readonly Timestamp ParisMay = Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.FromHours(2)));
    private static readonly Timestamp MidWeek = Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 4, 3, 12, 0, 0, TimeSpan.Zero));

    public static TheoryData<string, string, CalendarPeriod, RetentionMode> Grid()
    {
        var data = new TheoryData<string, string, CalendarPeriod, RetentionMode>();
        foreach (var engine in ParityStore.SqlEngineNames)
            foreach (var zone in HandMadeStores.Zones)
                foreach (var period in Enum.GetValues<CalendarPeriod>())
                    foreach (var mode in Enum.GetValues<RetentionMode>())
                        data.Add(engine, zone, period, mode);
        return data;
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void Cohorts_cells_and_day_N_match_the_in_memory_engine_in_every_zone_period_and_mode(string engine, string zone, CalendarPeriod period, RetentionMode mode) =>
        stores.HandMade.AssertSameMeasures(engine, HandMadeStores.Zone(zone), new RetentionQuery(period, mode));

    public static TheoryData<string, string, int> Variants()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var engine in ParityStore.SqlEngineNames)
            foreach (var zone in HandMadeStores.Zones)
                for (var variant = 0; variant < VariantQueries.Length; variant++) data.Add(engine, zone, variant);
        return data;
    }

    private static readonly RetentionQuery[] VariantQueries =
    [
        new(CalendarPeriod.Week, StartEvent: "create_page"),
        new(CalendarPeriod.Day, ReturnEvent: "edit"),
        new(CalendarPeriod.Week, RetentionMode.OnOrAfter, ExcludeEvents: ["billing", "never_stored"]),
        new(CalendarPeriod.Month, Range: new TimeRange(ParisFebruary, ParisMay)),
        new(CalendarPeriod.Week, RetentionMode.OnOrAfter, Range: new TimeRange(null, MidWeek)),
        new(CalendarPeriod.Day, Range: new TimeRange(ParisMay, MidWeek)),
    ];

    [Theory]
    [MemberData(nameof(Variants))]
    public void Start_and_return_events_exclusions_and_ranges_match_the_in_memory_engine(string engine, string zone, int variant) =>
        stores.HandMade.AssertSameMeasures(engine, HandMadeStores.Zone(zone), VariantQueries[variant]);

    [Theory]
    [MemberData(nameof(ParityStore.SqlEngines), MemberType = typeof(ParityStore))]
    public void An_unknown_start_event_fails_with_the_in_memory_engine_s_message(string engine)
    {
        var query = new RetentionQuery(StartEvent: "edti");
        var expected = Assert.Throws<SextantException>(() => stores.HandMade.InMemory(TimeZoneInfo.Utc).Measure(query));
        using var warehouse = stores.HandMade.Warehouse(engine);
        var actual = Assert.Throws<SextantException>(() => new Sextant.Engine.Sql.SqlEngine(warehouse, TimeZoneInfo.Utc).Measure(query));
        Assert.Equal(expected.Message, actual.Message);
    }

    public static TheoryData<string, CalendarPeriod, RetentionMode> DemoGrid()
    {
        var data = new TheoryData<string, CalendarPeriod, RetentionMode>();
        foreach (var engine in ParityStore.SqlEngineNames)
            foreach (var period in Enum.GetValues<CalendarPeriod>())
                foreach (var mode in Enum.GetValues<RetentionMode>())
                    data.Add(engine, period, mode);
        return data;
    }

    [Theory]
    [MemberData(nameof(DemoGrid))]
    public void A_generated_product_s_retention_matches_the_in_memory_engine(string engine, CalendarPeriod period, RetentionMode mode) =>
        stores.Demo.AssertSameMeasures(engine, HandMadeStores.Zone("Europe/Paris"), new RetentionQuery(period, mode));
}
