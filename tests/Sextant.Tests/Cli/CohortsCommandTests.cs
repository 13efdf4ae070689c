using System.Text.Json;
using Sextant.Tests.Support;

namespace Sextant.Tests.Cli;

/// <summary><c>sextant cohorts</c> through the real executable.</summary>
public sealed class CohortsCommandTests : IDisposable
{
    private const string Events = """
        event_id,user_id,event,timestamp
        e1,u1,create_page,2026-01-01T09:00:00Z
        e2,u1,create_page,2026-01-02T09:00:00Z
        e3,u2,create_page,2026-01-03T09:00:00Z
        e4,u3,edit_page,2026-01-20T09:00:00Z
        """;

    private readonly TempDirectory _directory = new();

    public CohortsCommandTests()
    {
        _directory.Write("events.csv", Events + "\n");
        _directory.Write("sextant.yaml", """
            cohorts:
              - name: repeat_creators
                did: create_page
                at_least: 2
              - name: late
                did: edit_page
                of: range
            """ + "\n");
        Assert.Equal(0, CliRunner.Run(_directory.Path, "ingest", "events.csv").ExitCode);
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Cohorts_lists_each_saved_cohort_with_its_size_and_share()
    {
        var result = CliRunner.Run(_directory.Path, "cohorts", "--json");
        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(3, root.GetProperty("users").GetInt64());
        var first = root.GetProperty("cohorts")[0];
        Assert.Equal("repeat_creators", first.GetProperty("name").GetString());
        Assert.Equal(1, first.GetProperty("users").GetInt64());
        Assert.Equal(1 / 3.0, first.GetProperty("share").GetDouble(), 12);

        var table = CliRunner.Run(_directory.Path, "cohorts");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("repeat_creators", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("did create_page ≥ 2 times", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_anchored_cohort_follows_from_and_to_and_an_unknown_cohort_is_a_usage_error()
    {
        var january = CliRunner.Run(_directory.Path, "cohorts", "--cohort", "late", "--to", "2026-01-10", "--json");
        Assert.Equal(0, january.ExitCode);
        Assert.Equal(0, JsonDocument.Parse(january.Stdout).RootElement.GetProperty("cohorts")[0].GetProperty("users").GetInt64());
        var all = CliRunner.Run(_directory.Path, "cohorts", "--cohort", "late", "--json");
        Assert.Equal(1, JsonDocument.Parse(all.Stdout).RootElement.GetProperty("cohorts")[0].GetProperty("users").GetInt64());

        var unknown = CliRunner.Run(_directory.Path, "cohorts", "--cohort", "lat");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown cohort 'lat'", unknown.Stderr, StringComparison.Ordinal);
        Assert.Contains("'late'", unknown.Stderr, StringComparison.Ordinal);
    }
}
