using Sextant.Tests.Support;

namespace Sextant.Tests.Cli;

/// <summary>
/// Every event, property or attribute name a command is given must exist in the store: a typo
/// exits 2 with one line naming it and the closest existing names, never a silent 0.
/// </summary>
public sealed class UnknownNameTests : IDisposable
{
    private const string Events = """
        event_id,user_id,event,timestamp,platform,plan_tier
        e1,u1,signup,2026-01-01T09:00:00Z,web,pro
        e2,u1,create_page,2026-01-01T09:10:00Z,web,pro
        e3,u1,edit_page,2026-01-02T09:00:00Z,ios,pro
        e4,u2,signup,2026-01-03T09:00:00Z,web,
        e5,u2,create_page,2026-01-03T09:05:00Z,web,
        """;

    private const string Users = """
        user_id,signup_at,segment,channel
        u1,2026-01-01T09:00:00Z,personal,organic
        u2,2026-01-03T09:00:00Z,small_team,paid
        """;

    private const string Assignments = """
        experiment,user_id,variant,assigned_at
        exp,u1,control,2026-01-01T09:00:00Z
        exp,u2,treatment,2026-01-03T09:00:00Z
        """;

    private readonly TempDirectory _directory = new();

    public UnknownNameTests()
    {
        _directory.Write("events.csv", Events + "\n");
        _directory.Write("users.csv", Users + "\n");
        _directory.Write("assignments.csv", Assignments + "\n");
        Assert.Equal(0, CliRunner.Run(_directory.Path, "ingest", "events.csv", "users.csv", "assignments.csv").ExitCode);
    }

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("unknown event 'create_pag' (did you mean 'create_page'?)", "funnel", "--steps", "signup,create_pag")]
    [InlineData("unknown event property 'platfrom' in step 'edit_page[platfrom=ios]' (did you mean 'platform'?)", "funnel", "--steps", "signup,edit_page[platfrom=ios]")]
    [InlineData("unknown event 'edit_pge' in --exclude (did you mean 'edit_page'?)", "funnel", "--steps", "signup,create_page", "--exclude", "edit_pge")]
    [InlineData("unknown event 'edit_pages' in metric 'conversion:edit_pages' (did you mean 'edit_page'?)", "experiment", "exp", "--metric", "conversion:edit_pages")]
    [InlineData("unknown start event 'sign_up' (did you mean 'signup'?)", "retention", "--start-event", "sign_up")]
    [InlineData("unknown return event 'edit' (did you mean 'edit_page'?)", "retention", "--return-event", "edit")]
    [InlineData("unknown breakdown 'segmnt' (did you mean 'segment'?)", "funnel", "--steps", "signup,create_page", "--breakdown", "segmnt")]
    [InlineData("unknown breakdown 'chanel' (did you mean 'channel'?)", "metrics", "--breakdown", "chanel")]
    [InlineData("unknown profile attribute 'segmnt' in --segment (did you mean 'segment'?)", "experiment", "exp", "--metric", "conversion:edit_page", "--segment", "segmnt")]
    [InlineData("unknown profile attribute 'varaint' in --variant-attribute", "experiment", "exp", "--metric", "conversion:edit_page", "--variant-attribute", "varaint")]
    [InlineData("unknown start event 'sigup'", "paths", "--start", "sigup")]
    [InlineData("unknown end event 'edit_pag'", "paths", "--end", "edit_pag")]
    [InlineData("unknown feature event 'create_pages' (did you mean 'create_page'?)", "impact", "create_pages")]
    public void An_unknown_name_exits_2_naming_it_and_the_closest_names(string message, params string[] args)
    {
        var result = CliRunner.Run(_directory.Path, args);

        Assert.Equal((2, ""), (result.ExitCode, result.Stdout));
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Events_named_in_the_configuration_but_missing_from_the_store_are_warnings_in_json_and_table()
    {
        // Given a configuration whose activation criteria and features name one stored and one missing event each.
        _directory.Write("names.yaml", """
            activation:
              events: [create_page, publish_page]
            north_star:
              collaboration_events: [edit_page]
            milestones:
              monetization_events: [signup]
            features: [create_page, exprt]
            """);

        // When metrics run, as JSON and as a table.
        var json = CliRunner.Run(_directory.Path, "metrics", "--config", "names.yaml", "--json");
        var table = CliRunner.Run(_directory.Path, "metrics", "--config", "names.yaml");

        // Then each missing name is a warning, and the run still succeeds.
        Assert.Equal((0, 0), (json.ExitCode, table.ExitCode));
        var warnings = System.Text.Json.JsonDocument.Parse(json.Stdout).RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.StartsWith("activation.events names an event not in the store: 'publish_page'", warnings[0], StringComparison.Ordinal);
        Assert.StartsWith("features names an event not in the store: 'exprt'", warnings[1], StringComparison.Ordinal);
        Assert.Contains("warning: activation.events names an event not in the store: 'publish_page'", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_activation_events_in_the_configuration_no_demo_definition_is_assumed()
    {
        // Given create_page and edit_page in the store but no sextant.yaml,
        var lifecycle = CliRunner.Run(_directory.Path, "funnel", "--lifecycle");
        var metrics = CliRunner.Run(_directory.Path, "metrics", "--json");

        // then the lifecycle funnel asks for activation.events, and metrics warn that activation and the North Star are not measured.
        Assert.Equal(2, lifecycle.ExitCode);
        Assert.Contains("needs activation.events in sextant.yaml", lifecycle.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, metrics.ExitCode);
        var root = System.Text.Json.JsonDocument.Parse(metrics.Stdout).RootElement;
        var warnings = root.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Contains(warnings, w => w.StartsWith("activation.events is not set", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("north_star.collaboration_events is not set", StringComparison.Ordinal));
        Assert.Equal(0, root.GetProperty("activation").GetProperty("activated").GetInt64());
    }

    [Fact]
    public void A_property_that_some_event_carries_is_known()
    {
        // Given plan_tier on two of the five events, when a step filters on it, then the funnel runs.
        var result = CliRunner.Run(_directory.Path, "funnel", "--steps", "signup,create_page[plan_tier=pro]", "--json");

        Assert.Equal(0, result.ExitCode);
    }
}
