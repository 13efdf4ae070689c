using System.Text.Json;
using Sextant.Tests.Support;

namespace Sextant.Tests.Cli;

/// <summary>
/// A growth lever's channels, platforms and segments come from its configuration: no product's
/// values are built in, and a lever that reaches nobody is a warning, never a silent 0 rate.
/// </summary>
public sealed class GrowthLeverValuesTests : IDisposable
{
    // Three users active in January: u1 and u3 came through a newsletter, u2 through paid ads.
    private const string Events = """
        event_id,user_id,event,timestamp
        e1,u1,signup,2026-01-01T09:00:00Z
        e2,u2,signup,2026-01-02T09:00:00Z
        e3,u3,signup,2026-01-03T09:00:00Z
        e4,u1,view,2026-01-20T09:00:00Z
        e5,u2,view,2026-01-21T09:00:00Z
        e6,u3,view,2026-01-22T09:00:00Z
        """;

    private const string Users = """
        user_id,signup_at,segment,channel
        u1,2026-01-01T09:00:00Z,team,newsletter
        u2,2026-01-02T09:00:00Z,team,paid
        u3,2026-01-03T09:00:00Z,solo,newsletter
        """;

    private const string Config = """
        growth:
          levers:
            - {name: "newsletter push", moves: search_signups, uplift: [0.1, 0.2, 0.3], channels: [newsletter]}
            - {name: "team plan", moves: team_paid_conversion, uplift: [0.1, 0.2, 0.3], segments: [teams]}
            - {name: "mobile", moves: mobile_retention, uplift: [0.1, 0.2, 0.3]}
        """;

    private readonly TempDirectory _directory = new();

    public GrowthLeverValuesTests()
    {
        _directory.Write("events.csv", Events + "\n");
        _directory.Write("users.csv", Users + "\n");
        _directory.Write("sextant.yaml", Config + "\n");
        Assert.Equal(0, CliRunner.Run(_directory.Path, "ingest", "events.csv", "users.csv").ExitCode);
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_lever_reaches_the_channels_its_configuration_names()
    {
        // Given a lever on search_signups whose channels are [newsletter], when growth runs,
        var result = CliRunner.Run(_directory.Path, "growth", "--json");

        // then its rate and audience are the newsletter share of active users: 2 of 3.
        Assert.Equal(0, result.ExitCode);
        var rates = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("baseline").GetProperty("rates").EnumerateArray()
            .ToDictionary(r => r.GetProperty("rate").GetString()!);
        Assert.Equal(2 / 3.0, rates["search_signups"].GetProperty("baseline").GetDouble(), 12);
        Assert.Equal(2 / 3.0, rates["search_signups"].GetProperty("audience_share").GetDouble(), 12);
        Assert.Contains("newsletter", rates["search_signups"].GetProperty("definition").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_lever_whose_values_are_absent_or_not_set_is_a_warning_naming_them()
    {
        // Given a lever on segment 'teams' (the store has team and solo) and one on platforms with none set,
        var json = CliRunner.Run(_directory.Path, "growth", "--json");
        var table = CliRunner.Run(_directory.Path, "growth");

        // then each is a warning naming the value or the key to set.
        Assert.Equal((0, 0), (json.ExitCode, table.ExitCode));
        var warnings = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Equal("growth.levers 'team plan' segments names a value no user's segment has: 'teams' (known: solo, team); it reaches nobody", warnings[0]);
        Assert.StartsWith("growth.levers 'mobile' moves mobile_retention but names no platforms", warnings[1], StringComparison.Ordinal);
        Assert.Contains("warning: growth.levers 'team plan' segments names a value", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_without_an_active_user_is_an_error_not_a_model_of_zeros()
    {
        var result = CliRunner.Run(_directory.Path, "growth", "--to", "2000-01-01");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("sextant: no active user in the chosen dates: nothing to model growth on", result.Stderr.Trim());
    }
}
