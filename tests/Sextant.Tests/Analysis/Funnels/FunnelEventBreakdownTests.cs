using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Tests.Support.SemanticsFixtures;

namespace Sextant.Tests.Analysis.Funnels;

public sealed class FunnelEventBreakdownTests
{
    [Fact]
    public void An_event_property_breakdown_reads_the_step_one_event_of_the_counted_attempt()
    {
        var result = new InMemoryEngine(FunnelFixtures.CountedAttemptPlatform.Load()).Run(FunnelFixtures.CountedAttemptPlatform.Query);

        var byValue = result.Breakdown.ToDictionary(b => b.Value, b => (b.Steps[0].Users, b.Steps[1].Users));
        Assert.Equal(2, byValue.Count);
        Assert.Equal((2L, 2L), byValue["ios"]);
        Assert.Equal((1L, 0L), byValue["android"]);
    }
}
