using Sextant.Analysis;
using Sextant.Analysis.Experiments;
using Sextant.Analysis.Syntax;
using Sextant.Engine.Sql;
using Sextant.Events;
using Sextant.Tests.Support.Servers;

namespace Sextant.Tests.Engine.Sql;

/// <summary>
/// Experiments pushed down give the in-memory engine's per-arm sums (counts equal, sums of
/// property values to 1e-12 relative: databases add in their own order) on the hand-made store of
/// <see cref="ExperimentParityStore"/> in three zones and on a generated product; each database
/// runs the same suite.
/// </summary>
public abstract class ExperimentParityTests(ParityEngine engine)
{
    private static readonly string[] EveryKind =
        ["conversion:purchase", "count:purchase", "sum:amount@purchase", "ratio:purchase/view", "active_on_day:1", "sum:amount"];

    private static readonly TimeRange March = new(At("2024-03-03T00:00:00Z"), At("2024-03-15T00:00:00Z"));

    private static readonly ExperimentQuery[] Queries =
    [
        Query(EveryKind),
        Query(EveryKind) with { Cuped = true, Window = TimeSpan.FromDays(7) },
        Query(["conversion:purchase:within=7d", "active_on_day:1:span=3", "count:purchase", "sum:amount@purchase"]) with { Range = March },
        Query(["conversion:purchase:within=7d", "active_on_day:0", "active_on_day:2:span=2", "count:view"]) with { Range = March, Cuped = true },
        Query(["active_on_day:0", "active_on_day:1"]) with { ExcludeEvents = ["billing", "never_stored"], Cuped = true },
        Query(["ratio:purchase/never_stored", "ratio:never_stored/purchase", "count:never_stored"]),
        Query(["count:purchase", "conversion:view"]) with { Control = "treatment", Range = new TimeRange(null, At("2024-03-08T00:00:00Z")) },
        Query(["count:purchase"]) with { Guardrails = [new Guardrail(Metric("sum:amount"), 0.02), new Guardrail(Metric("count:purchase"), 0.02)] },
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
    public void Arms_and_every_metric_kind_match_the_in_memory_engine(string zone, int query) =>
        AssertSameSums(ParityData.Experiment, HandMadeStores.Zone(zone), Queries[query]);

    [Fact]
    public void An_assigned_user_without_events_stays_in_the_arm_with_zeros()
    {
        // Given e2, assigned to treatment and never seen, and e6 and e7 in treatment with purchases
        var query = Query(["count:purchase"]) with { Range = March };

        // When measured in the database
        using var warehouse = engine.Connect(ParityData.Experiment);
        var measures = new SqlEngine(warehouse, TimeZoneInfo.Utc).Measure(query);

        // Then treatment counts all three users (e5 is exposed after the range, e3 saw both variants),
        // and e6's three purchases only: e7's comes after the range's end
        Assert.Equal(new[] { "control", "b_variant", "treatment" }, measures.Variants);
        Assert.Equal(new long[] { 3, 1, 3 }, measures.ArmUsers);
        Assert.Equal(1, measures.ExcludedMultipleExposure);
        var treatment = measures.Metrics[0].Arms[2];
        Assert.Equal(3, treatment.N);
        Assert.Equal(3, treatment.Sum);
    }

    [Theory]
    [InlineData("nope", "control")]
    [InlineData("exp", "baseline")]
    public void An_unknown_experiment_or_control_fails_with_the_in_memory_engine_s_message(string name, string control)
    {
        var query = Query(["count:purchase"]) with { Name = name, Control = control };
        var expected = Assert.Throws<SextantException>(() => ParityData.Experiment.InMemory(TimeZoneInfo.Utc).Measure(query));
        using var warehouse = engine.Connect(ParityData.Experiment);
        var actual = Assert.Throws<SextantException>(() => new SqlEngine(warehouse, TimeZoneInfo.Utc).Measure(query));
        Assert.Equal(expected.Message, actual.Message);
    }

    [Fact]
    public void Segments_fall_back_to_memory_with_a_note()
    {
        var query = Query(["count:purchase"]) with { Segments = [BreakdownText.Parse("plan", [])] };
        using var warehouse = engine.Connect(ParityData.Experiment);
        var inMemory = ParityData.Experiment.InMemory(TimeZoneInfo.Utc);
        var pushdown = new PushdownEngine(new SqlEngine(warehouse, TimeZoneInfo.Utc), () => inMemory);

        pushdown.Measure(query);

        Assert.Same(inMemory, pushdown.LastAnswered);
        Assert.Equal("computed in memory: experiment segments and breakdowns are not pushed down yet", pushdown.Note);
    }

    private static readonly ExperimentQuery[] DemoQueries =
    [
        new("onboarding_checklist", [.. new[] { "conversion:edit_page:within=7d", "count:edit_page", "sum:words@edit_page", "ratio:share_page/edit_page", "active_on_day:7:span=7" }.Select(Metric)],
            Cuped: true, Window: TimeSpan.FromDays(30)),
        new("editor_redesign", [.. new[] { "active_on_day:30:span=30", "sum:seats", "sum:revenue", "conversion:upgrade" }.Select(Metric)],
            Range: new TimeRange(At("2025-07-15T00:00:00Z"), At("2025-09-01T00:00:00Z"))),
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void A_generated_product_s_experiments_match_the_in_memory_engine(int query) =>
        AssertSameSums(ParityData.Demo, HandMadeStores.Zone("Europe/Paris"), DemoQueries[query]);

    private void AssertSameSums(ParityData data, TimeZoneInfo zone, ExperimentQuery query)
    {
        var expected = data.InMemory(zone).Measure(query);
        using var warehouse = engine.Connect(data);
        MeasuresAssert.Close(expected, new SqlEngine(warehouse, zone).Measure(query));
    }

    private static ExperimentQuery Query(string[] metrics) => new("exp", [.. metrics.Select(Metric)]);

    private static MetricSpec Metric(string text) => MetricSpecText.Parse(text);

    private static Timestamp At(string iso) => Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture));
}

public sealed class DuckDbExperimentParityTests() : ExperimentParityTests(new DuckDbParity());

[Collection(PostgresCollection.Name)]
public sealed class PostgresExperimentParityTests(PostgresServer server) : ExperimentParityTests(new PostgresParity(server));

[Collection(ClickHouseCollection.Name)]
public sealed class ClickHouseExperimentParityTests(ClickHouseServer server) : ExperimentParityTests(new ClickHouseParity(server));

[Collection(ClickHouseClusterCollection.Name)]
public sealed class ClickHouseClusterExperimentParityTests(ClickHouseCluster cluster) : ExperimentParityTests(new ClickHouseClusterParity(cluster));
