using Sextant.Analysis.Growth;
using Sextant.Configuration;
using Sextant.Synthetic;

namespace Sextant.Tests.Synthetic;

/// <summary>The sextant.yaml that demo and generate --store write beside the store states every setting the scenario's analyses use.</summary>
public sealed class ScenarioSettingsFileTests
{
    [Fact]
    public void The_written_settings_name_the_products_activation_north_star_upgrade_features_levers_and_size()
    {
        // Given the settings text of a small generated scenario
        var data = NotionGenerator.Generate(new NotionScenario { Users = 300 });
        var yaml = ScenarioAnalyses.SettingsYaml(data.Truth);

        // When it is read back as a sextant.yaml
        var config = ConfigLoader.Parse(yaml, "sextant.yaml");

        // Then it carries the product's own definitions, none of which is a built-in default any more
        Assert.Equal(ActivationConfig.DefaultEvents, config.Activation.Events);
        Assert.Equal(NorthStarConfig.DefaultCollaborationEvents, config.NorthStar.CollaborationEvents);
        Assert.Equal(MilestonesConfig.DemoMonetizationEvents, config.Milestones.MonetizationEvents);
        Assert.Equal(ScenarioAnalyses.Features, config.Features);
        Assert.Equal(GrowthLever.Defaults, Sextant.Configuration.Queries.GrowthQueries.Levers(config.Growth));
        Assert.Equal(ScenarioAnalyses.BusinessMau, config.Business.Mau);
        Assert.Equal(data.Truth.Scenario.Experiments.Select(e => e.Name), config.Experiments.Select(e => e.Name));
        Assert.Empty(SextantConfig.Default.Activation.Events);
        Assert.Null(SextantConfig.Default.Business.Mau);
    }
}
