using Sextant.Analysis;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Tests.Support.SemanticsFixtures;

namespace Sextant.Tests.Analysis.Engagement;

/// <summary>Without a <c>features</c> list, adoption is reported for product events only.</summary>
public sealed class SystemEventTests
{
    [Fact]
    public void Sign_up_page_views_and_dollar_events_are_not_features()
    {
        // Given a user who signs up, views pages, is exposed to an experiment and exports once,
        // when adoption runs with no feature list,
        var features = new InMemoryEngine(EngagementFixtures.SystemEvents.Load()).Run(EngagementFixtures.SystemEvents.Query).FeatureAdoption.Select(f => f.Feature);

        // then only export is a feature.
        Assert.Equal(["export"], features);
    }

    [Theory]
    [InlineData("signup", true)]
    [InlineData("Page_View", true)]
    [InlineData("$identify", true)]
    [InlineData("view_page", false)]
    [InlineData("export", false)]
    public void System_events_are_recognised_by_name(string name, bool system) =>
        Assert.Equal(system, SystemEvents.Is(name));
}
