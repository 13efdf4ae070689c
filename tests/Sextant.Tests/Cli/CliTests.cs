using System.Text.Json;
using Sextant.Tests.Support;

namespace Sextant.Tests.Cli;

public sealed class CliTests
{
    private const string Events = "event_id,user_id,event,timestamp\ne1,u1,signup,2024-01-01T00:00:00Z\ne2,u1,create_page,2024-01-01T00:10:00Z\ne3,,create_page,2024-01-01T00:20:00Z\n";

    [Fact]
    public void Ingest_json_prints_only_json_with_the_counts()
    {
        using var directory = new TempDirectory();
        directory.Write("events.csv", Events);

        var result = CliRunner.Run(directory.Path, "ingest", "events.csv", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("read").GetInt64());
        Assert.Equal(2, root.GetProperty("inserted").GetInt64());
        Assert.Equal(0, root.GetProperty("duplicates").GetInt64());
        Assert.Equal(1, root.GetProperty("quarantined").GetInt64());
        Assert.EndsWith("sextant.db.quarantine.jsonl", root.GetProperty("quarantine_file").GetString(), StringComparison.Ordinal);
        Assert.True(File.Exists(directory.File("sextant.db")));
    }

    [Fact]
    public void Strict_ingest_with_a_bad_row_exits_non_zero()
    {
        using var directory = new TempDirectory();
        directory.Write("events.csv", Events);

        var result = CliRunner.Run(directory.Path, "ingest", "events.csv", "--strict", "--json", "--store", "strict.db");

        Assert.Equal(1, result.ExitCode);
        Assert.False(JsonDocument.Parse(result.Stdout).RootElement.GetProperty("committed").GetBoolean());
    }

    [Fact]
    public void Check_and_info_report_on_the_store()
    {
        using var directory = new TempDirectory();
        directory.Write("events.csv", Events);
        CliRunner.Run(directory.Path, "ingest", "events.csv");

        var check = CliRunner.Run(directory.Path, "check", "--json");
        var info = CliRunner.Run(directory.Path, "info", "--json");

        Assert.Equal(0, check.ExitCode);
        var checks = JsonDocument.Parse(check.Stdout).RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("pass", checks["unique_event_ids"]);
        Assert.Equal("pass", checks["store_integrity"]);
        Assert.Equal("warn", checks["events_have_profile"]);
        Assert.Equal(0, info.ExitCode);
        var root = JsonDocument.Parse(info.Stdout).RootElement;
        Assert.Equal(2, root.GetProperty("events").GetInt64());
        Assert.Equal("create_page", root.GetProperty("top_events")[0].GetProperty("event").GetString());
        Assert.Equal("2024-01-01T00:00:00Z", root.GetProperty("first_event").GetString());
    }

    [Fact]
    public void Check_fails_with_a_non_zero_exit_when_accepted_values_are_broken()
    {
        using var directory = new TempDirectory();
        directory.Write("users.csv", "user_id,segment\nu1,individual\nu2,galactic\n");
        directory.Write("sextant.yaml", "check:\n  accepted_values:\n    segment: [individual, enterprise]\n");
        CliRunner.Run(directory.Path, "ingest", "users.csv");

        var check = CliRunner.Run(directory.Path, "check", "--json");

        Assert.Equal(1, check.ExitCode);
        var failing = JsonDocument.Parse(check.Stdout).RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "accepted_values_segment");
        Assert.Equal("fail", failing.GetProperty("status").GetString());
        Assert.Equal(1, failing.GetProperty("failing_rows").GetInt64());
    }

    [Theory]
    [InlineData("ingest", "missing.csv")]
    [InlineData("info", "--store", "nowhere.db")]
    [InlineData("ingest", "events.csv", "--map", "broken")]
    [InlineData("ingest", "events.csv", "--timezone", "Mars/Base")]
    public void User_errors_print_one_message_and_no_stack_trace(params string[] args)
    {
        using var directory = new TempDirectory();
        directory.Write("events.csv", Events);

        var result = CliRunner.Run(directory.Path, args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("sextant: ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void Column_mappings_in_sextant_yaml_apply_to_their_kind()
    {
        using var directory = new TempDirectory();
        directory.Write("sextant.yaml", "ingest:\n  map:\n    events:\n      who: user_id\n      what: event\n");
        directory.Write("export.csv", "who,what,timestamp\nu1,signup,2024-01-01T00:00:00Z\n");

        var result = CliRunner.Run(directory.Path, "ingest", "export.csv", "--json");

        Assert.Equal(0, result.ExitCode);
        var file = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("files")[0];
        Assert.Equal("events", file.GetProperty("kind").GetString());
        Assert.Equal(1, file.GetProperty("inserted").GetInt64());
    }

    [Fact]
    public void Demo_writes_the_data_the_store_and_the_reports()
    {
        using var directory = new TempDirectory();

        var result = CliRunner.Run(directory.Path, "demo", "--out", "demo-out", "--json");

        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(50_000, root.GetProperty("users").GetInt64());
        foreach (var name in new[] { "data/user_events.csv", "data/user_profiles.csv", "data/subscriptions.csv", "data/assignments.csv", "data/truth.json", "sextant.db", "check.json", "store_info.json", "calibration.json", "funnel.json", "retention.json", "retention_matrix.csv", "metrics_summary.json", "engagement_metrics.csv", "funnel_metrics.csv", "segment_funnel.csv", "cohort_retention.csv", "dropoff_report.md", "feature_adoption.csv", "lifecycle_funnel.json", "revenue.json", "revenue_metrics.csv", "ltv_by_cohort.csv", "experiments.json", "growth.json", "growth_levers.csv", "growth_projections.csv", "growth_sensitivity.csv", "feature_impact.json", "paths.json", "user_health.csv",
            "dashboards/index.html", "dashboards/executive.html", "dashboards/funnel.html", "charts/funnel-lifecycle_funnel.svg",
            "analytics_framework_report.txt", "analytics_framework_report.md", "analytics_framework_report.html" })
            Assert.True(File.Exists(Path.Combine(directory.Path, "demo-out", name)), name);
        Assert.All(root.GetProperty("calibration").EnumerateArray(), target => Assert.True(target.GetProperty("met").GetBoolean(), target.GetProperty("name").GetString()));
    }

    [Fact]
    public void Funnel_json_has_the_documented_keys()
    {
        using var directory = new TempDirectory();
        directory.Write("events.csv", Events);
        directory.Write("users.csv", "user_id,segment\nu1,individual\n");
        CliRunner.Run(directory.Path, "ingest", "events.csv", "users.csv");

        var result = CliRunner.Run(directory.Path, "funnel", "--steps", "signup,create_page", "--window", "1h", "--breakdown", "segment", "--json");

        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        var step = root.GetProperty("steps")[1];
        Assert.Equal("create_page", step.GetProperty("name").GetString());
        Assert.Equal(1, step.GetProperty("users").GetInt64());
        foreach (var key in new[] { "conversion_from_previous", "conversion_from_start", "ci_low", "ci_high", "median_seconds_from_previous", "p90_seconds_from_previous" })
            Assert.True(step.TryGetProperty(key, out _), key);
        Assert.Equal(600, step.GetProperty("median_seconds_from_previous").GetDouble());
        Assert.Equal("individual", root.GetProperty("breakdown")[0].GetProperty("value").GetString());
    }

    [Fact]
    public void A_bad_configuration_key_is_an_error_naming_key_and_line()
    {
        using var directory = new TempDirectory();
        directory.Write("events.csv", Events);
        directory.Write("sextant.yaml", "timezone: UTC\ningest:\n  tim_unit: ms\n");

        var result = CliRunner.Run(directory.Path, "ingest", "events.csv");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("line 3", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("ingest.tim_unit", result.Stderr, StringComparison.Ordinal);
    }
}
