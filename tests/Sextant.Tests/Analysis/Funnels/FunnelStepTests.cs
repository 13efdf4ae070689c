using Sextant.Analysis.Funnels;
using Sextant.Analysis.Syntax;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Tests.Support.SemanticsFixtures;

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
        var result = new InMemoryEngine(FunnelFixtures.FilterEquals.Load()).Run(FunnelFixtures.FilterEquals.Query);
        var negated = new InMemoryEngine(FunnelFixtures.FilterDiffers.Load()).Run(FunnelFixtures.FilterDiffers.Query);

        Assert.Equal([3L, 1L], result.Steps.Select(s => s.Users));
        Assert.Equal([3L, 2L], negated.Steps.Select(s => s.Users));
    }

    [Fact]
    public void In_a_strict_funnel_an_event_failing_its_filter_resets_progress()
    {
        var result = new InMemoryEngine(FunnelFixtures.StrictFilterReset.Load()).Run(FunnelFixtures.StrictFilterReset.Query);

        Assert.Equal([1L, 0L], result.Steps.Select(s => s.Users));
    }
}
