using Sextant.Synthetic;
using Sextant.Tests.Support;

namespace Sextant.Tests.Synthetic;

public sealed class ScenarioLoaderTests
{
    private static string ShippedScenario()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "scenarios", "notion.yaml");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("scenarios/notion.yaml not found above the test directory");
    }

    [Fact]
    public void The_shipped_scenario_file_generates_exactly_the_built_in_defaults()
    {
        using var directory = new TempDirectory();
        var fromFile = ScenarioLoader.Load(ShippedScenario()) with { Users = 1_500 };
        var builtIn = new NotionScenario { Users = 1_500 };

        ScenarioFiles.Write(NotionGenerator.Generate(fromFile), directory.File("file"));
        ScenarioFiles.Write(NotionGenerator.Generate(builtIn), directory.File("built-in"));

        foreach (var name in ScenarioFiles.FileNames)
            Assert.Equal(File.ReadAllBytes(Path.Combine(directory.File("built-in"), name)), File.ReadAllBytes(Path.Combine(directory.File("file"), name)));
    }

    [Fact]
    public void A_partial_file_changes_only_what_it_names()
    {
        var scenario = ScenarioLoader.Parse("users: 1200\nseed: 9\nsegments:\n  - { name: solo, share: 1, activation: 0.9, paid: 0.5 }\n", "my.yaml");

        Assert.Equal(1200, scenario.Users);
        Assert.Equal(9, scenario.Seed);
        var segment = Assert.Single(scenario.Segments);
        Assert.Equal(("solo", 0.9, 1), (segment.Name, segment.Activation, segment.TeamSize));
        Assert.Equal(new NotionScenario().Channels.Count, scenario.Channels.Count);
    }

    [Fact]
    public void Unknown_keys_and_bad_values_name_the_key_and_line()
    {
        var error = Assert.Throws<SextantException>(() => ScenarioLoader.Parse("users: 10\nsurvival_alfa: 2\nfast_activator_share: 3\n", "my.yaml"));

        Assert.Contains("my.yaml line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("survival_alfa", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("fast_activator_share", error.Message, StringComparison.Ordinal);
    }
}
