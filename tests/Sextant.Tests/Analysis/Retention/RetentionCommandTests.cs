using System.Text.Json;
using Sextant.Tests.Support;

namespace Sextant.Tests.Analysis.Retention;

/// <summary><c>sextant retention</c> and <c>sextant revenue</c> with --from, --to, --cohort and repeated --breakdown.</summary>
public sealed class RetentionCommandTests : IDisposable
{
    private const string Events = """
        event_id,user_id,event,timestamp,platform
        e1,u1,signup,2026-01-01T09:00:00Z,web
        e2,u1,edit_page,2026-01-02T09:00:00Z,ios
        e3,u2,signup,2026-01-03T09:00:00Z,ios
        e4,u2,edit_page,2026-02-03T09:00:00Z,ios
        e5,u3,signup,2026-01-20T09:00:00Z,web
        e6,u4,signup,2026-02-05T09:00:00Z,web
        e7,u4,edit_page,2026-03-01T09:00:00Z,web
        """;

    private const string Config = """
        cohorts:
          - name: editors
            did: edit_page
        """;

    private readonly TempDirectory _directory = new();

    public RetentionCommandTests()
    {
        _directory.Write("events.csv", Events + "\n");
        _directory.Write("sextant.yaml", Config + "\n");
        Assert.Equal(0, CliRunner.Run(_directory.Path, "ingest", "events.csv").ExitCode);
    }

    public void Dispose() => _directory.Dispose();

    private JsonElement Json(params string[] args)
    {
        var result = CliRunner.Run(_directory.Path, [.. args, "--json"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return JsonDocument.Parse(result.Stdout).RootElement;
    }

    [Fact]
    public void Retention_takes_the_cohorts_starting_in_the_range_and_ends_the_data_with_to()
    {
        var root = Json("retention", "--from", "2026-01-02", "--to", "2026-01-31");

        // u2 and u3 signed up in [Jan 2, Feb 1); u1 before, u4 after.
        var cohort = Assert.Single(root.GetProperty("cohorts").EnumerateArray());
        Assert.Equal(("2026-01", 2L), (cohort.GetProperty("cohort").GetString(), cohort.GetProperty("size").GetInt64()));
        Assert.Equal(1, cohort.GetProperty("periods").GetArrayLength());
        Assert.Equal("2026-01-31T23:59:59.999999Z", root.GetProperty("data_end").GetString());
    }

    [Fact]
    public void Retention_crosses_an_event_property_with_a_cohort_and_merges_the_rest_into_other()
    {
        var root = Json("retention", "--breakdown", "event.platform", "--breakdown", "cohort.editors", "--limit", "2");

        // web / in editors: u1, u4; ios / in editors: u2; web / not in editors: u3 (Other).
        Assert.Equal("event.platform / cohort.editors", root.GetProperty("breakdown_by").GetString());
        var groups = root.GetProperty("breakdown").EnumerateArray().ToList();
        Assert.Equal(["web / in editors", "ios / in editors", "Other"], groups.Select(g => g.GetProperty("value").GetString()));
        Assert.Equal([2L, 1, 1], groups.Select(g => g.GetProperty("users").GetInt64()));
        Assert.Equal(["web", "in editors"], groups[0].GetProperty("values").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public void Retention_and_revenue_count_only_the_cohort_given()
    {
        var retention = Json("retention", "--cohort", "editors");
        var revenue = Json("revenue", "--cohort", "editors", "--to", "2026-01-31");

        // Editors are u1, u2 (January) and u4 (February); by the end of January only u1 and u2 have signed up.
        Assert.Equal([2L, 1], retention.GetProperty("cohorts").EnumerateArray().Select(c => c.GetProperty("size").GetInt64()));
        Assert.Equal([2L], revenue.GetProperty("cohorts").EnumerateArray().Select(c => c.GetProperty("size").GetInt64()));
        Assert.Equal(["2026-01"], revenue.GetProperty("months").EnumerateArray().Select(m => m.GetProperty("month").GetString()));
    }

    [Fact]
    public void Revenue_takes_either_to_or_as_of()
    {
        var result = CliRunner.Run(_directory.Path, "revenue", "--to", "2026-01-31", "--as-of", "2026-01-31");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--as-of '2026-01-31' and --to both end the data", result.Stderr, StringComparison.Ordinal);
    }
}
