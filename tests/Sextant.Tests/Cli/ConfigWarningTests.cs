using System.Text.Json;
using Sextant.Tests.Support;

namespace Sextant.Tests.Cli;

/// <summary>
/// Names that come from sextant.yaml and are missing from the store are warnings (a line in the
/// table, a <c>warnings</c> array in the JSON, a list in the report), never an exit 2 nor a silent 0.
/// </summary>
public sealed class ConfigWarningTests : IDisposable
{
    private const string Events = """
        event_id,user_id,event,timestamp
        e1,u1,signup,2026-01-01T09:00:00Z
        e2,u1,create_page,2026-01-01T09:10:00Z
        e3,u2,signup,2026-01-03T09:00:00Z
        e4,u2,create_page,2026-01-03T09:05:00Z
        e5,u3,signup,2026-01-04T09:00:00Z
        """;

    private const string Users = """
        user_id,signup_at,segment,channel
        u1,2026-01-01T09:00:00Z,personal,organic
        u2,2026-01-03T09:00:00Z,small_team,paid
        u3,2026-01-04T09:00:00Z,personal,paid
        """;

    private const string Assignments = """
        experiment,user_id,variant,assigned_at
        exp,u1,control,2026-01-01T09:00:00Z
        exp,u2,treatment,2026-01-03T09:00:00Z
        exp,u3,treatment,2026-01-04T09:00:00Z
        """;

    // publish_page is in no stored event: a funnel step and an experiment metric name it.
    private const string Config = """
        funnels:
          - name: onboarding
            steps: [signup, create_page, publish_page]
        experiments:
          - name: exp
            metrics: ["conversion:publish_page"]
        """;

    private readonly TempDirectory _directory = new();

    public ConfigWarningTests()
    {
        _directory.Write("events.csv", Events + "\n");
        _directory.Write("users.csv", Users + "\n");
        _directory.Write("assignments.csv", Assignments + "\n");
        _directory.Write("sextant.yaml", Config + "\n");
        Assert.Equal(0, CliRunner.Run(_directory.Path, "ingest", "events.csv", "users.csv", "assignments.csv").ExitCode);
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_named_funnel_step_missing_from_the_store_counts_0_with_a_warning_instead_of_exit_2()
    {
        // Given the funnel onboarding whose last step publish_page is not stored,
        // when it is run by name, as JSON and as a table,
        var json = CliRunner.Run(_directory.Path, "funnel", "--name", "onboarding", "--json");
        var table = CliRunner.Run(_directory.Path, "funnel", "--name", "onboarding");

        // then both succeed; the step shows 0 users (2 of 3 created a page) and the warning names it.
        Assert.Equal((0, 0), (json.ExitCode, table.ExitCode));
        var root = JsonDocument.Parse(json.Stdout).RootElement;
        var users = root.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("users").GetInt64()).ToList();
        Assert.Equal([3L, 2L, 0L], users);
        var warning = Assert.Single(root.GetProperty("warnings").EnumerateArray()).GetString();
        Assert.StartsWith("funnels.onboarding.steps names an event not in the store: 'publish_page'", warning, StringComparison.Ordinal);
        Assert.Contains("warning: funnels.onboarding.steps names an event not in the store", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_typed_on_the_command_line_and_missing_from_the_store_is_still_an_error()
    {
        var result = CliRunner.Run(_directory.Path, "funnel", "--steps", "signup,publish_page");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void An_experiment_metric_from_the_configuration_missing_from_the_store_is_a_warning()
    {
        // Given exp judged on conversion:publish_page in sextant.yaml, when it is analysed,
        var json = CliRunner.Run(_directory.Path, "experiment", "exp", "--json");
        var typed = CliRunner.Run(_directory.Path, "experiment", "exp", "--metric", "conversion:publish_page");

        // then it runs and warns; the same name typed with --metric is an error.
        Assert.Equal(0, json.ExitCode);
        var warning = Assert.Single(JsonDocument.Parse(json.Stdout).RootElement.GetProperty("warnings").EnumerateArray()).GetString();
        Assert.StartsWith("experiments.exp.metrics names an event not in the store: 'publish_page'", warning, StringComparison.Ordinal);
        Assert.Equal(2, typed.ExitCode);
    }

    [Fact]
    public void The_report_lists_the_configuration_warnings_in_the_executive_report_and_the_index()
    {
        // Given the funnel and the experiment of sextant.yaml naming publish_page, when the report is written,
        var result = CliRunner.Run(_directory.Path, "report", "--out", "rep", "--json");

        // then the executive report and the index page list both warnings.
        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        var index = File.ReadAllText(root.GetProperty("dashboards")[0].GetString()!);
        var text = File.ReadAllText(root.GetProperty("executive_report")[0].GetString()!);
        var listed = string.Join('\n', root.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        foreach (var page in new[] { text, index, listed })
        {
            Assert.Contains("funnels.onboarding.steps names an event not in the store", page, StringComparison.Ordinal);
            Assert.Contains("experiments.exp.metrics names an event not in the store", page, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("retention")]
    [InlineData("paths")]
    [InlineData("revenue")]
    [InlineData("health")]
    public void An_excluded_event_of_the_configuration_missing_from_the_store_is_a_warning(string command)
    {
        // Given activity.exclude_events naming heartbeat, which no stored event is,
        _directory.Write("exclude.yaml", "activity:\n  exclude_events: [heartbeat]\n");

        // when the analysis runs, as JSON and as a table,
        var json = CliRunner.Run(_directory.Path, command, "--config", "exclude.yaml", "--json");
        var table = CliRunner.Run(_directory.Path, command, "--config", "exclude.yaml");

        // then its warnings name the key and the event.
        Assert.Equal((0, 0), (json.ExitCode, table.ExitCode));
        var warning = Assert.Single(JsonDocument.Parse(json.Stdout).RootElement.GetProperty("warnings").EnumerateArray(),
            w => w.GetString()!.StartsWith("activity.", StringComparison.Ordinal)).GetString();
        Assert.StartsWith("activity.exclude_events names an event not in the store: 'heartbeat'", warning, StringComparison.Ordinal);
        Assert.Contains("warning: activity.exclude_events names an event not in the store", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lifecycle_milestone_event_missing_from_the_store_is_a_warning()
    {
        // Given activation on create_page (stored) and monetization on upgrade (not stored),
        _directory.Write("lifecycle.yaml", "activation:\n  events: [create_page]\nmilestones:\n  monetization_events: [upgrade]\n");

        // when the lifecycle funnel runs,
        var json = CliRunner.Run(_directory.Path, "funnel", "--lifecycle", "--config", "lifecycle.yaml", "--json");

        // then the Monetization stage's 0 comes with a warning naming the key.
        Assert.Equal(0, json.ExitCode);
        var warning = Assert.Single(JsonDocument.Parse(json.Stdout).RootElement.GetProperty("warnings").EnumerateArray()).GetString();
        Assert.StartsWith("milestones.monetization_events names an event not in the store: 'upgrade'", warning, StringComparison.Ordinal);
    }
}
