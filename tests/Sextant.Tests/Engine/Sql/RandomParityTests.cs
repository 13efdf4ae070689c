using Sextant.Analysis;
using Sextant.Analysis.Engagement;
using Sextant.Analysis.Experiments;
using Sextant.Analysis.Funnels;
using Sextant.Analysis.Retention;
using Sextant.Analysis.Revenue;
using Sextant.Analysis.Syntax;
using Sextant.Engine.Sql;
using Sextant.Events;
using Sextant.Tests.Support.Servers;

namespace Sextant.Tests.Engine.Sql;

/// <summary>
/// A property of every pushed-down analysis: on random small stores crowded around calendar edges
/// (<see cref="RandomStores"/>), the database's measures equal the in-memory engine's in every zone,
/// and where the in-memory engine refuses a query the database refuses it with the same message.
/// Counts and text must be equal; prorated revenue, the only sum that is not exact in any order,
/// to 1e-12 relative.
/// </summary>
public abstract class RandomParityTests(ParityEngine engine)
{
    private static readonly TimeRange SpringToAutumn = new(At("2024-03-31T00:00:00Z"), At("2024-10-27T01:00:00Z"));

    public static TheoryData<int> Seeds() => new(Enumerable.Range(1, 8));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Retention_matches_the_in_memory_engine_on_random_stores(int seed)
    {
        foreach (var period in Enum.GetValues<CalendarPeriod>())
            foreach (var mode in Enum.GetValues<RetentionMode>())
            {
                AssertSame(seed, new RetentionQuery(period, mode));
                AssertSame(seed, new RetentionQuery(period, mode, StartEvent: "signup", ReturnEvent: "edit", Range: SpringToAutumn));
            }
        AssertSame(seed, new RetentionQuery(CalendarPeriod.Week, ExcludeEvents: ["billing", "view"]));
        AssertSame(seed, new RetentionQuery(CalendarPeriod.Month, RetentionMode.OnOrAfter,
            Cohort: new Cohort("random", new AnyOf([new PerformedEvent("edit", MinTimes: 2), new PerformedEvent("purchase", Within: TimeSpan.FromDays(2), Did: false)]))));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Metrics_match_the_in_memory_engine_on_random_stores(int seed)
    {
        AssertSame(seed, new EngagementQuery(ActivationEvents: ["edit", "share"], CollaborationEvents: ["share", "invite"]));
        AssertSame(seed, new EngagementQuery(ExcludeEvents: ["billing"], ActivationEvents: ["create", "purchase"], ActivationMatchAll: false, ActivationWindowDays: 2,
            Range: SpringToAutumn, NorthStarMinMembers: 1, CollaborationEvents: ["edit"], Features: ["edit", "share", "never_stored"], LifecyclePeriod: CalendarPeriod.Month));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Revenue_matches_the_in_memory_engine_on_random_stores(int seed)
    {
        AssertSame(seed, new RevenueQuery());
        AssertSame(seed, new RevenueQuery(ExcludeEvents: ["billing"], Range: SpringToAutumn));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Funnels_match_the_in_memory_engine_on_random_stores(int seed)
    {
        foreach (var order in Enum.GetValues<FunnelOrder>())
        {
            AssertSame(seed, Funnel(TimeSpan.FromDays(1), "signup", "view", "edit") with { Order = order });
            AssertSame(seed, Funnel(TimeSpan.FromDays(7), "view|signup", "edit|create", "share") with { Exclude = ["billing"], Order = order });
            AssertSame(seed, Funnel(TimeSpan.FromHours(3), "view", "edit", "create", "share", "invite") with { Range = SpringToAutumn, Order = order });
            AssertSame(seed, Funnel(TimeSpan.FromMicroseconds(1), "edit", "view") with { Order = order });
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Experiments_match_the_in_memory_engine_on_random_stores(int seed)
    {
        string[] metrics = ["conversion:purchase:within=3d", "count:edit", "sum:amount@purchase", "ratio:purchase/view", "active_on_day:1:span=2"];
        var query = new ExperimentQuery("exp", [.. metrics.Select(MetricSpecText.Parse)]);
        AssertSame(seed, query);
        AssertSame(seed, query with { Cuped = true, Window = TimeSpan.FromDays(5), ExcludeEvents = ["billing"] });
        AssertSame(seed, query with { Range = SpringToAutumn });
    }

    /// <summary>Equal measures (or the same refusal) in every zone of the hand-made suites.</summary>
    protected void AssertSame<TMeasures, TResult>(int seed, IAnalysisQuery<TMeasures, TResult> query)
    {
        var data = ParityData.Random(seed);
        using var warehouse = engine.Connect(data);
        foreach (var id in HandMadeStores.Zones)
        {
            var zone = HandMadeStores.Zone(id);
            var expected = Outcome(() => data.InMemory(zone).Measure(query)!);
            var actual = Outcome(() => new SqlEngine(warehouse, zone).Measure(query)!);
            try
            {
                if (expected is string || actual is string) Assert.Equal(expected, actual);
                else MeasuresAssert.Close(expected, actual);
            }
            catch (Xunit.Sdk.XunitException mismatch)
            {
                throw new Xunit.Sdk.XunitException($"seed {seed}, {id}, {query}: {mismatch.Message}");
            }
        }
    }

    /// <summary>The measures, or the refusal's message.</summary>
    private static object Outcome(Func<object> measure)
    {
        try
        {
            return measure();
        }
        catch (SextantException refused)
        {
            return "refused: " + refused.Message;
        }
    }

    private static FunnelQuery Funnel(TimeSpan window, params string[] steps) =>
        new([.. steps.Select(step => new FunnelStep(step, [.. step.Split('|')]))], window);

    private static Timestamp At(string iso) => Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>DuckDB runs in process, so it also takes many more seeds.</summary>
public sealed class DuckDbRandomParityTests() : RandomParityTests(new DuckDbParity())
{
    public static TheoryData<int> MoreSeeds() => new(Enumerable.Range(100, 24));

    [Theory]
    [MemberData(nameof(MoreSeeds))]
    public void Every_pushed_down_analysis_matches_on_more_random_stores(int seed)
    {
        Retention_matches_the_in_memory_engine_on_random_stores(seed);
        Funnels_match_the_in_memory_engine_on_random_stores(seed);
        Experiments_match_the_in_memory_engine_on_random_stores(seed);
        Metrics_match_the_in_memory_engine_on_random_stores(seed);
        Revenue_matches_the_in_memory_engine_on_random_stores(seed);
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresRandomParityTests(PostgresServer server) : RandomParityTests(new PostgresParity(server));

[Collection(ClickHouseCollection.Name)]
public sealed class ClickHouseRandomParityTests(ClickHouseServer server) : RandomParityTests(new ClickHouseParity(server));

[Collection(ClickHouseClusterCollection.Name)]
public sealed class ClickHouseClusterRandomParityTests(ClickHouseCluster cluster) : RandomParityTests(new ClickHouseClusterParity(cluster));
