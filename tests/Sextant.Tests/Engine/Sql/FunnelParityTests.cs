using Sextant.Analysis;
using Sextant.Analysis.Funnels;
using Sextant.Engine.Sql;
using Sextant.Events;
using Sextant.Storage.Sqlite;
using Sextant.Synthetic;

namespace Sextant.Tests.Engine.Sql;

/// <summary>The hand-made funnel store and a generated product, written once for the whole suite.</summary>
public sealed class FunnelStores : IDisposable
{
    public ParityStore HandMade { get; } = new(HandMadeStores.Funnel);

    public ParityStore Demo { get; } = new(path =>
    {
        var data = NotionGenerator.Generate(new NotionScenario { Users = 3_000, Seed = 13 });
        using var store = SqliteStore.Open(path, create: true);
        ScenarioStoreWriter.Write(data, store);
    });

    public void Dispose()
    {
        HandMade.Dispose();
        Demo.Dispose();
    }
}

public sealed class FunnelParityTests(FunnelStores stores) : IClassFixture<FunnelStores>
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

    public static TheoryData<string, int> HandMade()
    {
        var data = new TheoryData<string, int>();
        foreach (var engine in ParityStore.SqlEngineNames)
            for (var q = 0; q < HandMadeQueries.Length; q++) data.Add(engine, q);
        return data;
    }

    [Theory]
    [MemberData(nameof(HandMade))]
    public void Steps_timings_and_exclusions_match_the_in_memory_engine(string engine, int query) =>
        stores.HandMade.AssertSameMeasures(engine, TimeZoneInfo.Utc, HandMadeQueries[query]);

    private static readonly FunnelQuery[] DemoQueries =
    [
        Query(FunnelQuery.DefaultWindow, [.. ScenarioAnalyses.FunnelSteps]),
        Query(TimeSpan.FromDays(3), "signup", "create_page", "share_page|comment|invite_member") with { Exclude = ["upgrade"] },
        Query(TimeSpan.FromDays(7), "view_page", "edit_page") with { Range = new TimeRange(Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero)), null) },
    ];

    public static TheoryData<string, int> Demo()
    {
        var data = new TheoryData<string, int>();
        foreach (var engine in ParityStore.SqlEngineNames)
            for (var q = 0; q < DemoQueries.Length; q++) data.Add(engine, q);
        return data;
    }

    [Theory]
    [MemberData(nameof(Demo))]
    public void A_generated_product_s_funnels_match_the_in_memory_engine(string engine, int query) =>
        stores.Demo.AssertSameMeasures(engine, TimeZoneInfo.Utc, DemoQueries[query]);

    [Theory]
    [MemberData(nameof(ParityStore.SqlEngines), MemberType = typeof(ParityStore))]
    public void Strict_funnels_fall_back_to_memory_with_a_reason(string engine)
    {
        using var warehouse = stores.HandMade.Warehouse(engine);
        var pushdown = new PushdownEngine(new SqlEngine(warehouse, TimeZoneInfo.Utc), () => stores.HandMade.InMemory(TimeZoneInfo.Utc));
        var query = Query(TimeSpan.FromDays(1), "signup", "create") with { Order = FunnelOrder.Strict };

        var measures = pushdown.Measure(query);

        Assert.Equal(stores.HandMade.InMemory(TimeZoneInfo.Utc).Measure(query).Groups[0].Steps[0].Users, measures.Groups[0].Steps[0].Users);
        Assert.Equal("computed in memory: strict funnels are not pushed down yet", pushdown.Note);
    }
}
