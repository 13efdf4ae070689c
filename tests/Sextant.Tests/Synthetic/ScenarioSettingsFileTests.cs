using Sextant.Analysis.Growth;
using Sextant.Configuration;
using Sextant.Synthetic;

namespace Sextant.Tests.Synthetic;

/// <summary>scenarios/notion.sextant.yaml states the settings the demo applies itself.</summary>
public sealed class ScenarioSettingsFileTests
{
    [Fact]
    public void The_settings_file_matches_what_the_scenario_uses()
    {
        var config = ConfigLoader.Load(Path.Combine(RepositoryRoot(), "scenarios", "notion.sextant.yaml"));

        Assert.Equal(ActivationConfig.DefaultEvents, config.Activation.Events);
        Assert.Equal(NorthStarConfig.DefaultCollaborationEvents, config.NorthStar.CollaborationEvents);
        Assert.Equal(MilestonesConfig.DemoMonetizationEvents, config.Milestones.MonetizationEvents);
        Assert.Equal(ScenarioAnalyses.Features, config.Features);
        Assert.Equal(GrowthLever.Defaults, GrowthLever.FromConfig(config.Growth));
        Assert.Equal(ScenarioAnalyses.BusinessMau, config.Business.Mau);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Sextant.slnx"))) return directory.FullName;
        throw new DirectoryNotFoundException("no Sextant.slnx above the test directory");
    }
}
