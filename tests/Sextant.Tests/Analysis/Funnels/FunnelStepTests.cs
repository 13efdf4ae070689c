using Sextant.Analysis.Funnels;
using Sextant.Analysis.Syntax;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Analysis.Funnels;

public sealed class FunnelStepTests
{
    [Fact]
    public void A_step_names_events_and_property_filters()
    {
        var step = FunnelStepText.Parse(" edit_page|create_page[platform=ios; plan!=free] ");

        Assert.Equal(["edit_page", "create_page"], step.Events);
        Assert.Equal([new StepFilter("platform", "ios", true), new StepFilter("plan", "free", false)], step.Filters);
        Assert.True(step.Filters[1].Holds(null)); // an absent plan is not 'free'
        Assert.False(step.Filters[0].Holds(null));
    }

    [Fact]
    public void Commas_inside_brackets_belong_to_the_filter()
    {
        var steps = FunnelStepText.ParseList("signup,search[query=a,b],upgrade");

        Assert.Equal(["signup", "search[query=a,b]", "upgrade"], steps.Select(s => s.Name));
        Assert.Equal("a,b", steps[1].Filters.Single().Value);
    }

    [Theory]
    [InlineData("[platform=ios]", "names no event")]
    [InlineData("edit[platform]", "filter 'platform' is not property=value")]
    [InlineData("edit[platform=ios", "filters must end with ']'")]
    public void Bad_steps_say_what_is_wrong(string text, string message)
    {
        var error = Assert.Throws<SextantException>(() => FunnelStepText.Parse(text));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_events_meeting_the_filter_satisfy_the_step()
    {
        var table = Load(null,
            At("u1", "signup", "2026-01-01T00:00:00Z"), Event("x1", "u1", "upgrade", "2026-01-02T00:00:00Z", properties: """{"plan":"team"}"""),
            At("u2", "signup", "2026-01-01T00:00:00Z"), Event("x2", "u2", "upgrade", "2026-01-02T00:00:00Z", properties: """{"plan":"plus"}"""),
            At("u3", "signup", "2026-01-01T00:00:00Z"), At("u3", "upgrade", "2026-01-02T00:00:00Z"));

        var result = new InMemoryEngine(table).Run(new FunnelQuery(FunnelStepText.ParseList("signup,upgrade[plan=team]"), FunnelQuery.DefaultWindow));
        var negated = new InMemoryEngine(table).Run(new FunnelQuery(FunnelStepText.ParseList("signup,upgrade[plan!=team]"), FunnelQuery.DefaultWindow));

        Assert.Equal([3L, 1L], result.Steps.Select(s => s.Users));
        Assert.Equal([3L, 2L], negated.Steps.Select(s => s.Users));
    }

    [Fact]
    public void In_a_strict_funnel_an_event_failing_its_filter_resets_progress()
    {
        var table = Load(null,
            At("u1", "signup", "2026-01-01T00:00:00Z"), Event("y1", "u1", "edit", "2026-01-01T01:00:00Z", platform: "web"),
            Event("y2", "u1", "edit", "2026-01-01T02:00:00Z", platform: "ios"));

        var result = new InMemoryEngine(table).Run(new FunnelQuery(FunnelStepText.ParseList("signup,edit[platform=ios]"), FunnelQuery.DefaultWindow, FunnelOrder.Strict));

        Assert.Equal([1L, 0L], result.Steps.Select(s => s.Users));
    }
}
