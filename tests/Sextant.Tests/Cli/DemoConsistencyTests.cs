using System.Text.Json;
using System.Text.RegularExpressions;
using Sextant.Tests.Support;

namespace Sextant.Tests.Cli;

/// <summary><c>demo</c>, <c>report</c> and the single commands run the same analyses on the same store.</summary>
public sealed partial class DemoConsistencyTests
{
    [Fact]
    public void Demo_report_and_experiment_give_the_same_verdicts_and_funnel_on_the_demo_store()
    {
        // Given the demo's store (the current directory has no sextant.yaml)
        using var directory = new TempDirectory();
        Assert.Equal(0, CliRunner.Run(directory.Path, "demo", "--out", "demo-out", "--json").ExitCode);
        var store = Path.Combine("demo-out", "sextant.db");
        Assert.True(File.Exists(Path.Combine(directory.Path, "demo-out", "sextant.yaml")));

        // When report, experiment and funnel run on it without any other setting
        Assert.Equal(0, CliRunner.Run(directory.Path, "report", "--store", store, "--out", "rep", "--json").ExitCode);
        var demoExperiments = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory.Path, "demo-out", "experiments.json"))).RootElement.EnumerateArray()
            .Select(e => (Name: e.GetProperty("experiment").GetString()!, Decision: e.GetProperty("verdict").GetProperty("decision").GetString()!)).ToList();
        var single = demoExperiments.Select(e =>
        {
            var run = CliRunner.Run(directory.Path, "experiment", e.Name, "--store", store, "--json");
            Assert.True(run.ExitCode == 0, run.Stderr);
            return (e.Name, JsonDocument.Parse(run.Stdout).RootElement.GetProperty("verdict").GetProperty("decision").GetString()!);
        }).ToList();
        var funnel = CliRunner.Run(directory.Path, "funnel", "--name", "collaboration_to_paid", "--breakdown", "segment", "--store", store, "--json");

        // Then the verdicts agree: the experiment command's, the report's dashboard and the demo's
        Assert.Equal(2, demoExperiments.Count);
        Assert.Equal(demoExperiments, single);
        var demoTiles = VerdictTiles(File.ReadAllText(Path.Combine(directory.Path, "demo-out", "dashboards", "experiments.html")));
        var reportTiles = VerdictTiles(File.ReadAllText(Path.Combine(directory.Path, "rep", "dashboards", "experiments.html")));
        Assert.Equal(demoExperiments.Select(e => (e.Name, e.Decision == "dont_ship" ? "don't ship" : e.Decision.Replace('_', ' '))), demoTiles);
        Assert.Equal(demoTiles, reportTiles);
        // and so does the funnel: the funnel command's steps are the demo's, and the report's funnel dashboard is the demo's
        Assert.True(funnel.ExitCode == 0, funnel.Stderr);
        Assert.Equal(StepUsers(File.ReadAllText(Path.Combine(directory.Path, "demo-out", "funnel.json"))), StepUsers(funnel.Stdout));
        // (only the footer differs: it names the product, which the demo knows and a report does not)
        Assert.Equal(WithoutFooter(File.ReadAllText(Path.Combine(directory.Path, "demo-out", "dashboards", "funnel.html"))),
            WithoutFooter(File.ReadAllText(Path.Combine(directory.Path, "rep", "dashboards", "funnel.html"))));
    }

    private static List<(string, string)> VerdictTiles(string html) =>
        Tile().Matches(html).Select(m => (m.Groups[1].Value, System.Net.WebUtility.HtmlDecode(m.Groups[2].Value))).Distinct().ToList();

    private static string WithoutFooter(string html) => Footer().Replace(html, "");

    private static List<(string, long)> StepUsers(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("steps").EnumerateArray().Select(s => (s.GetProperty("name").GetString()!, s.GetProperty("users").GetInt64())).ToList();

    [GeneratedRegex("<div class=\"tile\"><div class=\"label\">([a-z_]+)</div><div class=\"value\">([a-z &#;0-9']+)</div>")]
    private static partial Regex Tile();

    [GeneratedRegex("<footer>.*?</footer>", RegexOptions.Singleline)]
    private static partial Regex Footer();
}
