using System.Diagnostics;
using Sextant.Analysis.Funnels;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Xunit.Abstractions;

namespace Sextant.Tests.Analysis.Funnels;

public sealed class LifecycleFunnelPlantedTruthTests(StoredScenarioFixture fixture, ITestOutputHelper output) : IClassFixture<StoredScenarioFixture>
{
    [Fact]
    public void The_largest_drop_on_the_demo_data_is_activation_to_engagement_within_the_calibration_target()
    {
        var watch = Stopwatch.StartNew();
        var result = new InMemoryEngine(fixture.Table).Run(Support.DemoSettings.LifecycleQuery);
        watch.Stop();
        foreach (var stage in result.Steps)
            output.WriteLine($"{stage.Name}: {stage.Users} ({stage.ConversionFromPrevious:P1} of previous, {stage.ConversionFromStart:P1} of start)");
        output.WriteLine($"censored users {result.CensoredUsers}, censored visitors {result.CensoredVisitors}, {watch.Elapsed.TotalMilliseconds:F0} ms");

        var engagement = LifecycleFunnelShaper.StageNames.ToList().IndexOf("Engagement");
        Assert.Equal(engagement, result.BiggestDropStage);
        Assert.InRange(1 - result.Steps[engagement].ConversionFromPrevious, 0.45, 0.65);
    }

    [Fact]
    public void Every_generated_user_and_visitor_is_in_the_funnel_or_censored()
    {
        var data = fixture.Scenario.Data;

        var result = new InMemoryEngine(fixture.Table).Run(Support.DemoSettings.LifecycleQuery);

        Assert.Equal(data.Users.Count, result.Steps[1].Users + result.CensoredUsers + result.UsersWithoutSignup);
        Assert.Equal(data.Truth.Visitors, result.Steps[0].Users - result.Steps[1].Users + result.CensoredVisitors);
    }
}
