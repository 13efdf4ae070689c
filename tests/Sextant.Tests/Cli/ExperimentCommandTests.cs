using System.Text.Json;
using Sextant.Tests.Support;

namespace Sextant.Tests.Cli;

/// <summary>sextant experiment, stats and power through the real executable.</summary>
public sealed class ExperimentCommandTests
{
    [Fact]
    public void Experiment_json_has_the_documented_shape()
    {
        using var directory = new TempDirectory();
        directory.Write("assignments.csv", "experiment,user_id,variant,assigned_at\nexp,a,control,2026-01-01T00:00:00Z\nexp,b,treatment,2026-01-01T00:00:00Z\nexp,c,treatment,2026-01-01T00:00:00Z\n");
        directory.Write("events.csv", "event_id,user_id,event,timestamp\ne1,a,buy,2026-01-02T00:00:00Z\ne2,b,buy,2026-01-02T00:00:00Z\ne3,c,view,2026-01-02T00:00:00Z\n");
        Assert.Equal(0, CliRunner.Run(directory.Path, "ingest", "events.csv", "assignments.csv").ExitCode);

        var result = CliRunner.Run(directory.Path, "experiment", "exp", "--metric", "conversion:buy", "--json");

        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal("exp", root.GetProperty("experiment").GetString());
        foreach (var key in new[] { "chi2", "p_value", "mismatch" }) Assert.True(root.GetProperty("srm").TryGetProperty(key, out _), key);
        Assert.Equal(2, root.GetProperty("arms")[1].GetProperty("users").GetInt64());
        Assert.Equal(0, root.GetProperty("excluded_multiple_exposure").GetInt64());
        var metric = root.GetProperty("metrics")[0];
        Assert.Equal(0.5, metric.GetProperty("arms")[1].GetProperty("mean").GetDouble(), 12);
        var comparison = metric.GetProperty("comparisons")[0];
        foreach (var key in new[] { "variant", "absolute_lift", "relative_lift", "ci_low", "ci_high", "p_value", "adjusted_p_value", "chance_to_win", "expected_loss", "significant" })
            Assert.True(comparison.TryGetProperty(key, out _), key);
        Assert.True(root.TryGetProperty("segments", out _));
        Assert.True(root.GetProperty("verdict").TryGetProperty("decision", out _));
    }

    [Fact]
    public void Experiment_from_a_day_analyses_users_first_exposed_from_it_and_an_unknown_cohort_is_an_error()
    {
        // Given a and b exposed in January, c and d in February
        using var directory = new TempDirectory();
        directory.Write("assignments.csv", "experiment,user_id,variant,assigned_at\nexp,a,control,2026-01-01T00:00:00Z\nexp,b,treatment,2026-01-01T00:00:00Z\n" +
            "exp,c,treatment,2026-02-01T00:00:00Z\nexp,d,control,2026-02-01T00:00:00Z\n");
        directory.Write("events.csv", "event_id,user_id,event,timestamp\ne1,a,buy,2026-01-02T00:00:00Z\ne2,b,buy,2026-01-02T00:00:00Z\ne3,c,view,2026-02-02T00:00:00Z\ne4,d,buy,2026-02-02T00:00:00Z\n");
        Assert.Equal(0, CliRunner.Run(directory.Path, "ingest", "events.csv", "assignments.csv").ExitCode);

        // When February on is analysed
        var result = CliRunner.Run(directory.Path, "experiment", "exp", "--metric", "conversion:buy", "--from", "2026-01-15", "--json");

        // Then d (bought) is the control and c (did not) the treatment
        Assert.Equal(0, result.ExitCode);
        var metric = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("metrics")[0];
        Assert.Equal([1.0, 0.0], metric.GetProperty("arms").EnumerateArray().Select(a => a.GetProperty("mean").GetDouble()));
        Assert.Equal([1L, 1L], metric.GetProperty("arms").EnumerateArray().Select(a => a.GetProperty("n").GetInt64()));
        var unknown = CliRunner.Run(directory.Path, "experiment", "exp", "--metric", "conversion:buy", "--cohort", "payers");
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("unknown cohort 'payers'", unknown.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Experiment_with_relative_reports_the_relative_interval_and_p_value_and_segments_with_a_zero_control_mean_still_run()
    {
        // Given 40 users an arm: 10 of the control's and 20 of the treatment's buy; the ios users of the control never buy
        using var directory = new TempDirectory();
        var assignments = new System.Text.StringBuilder("experiment,user_id,variant,assigned_at\n");
        var events = new System.Text.StringBuilder("event_id,user_id,event,timestamp\n");
        var users = new System.Text.StringBuilder("user_id,signup_at,platform\n");
        for (var i = 0; i < 40; i++)
        {
            foreach (var (arm, buyers) in new[] { ("c", 10), ("t", 20) })
            {
                var user = $"{arm}{i}";
                assignments.Append($"exp,{user},{(arm == "c" ? "control" : "treatment")},2026-01-01T00:00:00Z\n");
                users.Append($"{user},2026-01-01T00:00:00Z,{(i >= 30 ? "ios" : "web")}\n");
                events.Append($"v-{user},{user},view,2026-01-02T00:00:00Z\n");
                if (i < buyers) events.Append($"b-{user},{user},buy,2026-01-02T01:00:00Z\n");
            }
        }
        directory.Write("assignments.csv", assignments.ToString());
        directory.Write("events.csv", events.ToString());
        directory.Write("users.csv", users.ToString());
        Assert.Equal(0, CliRunner.Run(directory.Path, "ingest", "events.csv", "users.csv", "assignments.csv").ExitCode);
        string[] query = ["experiment", "exp", "--metric", "conversion:buy", "--segment", "platform", "--json"];

        // When it is analysed with and without --relative
        var plain = JsonDocument.Parse(CliRunner.Run(directory.Path, query).Stdout).RootElement.GetProperty("metrics")[0].GetProperty("comparisons")[0];
        var result = CliRunner.Run(directory.Path, [.. query, "--relative"]);

        // Then the interval and p-value are the relative lift's, the absolute ones keep their names, and segments still run
        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        var relative = root.GetProperty("metrics")[0].GetProperty("comparisons")[0];
        Assert.Equal(1.0, relative.GetProperty("relative_lift").GetDouble(), 12);
        Assert.Equal(plain.GetProperty("relative_ci_low").GetDouble(), relative.GetProperty("ci_low").GetDouble(), 12);
        Assert.Equal(plain.GetProperty("relative_ci_high").GetDouble(), relative.GetProperty("ci_high").GetDouble(), 12);
        Assert.Equal(plain.GetProperty("relative_p_value").GetDouble(), relative.GetProperty("p_value").GetDouble(), 12);
        Assert.Equal(plain.GetProperty("ci_low").GetDouble(), relative.GetProperty("absolute_ci_low").GetDouble(), 12);
        Assert.Equal(plain.GetProperty("p_value").GetDouble(), relative.GetProperty("absolute_p_value").GetDouble(), 12);
        Assert.NotEqual(plain.GetProperty("p_value").GetDouble(), relative.GetProperty("p_value").GetDouble());
        Assert.Contains(root.GetProperty("segments").EnumerateArray(), s => s.GetProperty("value").GetString() == "ios");
        Assert.Equal(2, CliRunner.Run(directory.Path, [.. query, "--relative", "--sequential"]).ExitCode);
    }

    [Fact]
    public void Stats_reads_arm_sums_from_a_file_and_from_flags_alike()
    {
        using var directory = new TempDirectory();
        directory.Write("arms.csv", "variant,n,sum,sum_squares\ncontrol,2000,200,200\ntreatment,2000,250,250\n");

        var fromFile = CliRunner.Run(directory.Path, "stats", "--input", "arms.csv", "--proportion", "--json");
        var fromFlags = CliRunner.Run(directory.Path, "stats", "--arm", "control:n=2000,sum=200,sum_squares=200", "--arm", "treatment:n=2000,sum=250,sum_squares=250", "--proportion", "--json");

        Assert.Equal(0, fromFile.ExitCode);
        Assert.Equal(fromFile.Stdout, fromFlags.Stdout);
        var comparison = JsonDocument.Parse(fromFile.Stdout).RootElement.GetProperty("comparisons")[0];
        Assert.Equal(0.025, comparison.GetProperty("absolute_lift").GetDouble(), 12);
        Assert.Equal(0.25, comparison.GetProperty("relative_lift").GetDouble(), 12);
        // Welch on p(1 − p) variances: se = √(0.09/2000 + 0.109375/2000) = 0.0099844, t = 2.503915, df = 3960.6, two-sided p = 0.012323
        // (numerical integration of the t density; the normal tail would give 0.012283).
        Assert.Equal(0.012323, comparison.GetProperty("p_value").GetDouble(), 5);
    }

    [Fact]
    public void Stats_with_relative_reports_the_relative_interval_and_p_value_and_keeps_the_absolute_ones_by_name()
    {
        // Given GrowthBook's test arms (gbstats TestTwoSidedTTest)
        using var directory = new TempDirectory();
        string[] arms = ["--arm", "control:n=3407,sum=1396.87,sum_squares=52377.9767", "--arm", "treatment:n=3461,sum=2422.7,sum_squares=134698.29"];

        // When stats runs with and without --relative
        var absolute = JsonDocument.Parse(CliRunner.Run(directory.Path, ["stats", .. arms, "--json"]).Stdout).RootElement.GetProperty("comparisons")[0];
        var result = CliRunner.Run(directory.Path, ["stats", .. arms, "--relative", "--json"]);

        // Then ci_low, ci_high and p_value are the relative lift's (scipy, relative_lift_reference.py: t at 5841.74 df)
        Assert.Equal(0, result.ExitCode);
        var relative = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("comparisons")[0];
        Assert.Equal(-0.03526008906611777, relative.GetProperty("ci_low").GetDouble(), 1e-9);
        Assert.Equal(1.449894235407581, relative.GetProperty("ci_high").GetDouble(), 1e-9);
        Assert.Equal(0.06191182745618358, relative.GetProperty("p_value").GetDouble(), 1e-9);
        Assert.Equal(0.06191182745618358, relative.GetProperty("relative_p_value").GetDouble(), 1e-9);
        // and the absolute ones are kept under their own names, equal to the plain run's
        Assert.Equal(absolute.GetProperty("ci_low").GetDouble(), relative.GetProperty("absolute_ci_low").GetDouble());
        Assert.Equal(absolute.GetProperty("ci_high").GetDouble(), relative.GetProperty("absolute_ci_high").GetDouble());
        Assert.Equal(absolute.GetProperty("p_value").GetDouble(), relative.GetProperty("absolute_p_value").GetDouble());
        Assert.False(absolute.TryGetProperty("absolute_p_value", out _));
    }

    [Fact]
    public void Stats_with_relative_refuses_sequential_intervals_and_a_zero_control_mean()
    {
        using var directory = new TempDirectory();

        var sequential = CliRunner.Run(directory.Path, "stats", "--arm", "control:n=100,sum=10,sum_squares=10", "--arm", "b:n=100,sum=12,sum_squares=12", "--relative", "--sequential", "5000");
        var zero = CliRunner.Run(directory.Path, "stats", "--arm", "control:n=100,sum=0,sum_squares=0", "--arm", "b:n=100,sum=12,sum_squares=12", "--relative");

        Assert.Equal(2, sequential.ExitCode);
        Assert.Contains("--relative and --sequential cannot be combined", sequential.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, zero.ExitCode);
        Assert.Contains("the control mean is 0, so the relative lift of b is undefined", zero.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arms.csv line 3: sum 'lots' is not a number", "variant,n,sum,sum_squares\ncontrol,10,1,1\ntreatment,10,lots,1\n")]
    [InlineData("arms.csv line 1: no 'sum_squares' column", "variant,n,sum\ncontrol,10,1\n")]
    [InlineData("no control arm 'control' (arms: a, b)", "variant,n,sum,sum_squares\na,10,1,1\nb,10,1,1\n")]
    public void Bad_stats_input_is_named(string message, string csv)
    {
        using var directory = new TempDirectory();
        directory.Write("arms.csv", csv);

        var result = CliRunner.Run(directory.Path, "stats", "--input", "arms.csv");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Power_gives_users_per_arm_and_the_detectable_effect()
    {
        using var directory = new TempDirectory();

        var users = JsonDocument.Parse(CliRunner.Run(directory.Path, "power", "--sd", "1", "--mde", "0.5", "--json").Stdout).RootElement;
        var effect = JsonDocument.Parse(CliRunner.Run(directory.Path, "power", "--baseline", "0.1", "--users", "3841", "--json").Stdout).RootElement;

        Assert.Equal(63, users.GetProperty("users_per_arm").GetInt64()); // 2(1.959964 + 0.841621)²/0.25 = 62.79
        Assert.Equal(0.02, effect.GetProperty("minimum_detectable_effect").GetDouble(), 3);
        Assert.Equal(2, CliRunner.Run(directory.Path, "power", "--sd", "1").ExitCode);
    }
}
