using Sextant.Configuration;

namespace Sextant.Tests.DataTests;

/// <summary>The tests: section of sextant.yaml: defaults, names and the errors a config can make, each naming its line.</summary>
public sealed class DataTestConfigTests
{
    private static SextantConfig Parse(string yaml) => ConfigLoader.Parse(yaml, "sextant.yaml");

    private static string Error(string yaml) => Assert.Throws<SextantException>(() => Parse(yaml)).Message;

    [Fact]
    public void Defaults_name_the_test_after_kind_table_and_column()
    {
        var tests = Parse("""
            tests:
              - test: accepted_values
                table: users
                column: segment
                values: [individual, small_team]
              - test: row_count
                table: events
                min_value: 1
            """).Tests;

        Assert.Equal(["accepted_values_users_segment", "row_count_events"], tests.Select(t => t.Name));
        Assert.All(tests, t => Assert.False(t.WarnOnly));
        Assert.All(tests, t => Assert.False(t.StoreFailures));
        Assert.Equal(["individual", "small_team"], tests[0].Values);
        Assert.Equal(2, tests[0].Line);
    }

    [Fact]
    public void Dbt_keys_carry_over()
    {
        var tests = Parse("""
            tests:
              - {test: relationships, table: events, column: user_id, to: "ref('users')", field: user_id, severity: warn, store_failures: true}
              - {test: freshness, table: events, loaded_at_field: timestamp, warn_after: {count: 36, period: hour}, error_after: {count: 2, period: day}}
              - {test: recency, table: events, datepart: hour, interval: 6}
              - {test: accepted_values, table: users, column: plan, values: [free], quote: false}
            """).Tests;

        Assert.Equal("users", tests[0].To);
        Assert.True(tests[0].WarnOnly);
        Assert.True(tests[0].StoreFailures);
        Assert.Equal(TimeSpan.FromHours(36), tests[1].WarnAfter);
        Assert.Equal(TimeSpan.FromDays(2), tests[1].ErrorAfter);
        Assert.Equal("timestamp", tests[1].TimeField);
        Assert.Equal(TimeSpan.FromHours(6), tests[2].Within);
    }

    [Theory]
    [InlineData("tests:\n  - {test: not_nul, table: users, column: plan}",
        "sextant.yaml line 2: 'tests[0]' has an unknown test 'not_nul' (expected one of not_null, unique, accepted_values, relationships, accepted_range, expression, row_count, freshness, recency)")]
    [InlineData("tests:\n  - {table: users, column: plan}", "sextant.yaml line 2: 'tests[0]' needs 'test' (one of not_null,")]
    [InlineData("tests:\n  - {test: not_null, column: plan}", "sextant.yaml line 2: 'tests[0]' needs 'table' (events, users, subscriptions, assignments or a result table)")]
    [InlineData("tests:\n  - {test: unique, table: users}", "sextant.yaml line 2: 'tests[0]' needs 'column' (a unique test checks one column)")]
    [InlineData("tests:\n  - {test: accepted_values, table: users, column: plan}", "sextant.yaml line 2: 'tests[0]' needs 'values' (the accepted values, a list)")]
    [InlineData("tests:\n  - {test: relationships, table: events, column: user_id, to: users}", "sextant.yaml line 2: 'tests[0]' needs 'field' (the column of 'to' the values must appear in)")]
    [InlineData("tests:\n  - {test: accepted_range, table: events, column: revenue}", "sextant.yaml line 2: 'tests[0]' needs 'min_value', 'max_value' or both")]
    [InlineData("tests:\n  - {test: expression, table: events}", "sextant.yaml line 2: 'tests[0]' needs 'expression' (a condition every row must meet)")]
    [InlineData("tests:\n  - {test: row_count, table: events, min_value: 1.5}", "sextant.yaml line 2: 'tests[0].min_value' expects a whole number of at least 0, got '1.5'")]
    [InlineData("tests:\n  - {test: freshness, table: events}", "sextant.yaml line 2: 'tests[0]' needs 'warn_after', 'error_after' or both ({count: 36, period: hour})")]
    [InlineData("tests:\n  - {test: freshness, table: events, warn_after: {count: 2, period: fortnight}}", "sextant.yaml line 2: 'tests[0].warn_after.period' expects one of minute | hour | day | week, got 'fortnight'")]
    [InlineData("tests:\n  - {test: recency, table: events, datepart: day}", "sextant.yaml line 2: 'tests[0]' needs 'interval' (how many dateparts old the newest value may be)")]
    [InlineData("tests:\n  - {test: not_null, table: users, column: plan, severity: fatal}", "sextant.yaml line 2: 'tests[0].severity' expects one of error | warn, got 'fatal'")]
    [InlineData("tests:\n  - {test: not_null, table: users, column: plan, where: \"plan = \"}", "sextant.yaml line 2: 'tests[0]' where: unexpected end of the expression at position 8 (expected a column, a value or '(')")]
    [InlineData("tests:\n  - test: expression\n    table: users\n    expression: \"plan in ('a'\"", "sextant.yaml line 2: 'tests[0]' expression: unexpected end of the expression at position 13 (expected ')')")]
    [InlineData("tests:\n  - {test: not_null, table: users, column: plan, values: [a]}", "sextant.yaml line 2: unknown key 'tests[0].values' (expected one of: test, table, column, name, severity, where, store_failures)")]
    [InlineData("tests:\n  - {test: not_null, table: users, column: plan}\n  - {test: not_null, table: users, column: plan, where: \"plan = 'a'\"}",
        "sextant.yaml line 3: 'tests[1]' has the name 'not_null_users_plan' of the test on line 2: give one of them a 'name'")]
    [InlineData("tests:\n  - {test: row_count, table: users, min_value: 1}\n  - {test: row_count, table: users, max_value: 9}",
        "sextant.yaml line 3: 'tests[1]' has the name 'row_count_users' of the test on line 2: give one of them a 'name'")]
    [InlineData("tests: {test: not_null}", "sextant.yaml line 1: 'tests' expects a list, got a mapping")]
    public void Config_errors_name_the_line(string yaml, string message) =>
        Assert.StartsWith(message, Error(yaml));

    [Fact]
    public void Two_tests_on_one_column_differ_by_name() =>
        Assert.Equal(["a", "not_null_users_plan"], Parse("tests:\n  - {test: not_null, table: users, column: plan, name: a}\n  - {test: not_null, table: users, column: plan}").Tests.Select(t => t.Name));

    [Fact]
    public void The_example_config_lists_tests_at_their_default_empty()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Sextant.slnx"))) root = root.Parent!;

        Assert.Empty(ConfigLoader.Load(Path.Combine(root.FullName, "sextant.example.yaml")).Tests);
    }
}
