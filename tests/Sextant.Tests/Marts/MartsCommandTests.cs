using System.Text.Json;
using Sextant.Application;
using Sextant.Application.Requests;
using Sextant.Configuration;
using Sextant.Serialization;
using Sextant.Tests.Support;

namespace Sextant.Tests.Marts;

/// <summary><c>sextant marts</c> on the store of <see cref="MartsData"/>: the tables, the CSV files and the JSON.</summary>
public sealed class MartsCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly string _store;
    private readonly string _config;

    public MartsCommandTests()
    {
        _store = _directory.File("s.db");
        _config = MartsData.Store(_store);
    }

    public void Dispose() => _directory.Dispose();

    private (int Code, string Out, string Error) Marts(params string[] args) =>
        InProcessCli.Run(["marts", "--store", _store, "--config", _config, .. args]);

    [Fact]
    public void Prints_the_three_marts_oldest_cohort_first_and_marks_partial_rows()
    {
        var (code, output, _) = Marts("--funnel", "onboarding");

        Assert.Equal(0, code);
        Assert.Contains("funnel by sign-up month", output, StringComparison.Ordinal);
        Assert.Contains("engagement by sign-up month", output, StringComparison.Ordinal);
        Assert.Contains("feature adoption by sign-up month", output, StringComparison.Ordinal);
        Assert.Contains("user health by plan", output, StringComparison.Ordinal);
        Assert.True(output.IndexOf("2024-01", StringComparison.Ordinal) < output.IndexOf("2024-03", StringComparison.Ordinal));
        var marchRow = output.Split('\n').First(line => line.Contains("2024-03", StringComparison.Ordinal) && line.Contains("100.0%", StringComparison.Ordinal));
        Assert.Contains("partial", marchRow, StringComparison.Ordinal);
        Assert.Contains("complete (2)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_the_four_csv_files_with_one_row_per_cohort_cell_and_user()
    {
        var outDir = _directory.File("out");

        Assert.Equal(0, Marts("--steps", "signup,create_page,edit_page", "--window", "7d", "--out", outDir).Code);

        var funnel = File.ReadAllLines(Path.Combine(outDir, "cohort_funnel.csv"));
        Assert.StartsWith("cohort,cohort_size,complete,step_1,step_1_users,step_1_from_previous,", funnel[0], StringComparison.Ordinal);
        Assert.Equal(4, funnel.Length);
        Assert.StartsWith("2024-01,2,true,signup,2,1,", funnel[1], StringComparison.Ordinal);
        Assert.StartsWith("2024-03,1,false,signup,1,1,", funnel[3], StringComparison.Ordinal);
        var engagement = File.ReadAllLines(Path.Combine(outDir, "cohort_engagement.csv"));
        Assert.Equal("cohort,cohort_size,month,months_since_signup,days,active_users,mean_dau,stickiness,retained_share,ci_low,ci_high,complete", engagement[0]);
        Assert.Equal(7, engagement.Length);
        Assert.StartsWith("2024-01,2,2024-03,2,20,1,0.05,0.05,0.5,", engagement[3], StringComparison.Ordinal);
        Assert.EndsWith(",false", engagement[3], StringComparison.Ordinal);
        var adoption = File.ReadAllLines(Path.Combine(outDir, "cohort_feature_adoption.csv"));
        Assert.Equal(10, adoption.Length);
        Assert.StartsWith("2024-01,2,search,2,1,", adoption[3], StringComparison.Ordinal);
        var health = File.ReadAllLines(Path.Combine(outDir, "user_health_mart.csv"));
        Assert.StartsWith("user_id,score,at_risk,expansion_ready,plan,plan_source,", health[0], StringComparison.Ordinal);
        // a, b, c and d were active in the 90 days before the data end; none has a subscription, so the plan is the profile's.
        Assert.Equal(5, health.Length);
        Assert.All(health.Skip(1), line => Assert.Contains(",profile,", line, StringComparison.Ordinal));
    }

    [Fact]
    public void Json_carries_the_marts_without_the_per_user_rows()
    {
        var (code, output, _) = Marts("--funnel", "onboarding", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var cohorts = root.GetProperty("funnel").GetProperty("cohorts");
        Assert.Equal(3, cohorts.GetArrayLength());
        Assert.Equal("2024-01", cohorts[0].GetProperty("cohort").GetString());
        Assert.Equal(0.5, cohorts[0].GetProperty("steps")[1].GetProperty("from_cohort").GetDouble());
        Assert.False(cohorts[2].GetProperty("complete").GetBoolean());
        Assert.Equal(6, root.GetProperty("engagement").GetProperty("months").GetArrayLength());
        Assert.Equal(9, root.GetProperty("engagement").GetProperty("adoption").GetArrayLength());
        var health = root.GetProperty("health");
        Assert.Equal(4, health.GetProperty("users").GetInt64());
        Assert.False(health.TryGetProperty("rows", out _));
        Assert.Equal("(none)", health.GetProperty("plans")[0].GetProperty("plan").GetString());
    }

    [Fact]
    public void A_step_the_data_do_not_contain_is_an_error_naming_it_and_no_stack_trace()
    {
        var (code, output, error) = Marts("--steps", "signup,create_pgae");

        Assert.Equal(2, code);
        Assert.Contains("create_pgae", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Equal("", output.Trim());
    }

    [Fact]
    public void The_api_request_and_the_command_give_the_same_json()
    {
        var cli = Marts("--funnel", "onboarding", "--json").Out;
        var project = Project.Open(_store, ConfigLoader.Load(_config));

        var api = ResultJson.Serialize(AnalysisRequests.Named("marts").Run(project, MartsData.Parameters(("funnel", "onboarding"))));

        Assert.Equal(cli.Trim(), api.Trim());
    }
}
