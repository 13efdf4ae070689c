using Sextant.Analysis.Checks;
using Sextant.Analysis.DataTests;
using Sextant.Configuration;
using Sextant.Events;
using Sextant.Reports.Tables;
using Sextant.Tests.Support;
using static Sextant.Reports.Tables.TableColumnType;

namespace Sextant.Tests.DataTests;

/// <summary>Each kind of data test on tiny hand-made tables whose failing rows are counted on paper.</summary>
public sealed class DataTestRunnerTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static Timestamp At(string iso) => Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture));

    // Five users: u1..u4 and a repeated u4; u3 has no segment; u5's segment is not accepted.
    private static readonly UserProfile[] Users =
    [
        new("u1", At("2024-01-01T00:00:00Z"), "individual", "organic", "free", "US", "web", null, "{\"tier\":\"gold\"}"),
        new("u2", At("2024-02-01T00:00:00Z"), "enterprise", "referral", "pro", "DE", "web", null, "{}"),
        new("u3", null, null, "organic", "free", "FR", "ios", null, "{\"tier\":\"silver\"}"),
        new("u4", At("2024-03-08T12:00:00Z"), "individual", null, "pro", "US", "web", null, "{}"),
        new("u4", At("2024-03-09T00:00:00Z"), "vip", "organic", "free", "US", "web", null, "{}"),
    ];

    // Four subscriptions: s3 of an unknown user, s4 with a negative MRR.
    private static readonly Subscription[] Subscriptions =
    [
        new("s1", "u1", "pro", "active", At("2024-01-05T00:00:00Z"), null, 99m, "USD"),
        new("s2", "u2", "pro", "cancelled", At("2024-02-05T00:00:00Z"), At("2024-03-01T00:00:00Z"), 99m, "USD"),
        new("s3", "u9", "starter", "active", At("2024-02-10T00:00:00Z"), null, 29m, "USD"),
        new("s4", "u4", "starter", "trial", At("2024-03-01T00:00:00Z"), null, -5m, "USD"),
    ];

    private static readonly ResultTable Scores = ResultTable.Of("user_scores",
        [["u1", 10.0], ["u2", 120.0], ["u9", null]], ("user_id", Text), ("score", Real));

    private static TestTables Tables(Action? onResults = null) => new(new Dictionary<string, Func<TestTable>>
    {
        ["users"] = () => TestTables.Users(Users),
        ["subscriptions"] = () => TestTables.Subscriptions(Subscriptions),
    }, () =>
    {
        onResults?.Invoke();
        return [Scores];
    });

    private static CheckOutcome RunOne(string yaml, string? failures = null, TestTables? tables = null)
    {
        var config = ConfigLoader.Parse("tests:\n" + yaml, "sextant.yaml");
        return Assert.Single(DataTestRunner.Run(config.Tests, tables ?? Tables(), new DataTestSettings(TimeZoneInfo.Utc, Now, failures)));
    }

    [Theory]
    [InlineData("  - {test: not_null, table: users, column: segment}", "not_null_users_segment", 1)]
    [InlineData("  - {test: not_null, table: users, column: signup_at}", "not_null_users_signup_at", 1)]
    [InlineData("  - {test: not_null, table: users, column: traits.tier}", "not_null_users_traits.tier", 3)]
    [InlineData("  - {test: unique, table: users, column: user_id}", "unique_users_user_id", 2)]
    [InlineData("  - {test: unique, table: users, column: segment}", "unique_users_segment", 2)]
    [InlineData("  - {test: unique, table: subscriptions, column: plan}", "unique_subscriptions_plan", 4)]
    [InlineData("  - {test: accepted_values, table: users, column: segment, values: [individual, enterprise]}", "accepted_values_users_segment", 1)]
    [InlineData("  - {test: accepted_values, table: subscriptions, column: mrr, values: [99, 29]}", "accepted_values_subscriptions_mrr", 1)]
    [InlineData("  - {test: relationships, table: subscriptions, column: user_id, to: users, field: user_id}", "relationships_subscriptions_user_id", 1)]
    [InlineData("  - {test: relationships, table: user_scores, column: user_id, to: \"ref('subscriptions')\", field: user_id}", "relationships_user_scores_user_id", 0)]
    [InlineData("  - {test: accepted_range, table: subscriptions, column: mrr, min_value: 0}", "accepted_range_subscriptions_mrr", 1)]
    [InlineData("  - {test: accepted_range, table: subscriptions, column: mrr, min_value: 29, max_value: 99}", "accepted_range_subscriptions_mrr", 1)]
    [InlineData("  - {test: accepted_range, table: subscriptions, column: mrr, min_value: 29, max_value: 99, inclusive: false}", "accepted_range_subscriptions_mrr", 4)]
    [InlineData("  - {test: accepted_range, table: user_scores, column: score, min_value: 0, max_value: 100}", "accepted_range_user_scores_score", 1)]
    [InlineData("  - {test: accepted_range, table: users, column: signup_at, max_value: '2024-02-01'}", "accepted_range_users_signup_at", 2)]
    [InlineData("  - {test: expression, table: subscriptions, expression: \"status = 'cancelled' or end_at is null\"}", "expression_subscriptions", 0)]
    [InlineData("  - {test: expression, table: users, expression: \"segment != 'vip'\"}", "expression_users", 2)]
    [InlineData("  - {test: expression, table: subscriptions, column: mrr, expression: '>= 29'}", "expression_subscriptions_mrr", 1)]
    [InlineData("  - {test: row_count, table: users, min_value: 6}", "row_count_users", 1)]
    [InlineData("  - {test: row_count, table: users, min_value: 5, max_value: 5}", "row_count_users", 0)]
    [InlineData("  - {test: row_count, table: user_scores, max_value: 2}", "row_count_user_scores", 1)]
    public void Counts_failing_rows_by_hand(string yaml, string name, long failing)
    {
        var outcome = RunOne(yaml);

        Assert.Equal(name, outcome.Name);
        Assert.Equal(failing, outcome.FailingRows);
        Assert.Equal(failing == 0 ? CheckStatus.Pass : CheckStatus.Fail, outcome.Status);
    }

    [Fact]
    public void Where_keeps_only_the_rows_where_it_is_true()
    {
        // Of the segments of users with a plan of pro (u2 enterprise, u4 individual), none is vip;
        // of the free users (u1, u3 null segment, u4' vip), u3's null segment makes the where null, so u3 is left out.
        Assert.Equal(0, RunOne("  - {test: expression, table: users, where: \"plan = 'pro'\", expression: \"segment != 'vip'\"}").FailingRows);
        Assert.Equal(1, RunOne("  - {test: expression, table: users, where: \"segment != 'individual'\", expression: \"segment != 'vip'\"}").FailingRows);
        Assert.Equal(0, RunOne("  - {test: row_count, table: users, where: \"segment is null\", min_value: 1, max_value: 1}").FailingRows);
        Assert.Equal(1, RunOne("  - {test: row_count, table: users, where: \"segment is null\", min_value: 2}").FailingRows);
    }

    [Fact]
    public void A_warn_test_that_fails_warns()
    {
        var outcome = RunOne("  - {test: not_null, table: users, column: segment, severity: warn}");

        Assert.Equal(CheckStatus.Warn, outcome.Status);
        Assert.Equal(1, outcome.FailingRows);
        Assert.Equal("1 row of users have no segment", outcome.Message);
    }

    [Theory]
    // The newest signup is 2024-03-09T00:00Z, 36 hours before now: an age equal to a limit is within it.
    [InlineData("warn_after: {count: 2, period: day}, error_after: {count: 3, period: day}", CheckStatus.Pass)]
    [InlineData("warn_after: {count: 1, period: day}, error_after: {count: 2, period: day}", CheckStatus.Warn)]
    [InlineData("warn_after: {count: 12, period: hour}, error_after: {count: 35, period: hour}", CheckStatus.Fail)]
    [InlineData("error_after: {count: 36, period: hour}", CheckStatus.Pass)]
    [InlineData("error_after: {count: 2159, period: minute}", CheckStatus.Fail)]
    public void Freshness_warns_and_fails_by_the_age_of_the_newest_row(string limits, CheckStatus status)
    {
        var outcome = RunOne($"  - {{test: freshness, table: users, {limits}}}");

        Assert.Equal(status, outcome.Status);
        Assert.Equal(status == CheckStatus.Pass ? 0 : 1, outcome.FailingRows);
        Assert.Contains("the newest users.signup_at 2024-03-09T00:00:00Z is 36 hours old at 2024-03-10T12:00:00Z", outcome.Message);
    }

    [Fact]
    public void Freshness_of_a_warn_test_never_fails() =>
        Assert.Equal(CheckStatus.Warn, RunOne("  - {test: freshness, table: users, severity: warn, error_after: {count: 1, period: hour}}").Status);

    [Theory]
    // The newest subscription started 2024-03-01, 9.5 days before now; the newest cancelled one 2024-02-05.
    [InlineData("datepart: day, interval: 10", null, CheckStatus.Pass)]
    [InlineData("datepart: day, interval: 9", null, CheckStatus.Fail)]
    [InlineData("datepart: week, interval: 2", null, CheckStatus.Pass)]
    [InlineData("datepart: hour, interval: 228", null, CheckStatus.Pass)]
    [InlineData("datepart: hour, interval: 227", null, CheckStatus.Fail)]
    [InlineData("datepart: week, interval: 2", "status = 'cancelled'", CheckStatus.Fail)]
    [InlineData("datepart: day, interval: 1", "status = 'none'", CheckStatus.Fail)]
    public void Recency_fails_when_the_newest_value_is_too_old(string keys, string? where, CheckStatus status)
    {
        var whereKey = where is null ? "" : $", where: \"{where}\"";
        var outcome = RunOne($"  - {{test: recency, table: subscriptions, field: start_at, {keys}{whereKey}}}");

        Assert.Equal(status, outcome.Status);
    }

    [Fact]
    public void Store_failures_writes_the_failing_rows_as_csv()
    {
        using var directory = new TempDirectory();
        var outcome = RunOne("  - {test: accepted_range, table: subscriptions, column: mrr, min_value: 0, store_failures: true, name: mrr_not_negative}", directory.Path);

        var file = directory.File("mrr_not_negative.csv");
        Assert.Equal(
            "subscription_id,user_id,plan,status,start_at,end_at,mrr,currency\n"
            + "s4,u4,starter,trial,2024-03-01T00:00:00.000000Z,,-5,USD\n",
            File.ReadAllText(file));
        Assert.EndsWith($"; failing rows in {file}", outcome.Message);
    }

    [Fact]
    public void Store_failures_of_a_passing_test_leaves_a_header_only()
    {
        using var directory = new TempDirectory();
        directory.Write("ok.csv", "stale content");

        RunOne("  - {test: not_null, table: users, column: user_id, store_failures: true, name: ok}", directory.Path);

        Assert.Equal("user_id,signup_at,segment,channel,plan,country,platform,workspace_id\n", File.ReadAllText(directory.File("ok.csv")));
    }

    [Fact]
    public void Failure_files_neutralise_spreadsheet_formulas()
    {
        using var directory = new TempDirectory();
        var table = TestTables.Of([ResultTable.Of("notes", [["=HYPERLINK(\"x\")"]], ("note", Text))]);

        RunOne("  - {test: accepted_values, table: notes, column: note, values: [ok], store_failures: true}", directory.Path, table);

        Assert.DoesNotContain("\n=HYPERLINK", File.ReadAllText(directory.File("accepted_values_notes_note.csv")));
    }

    [Fact]
    public void Result_tables_are_computed_once_and_only_when_a_test_names_one()
    {
        var computed = 0;
        var tables = Tables(() => computed++);
        var config = ConfigLoader.Parse("tests:\n  - {test: not_null, table: users, column: user_id}\n", "sextant.yaml");

        DataTestRunner.Run(config.Tests, tables, new DataTestSettings(TimeZoneInfo.Utc, Now, null));
        Assert.Equal(0, computed);

        config = ConfigLoader.Parse("tests:\n  - {test: not_null, table: user_scores, column: user_id}\n  - {test: unique, table: user_scores, column: user_id}\n", "sextant.yaml");
        DataTestRunner.Run(config.Tests, tables, new DataTestSettings(TimeZoneInfo.Utc, Now, null));
        Assert.Equal(1, computed);
    }

    [Theory]
    [InlineData("  - {test: not_null, table: accounts, column: id}", "test 'not_null_accounts_id' (sextant.yaml line 2): unknown table 'accounts' (tables: users, subscriptions, user_scores)")]
    [InlineData("  - {test: not_null, table: users, column: email}", "test 'not_null_users_email' (sextant.yaml line 2): table 'users' has no column 'email' (columns: user_id, signup_at, segment, channel, plan, country, platform, workspace_id, traits.KEY)")]
    [InlineData("  - {test: expression, table: users, expression: \"mrr > 0\"}", "test 'expression_users' (sextant.yaml line 2): expression: unknown column 'mrr' at position 1 (table 'users' has: user_id, signup_at, segment, channel, plan, country, platform, workspace_id, traits.KEY)")]
    [InlineData("  - {test: not_null, table: users, column: plan, where: \"plan > 1\"}", "test 'not_null_users_plan' (sextant.yaml line 2): where: '>' at position 6 compares text with a number")]
    [InlineData("  - {test: accepted_range, table: users, column: plan, min_value: 1}", "test 'accepted_range_users_plan' (sextant.yaml line 2): the bound '1' does not fit users.plan, which holds text")]
    [InlineData("  - {test: freshness, table: user_scores, error_after: {count: 1, period: day}}", "test 'freshness_user_scores' (sextant.yaml line 2): table 'user_scores' has no time column; name one with 'loaded_at_field' (columns: user_id, score)")]
    [InlineData("  - {test: recency, table: users, field: plan, datepart: day, interval: 1}", "test 'recency_users' (sextant.yaml line 2): 'plan' of table 'users' holds text, not instants")]
    public void Mistakes_a_test_makes_are_one_line_errors_naming_the_test(string yaml, string message) =>
        Assert.Equal(message, Assert.Throws<SextantException>(() => RunOne(yaml)).Message);
}
