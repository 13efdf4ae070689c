using System.Text.Json;
using Sextant.Tests.Support;

namespace Sextant.Tests.DataTests;

/// <summary><c>sextant check</c> with declared tests: the JSON list, exit codes, --as-of and failure files.</summary>
public sealed class CheckDataTestsCliTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public CheckDataTestsCliTests()
    {
        _directory.Write("users.csv", "user_id,signup_at,segment,plan\nu1,2024-01-01T00:00:00Z,individual,free\nu2,2024-01-02T00:00:00Z,vip,pro\n");
        _directory.Write("events.csv", "user_id,event,timestamp\nu1,open,2024-01-01T10:00:00Z\nu2,open,2024-01-03T10:00:00Z\nu2,pay,2024-01-04T10:00:00Z\n");
        var ingest = InProcessCli.Run("ingest", "--store", Store, "--config", Config(""), _directory.File("users.csv"), _directory.File("events.csv"));
        Assert.True(ingest.Code == 0, ingest.Error);
    }

    private string Store => _directory.File("s.db");

    private string Config(string tests) => _directory.Write("sextant.yaml", tests.Length == 0 ? "" : "tests:\n" + tests);

    private (int Code, Dictionary<string, JsonElement> Checks, string Error) Check(string tests, params string[] extra)
    {
        var run = InProcessCli.Run(["check", "--store", Store, "--config", Config(tests), "--json", .. extra]);
        if (run.Code == 2) return (run.Code, [], run.Error);
        var checks = JsonDocument.Parse(run.Out).RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.Clone());
        return (run.Code, checks, run.Error);
    }

    [Fact]
    public void Declared_tests_follow_the_built_in_checks_in_the_json_list()
    {
        var (code, checks, _) = Check("  - {test: not_null, table: users, column: segment}\n  - {test: unique, table: events, column: user_id, name: one_event_per_user}\n");

        Assert.Equal(["not_null_users_segment", "one_event_per_user"], checks.Keys.TakeLast(2));
        Assert.Contains("store_integrity", checks.Keys);
        Assert.Equal("pass", checks["not_null_users_segment"].GetProperty("status").GetString());
        Assert.Equal(0, checks["not_null_users_segment"].GetProperty("failing_rows").GetInt64());
        Assert.Equal("fail", checks["one_event_per_user"].GetProperty("status").GetString());
        Assert.Equal(2, checks["one_event_per_user"].GetProperty("failing_rows").GetInt64());
        Assert.Equal("2 rows of events share a user_id with another row (1 repeated values)", checks["one_event_per_user"].GetProperty("message").GetString());
        Assert.Equal(1, code);
    }

    [Fact]
    public void A_failing_warn_test_warns_and_exits_zero()
    {
        var (code, checks, _) = Check("  - {test: accepted_values, table: users, column: segment, values: [individual], severity: warn}\n");

        Assert.Equal("warn", checks["accepted_values_users_segment"].GetProperty("status").GetString());
        Assert.Equal(1, checks["accepted_values_users_segment"].GetProperty("failing_rows").GetInt64());
        Assert.Equal(0, code);
    }

    [Fact]
    public void A_failing_error_test_exits_one()
    {
        var (code, checks, _) = Check("  - {test: accepted_values, table: users, column: segment, values: [individual]}\n");

        Assert.Equal("fail", checks["accepted_values_users_segment"].GetProperty("status").GetString());
        Assert.Equal(1, code);
    }

    [Fact]
    public void As_of_makes_freshness_reproducible()
    {
        const string Fresh = "  - {test: recency, table: events, datepart: day, interval: 2}\n";

        Assert.Equal(0, Check(Fresh, "--as-of", "2024-01-05").Code);
        Assert.Equal(1, Check(Fresh, "--as-of", "2024-01-07").Code);
        Assert.Equal(1, Check(Fresh).Code);
    }

    [Fact]
    public void An_as_of_that_is_not_an_instant_is_a_usage_error()
    {
        var (code, _, error) = Check("", "--as-of", "soon");

        Assert.Equal(2, code);
        Assert.Contains("--as-of 'soon' is not a date (yyyy-MM-dd) or an instant", error);
    }

    [Fact]
    public void Failing_rows_go_beside_the_store_unless_a_directory_is_given()
    {
        const string Tests = "  - {test: expression, table: events, expression: \"event != 'pay'\", store_failures: true, name: no_pay}\n";

        Check(Tests);
        Assert.Equal("event_id,user_id,anonymous_id,event,timestamp,platform,session_id,workspace_id,revenue,source",
            File.ReadAllLines(Path.Combine(Store + ".test_failures", "no_pay.csv"))[0]);
        Assert.Contains(",u2,,pay,2024-01-04T10:00:00.000000Z,", File.ReadAllLines(Path.Combine(Store + ".test_failures", "no_pay.csv"))[1]);

        var (_, checks, _) = Check(Tests, "--failures", _directory.File("elsewhere"));
        Assert.Equal(2, File.ReadAllLines(_directory.File("elsewhere/no_pay.csv")).Length);
        Assert.Contains(_directory.File("elsewhere"), checks["no_pay"].GetProperty("message").GetString());
    }

    [Fact]
    public void Result_tables_can_be_tested()
    {
        var (code, checks, _) = Check("  - {test: expression, table: engagement_metrics, expression: \"dau <= mau and stickiness between 0 and 1\"}\n  - {test: row_count, table: engagement_metrics, min_value: 4, max_value: 4}\n");

        Assert.Equal("pass", checks["expression_engagement_metrics"].GetProperty("status").GetString());
        Assert.Equal("pass", checks["row_count_engagement_metrics"].GetProperty("status").GetString());
        Assert.Equal(0, code);
    }

    [Fact]
    public void An_unknown_table_is_one_line_listing_the_tables()
    {
        var (code, _, error) = Check("  - {test: not_null, table: accounts, column: id}\n");

        Assert.Equal(2, code);
        Assert.StartsWith($"sextant: test 'not_null_accounts_id' ({_directory.File("sextant.yaml")} line 2): unknown table 'accounts' (tables: events, users, subscriptions, assignments, engagement_metrics, feature_adoption, funnel_metrics,", error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void A_test_may_not_take_the_name_of_a_built_in_check()
    {
        var (code, _, error) = Check("  - {test: unique, table: events, column: event_id, name: unique_event_ids}\n");

        Assert.Equal(2, code);
        Assert.EndsWith("line 2): 'unique_event_ids' is the name of a built-in check; give the test another 'name'", error.Trim());
    }

    public void Dispose() => _directory.Dispose();
}
