using Sextant.Analysis;
using Sextant.Analysis.Funnels;
using Sextant.Analysis.Retention;
using Sextant.Analysis.Syntax;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using Sextant.Storage.Sqlite;
using Sextant.Synthetic;
using Sextant.Tests.Support;
using Sextant.Tests.Synthetic;

namespace Sextant.Tests.Analysis;

/// <summary>The default scenario stored and loaded once, for analyses to recover what was planted.</summary>
public sealed class StoredScenarioFixture : IDisposable
{
    private readonly TempDirectory _directory = new();

    public StoredScenarioFixture()
    {
        Scenario = new DefaultScenarioFixture();
        using var store = SqliteStore.Open(_directory.File("demo.db"), create: true);
        ScenarioStoreWriter.Write(Scenario.Data, store);
        Table = SqliteEventTableLoader.Load(store, TimeZoneInfo.Utc);
    }

    public DefaultScenarioFixture Scenario { get; }

    public EventTable Table { get; }

    public void Dispose() => _directory.Dispose();
}

public sealed class PlantedTruthTests(StoredScenarioFixture fixture) : IClassFixture<StoredScenarioFixture>
{
    [Fact]
    public void The_activation_funnel_recovers_the_dealt_activation_rate_within_its_interval()
    {
        var truth = fixture.Scenario.Data.Truth.ActivatedUsers / (double)fixture.Scenario.Data.Users.Count;

        var funnel = new InMemoryEngine(fixture.Table).Run(new FunnelQuery(
            [FunnelStepText.Parse("signup"), FunnelStepText.Parse("create_page"), FunnelStepText.Parse("edit_page")], TimeSpan.FromDays(7)));

        var activated = funnel.Steps[2];
        Assert.InRange(truth, activated.CiLowFromStart, activated.CiHighFromStart);
    }

    [Fact]
    public void Paid_conversion_by_segment_from_upgrade_events_matches_the_subscriptions()
    {
        var data = fixture.Scenario.Data;
        var funnel = new InMemoryEngine(fixture.Table).Run(new FunnelQuery(
            [FunnelStepText.Parse("signup"), FunnelStepText.Parse("upgrade")], TimeSpan.FromDays(3 * 366), Breakdowns: [Breakdown.Profile("segment")]));

        foreach (var segment in funnel.Breakdown)
        {
            var members = data.Users.Where(u => u.Segment == segment.Value).Select(u => u.UserId).ToHashSet();
            var truth = data.Subscriptions.Count(s => members.Contains(s.UserId)) / (double)members.Count;
            var step = segment.Steps[1];
            Assert.InRange(truth, step.CiLowFromStart, step.CiHighFromStart);
        }
        var enterprise = funnel.Breakdown.Single(b => b.Value == "enterprise").OverallConversion;
        var individual = funnel.Breakdown.Single(b => b.Value == "individual").OverallConversion;
        Assert.InRange(enterprise / individual, 4.5, 7.5);
    }

    [Fact]
    public void Month_one_retention_matches_the_generator_calibration_within_its_interval()
    {
        var calibrated = fixture.Scenario.Calibration.Single(t => t.Name == "month-1 retention").Actual;

        var retention = new InMemoryEngine(fixture.Table).Run(new RetentionQuery());

        Assert.InRange(calibrated, retention.Average[1].CiLow, retention.Average[1].CiHigh);
        Assert.InRange(retention.Average[1].Rate, 0.40, 0.50);
    }

    [Fact]
    public void Activation_speed_recovers_the_generators_fast_vs_slow_activator_retention_ratio()
    {
        var generated = fixture.Scenario.Calibration.Single(t => t.Name == "fast / slow activators month-1 retention").Actual;

        var speed = new InMemoryEngine(fixture.Table).Run(DemoSettings.EngagementQuery).ActivationSpeed;

        Assert.InRange(generated, speed.RatioLow!.Value, speed.RatioHigh!.Value);
    }
}
