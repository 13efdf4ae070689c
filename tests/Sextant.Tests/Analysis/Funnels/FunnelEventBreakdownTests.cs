using Sextant.Analysis;
using Sextant.Analysis.Funnels;
using Sextant.Analysis.Syntax;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Analysis.Funnels;

public sealed class FunnelEventBreakdownTests
{
    [Fact]
    public void An_event_property_breakdown_reads_the_step_one_event_of_the_counted_attempt()
    {
        // a: an earlier non-step event on web, then signs up on ios and creates: group ios.
        // b: signs up on android without creating, later signs up on ios and creates: the counted
        //    attempt (the earliest reaching depth 2) opened on ios.
        // c: signs up on android only: depth 1, group android.
        var table = Load(null,
            Event("1", "a", "open", "2026-01-01T09:00:00Z", platform: "web"),
            Event("2", "a", "signup", "2026-01-01T10:00:00Z", platform: "ios"),
            Event("3", "a", "create", "2026-01-01T11:00:00Z", platform: "web"),
            Event("4", "b", "signup", "2026-01-01T10:00:00Z", platform: "android"),
            Event("5", "b", "signup", "2026-01-20T10:00:00Z", platform: "ios"),
            Event("6", "b", "create", "2026-01-20T11:00:00Z", platform: "ios"),
            Event("7", "c", "signup", "2026-01-02T10:00:00Z", platform: "android"));
        var query = new FunnelQuery(FunnelStepText.ParseList("signup,create"), TimeSpan.FromDays(1)) { Breakdowns = [Breakdown.Event("platform")] };

        var result = new InMemoryEngine(table).Run(query);

        var byValue = result.Breakdown.ToDictionary(b => b.Value, b => (b.Steps[0].Users, b.Steps[1].Users));
        Assert.Equal(2, byValue.Count);
        Assert.Equal((2L, 2L), byValue["ios"]);
        Assert.Equal((1L, 0L), byValue["android"]);
    }
}
