using Sextant.Analysis.DataTests;
using Sextant.Reports.Tables;
using static Sextant.Reports.Tables.TableColumnType;

namespace Sextant.Tests.DataTests;

/// <summary>The expression language of data tests: parsing, SQL's three-valued logic, types and messages.</summary>
public sealed class ExpressionTests
{
    private static readonly long Jan15 = new DateTimeOffset(2024, 1, 15, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000;

    /// <summary>Row 0: full values; row 1: every value null.</summary>
    private static readonly TestTable Table = TestTables.FromResult(ResultTable.Of("plans",
        [
            ["Pro", 99.0, 3L, true, Jan15],
            [null, null, null, null, null],
        ],
        ("plan", Text), ("mrr", Real), ("seats", Integer), ("active", Flag), ("start_at", Instant)));

    private static bool? Condition(string text, int row = 0) =>
        ExpressionCompiler.CompileCondition(ExpressionParser.Parse(text), Table, TimeZoneInfo.Utc, Jan15)(row);

    private static DataValue Value(string text, int row = 0) =>
        ExpressionCompiler.Compile(ExpressionParser.Parse(text), Table, TimeZoneInfo.Utc, Jan15).Evaluate(row);

    [Theory]
    [InlineData("mrr >= 0 and plan in ('Starter', 'Pro')", true)]
    [InlineData("mrr > 99", false)]
    [InlineData("mrr <> 99 or seats = 3", true)]
    [InlineData("mrr != 99", false)]
    [InlineData("not active", false)]
    [InlineData("plan not in ('Starter')", true)]
    [InlineData("seats between 1 and 3", true)]
    [InlineData("seats not between 1 and 3", false)]
    [InlineData("mrr / seats = 33", true)]
    [InlineData("mrr - seats * 2 = 93", true)]
    [InlineData("-mrr < 0", true)]
    [InlineData("(1 + 2) * 3 = 9", true)]
    [InlineData("1 + 2 * 3 = 7", true)]
    [InlineData("plan is not null and start_at is not null", true)]
    [InlineData("lower(plan) = 'pro' and upper(plan) = 'PRO' and length(plan) = 3", true)]
    [InlineData("trim('  x ') = 'x'", true)]
    [InlineData("abs(0 - mrr) = 99 and round(2.5) = 3 and round(1.234, 2) = 1.23", true)]
    [InlineData("start_at >= '2024-01-15' and start_at < '2024-01-16'", true)]
    [InlineData("date(start_at) = '2024-01-15'", true)]
    [InlineData("start_at = timestamp('2024-01-15T12:00:00Z')", true)]
    [InlineData("start_at <= now()", true)]
    [InlineData("'it''s' = 'it''s'", true)]
    [InlineData("plan = 'Pro' AND NOT active IS NULL", true)]
    public void Evaluates_on_a_full_row(string text, bool expected) =>
        Assert.Equal(expected, Condition(text));

    [Fact]
    public void Column_names_are_exact_while_keywords_take_any_case() =>
        Assert.StartsWith("unknown column 'PLAN' at position 1", Assert.Throws<SextantException>(() => Condition("PLAN = 'Pro'")).Message);

    [Theory]
    [InlineData("mrr > 0", null)]
    [InlineData("mrr = null", null)]
    [InlineData("mrr is null", true)]
    [InlineData("mrr is not null", false)]
    [InlineData("not (mrr > 0)", null)]
    [InlineData("mrr > 0 and false", false)]
    [InlineData("mrr > 0 and true", null)]
    [InlineData("mrr > 0 or true", true)]
    [InlineData("mrr > 0 or false", null)]
    [InlineData("plan in ('Pro')", null)]
    [InlineData("'Pro' in ('Starter', null)", null)]
    [InlineData("'Pro' in ('Pro', null)", true)]
    [InlineData("'Pro' not in ('Starter', null)", null)]
    [InlineData("seats between 1 and 3", null)]
    [InlineData("coalesce(mrr, 0) = 0", true)]
    [InlineData("coalesce(plan, 'none') = 'none'", true)]
    [InlineData("length(plan) > 0", null)]
    public void Follows_sql_null_logic_on_a_null_row(string text, bool? expected) =>
        Assert.Equal(expected, Condition(text, row: 1));

    [Fact]
    public void Division_by_zero_is_null_not_an_error() =>
        Assert.True(Value("mrr / 0").IsNull);

    [Theory]
    [InlineData("", "the expression is empty")]
    [InlineData("mrr >", "unexpected end of the expression at position 6 (expected a column, a value or '(')")]
    [InlineData("mrr > 0)", "unexpected ')' at position 8 (expected an operator or the end)")]
    [InlineData("plan = \"Pro\"", "unexpected character '\"' at position 8 (strings take single quotes: 'text')")]
    [InlineData("plan = 'Pro", "the string starting at position 8 has no closing quote")]
    [InlineData("plan in 'Pro'", "unexpected the string 'Pro' at position 9 (expected '(')")]
    [InlineData("seats between 1", "unexpected end of the expression at position 16 (expected 'and')")]
    [InlineData("mrr is 0", "unexpected '0' at position 8 (expected 'null')")]
    [InlineData("mrr not 0", "unexpected '0' at position 9 (expected 'in' or 'between' after 'not')")]
    [InlineData("mrr > 1.2.3", "'1.2.3' at position 7 is not a number")]
    [InlineData("mrr # 2", "unexpected character '#' at position 5")]
    public void Syntax_errors_name_the_position(string text, string message) =>
        Assert.Equal(message, Assert.Throws<SextantException>(() => ExpressionParser.Parse(text)).Message);

    [Theory]
    [InlineData("price > 0", "unknown column 'price' at position 1 (table 'plans' has: plan, mrr, seats, active, start_at)")]
    [InlineData("median(mrr) > 0", "unknown function 'median' at position 1 (functions: length(text)")]
    [InlineData("plan > 3", "'>' at position 6 compares text with a number")]
    [InlineData("start_at > 3", "'>' at position 10 compares an instant with a number (write dates as 'YYYY-MM-DD' literals or use date(...))")]
    [InlineData("start_at > 'soon'", "'soon' at position 12 is not a date (YYYY-MM-DD) or an instant")]
    [InlineData("plan + 1 = 2", "'+' at position 1 expects a number, got text")]
    [InlineData("mrr and active", "'and' at position 1 expects a condition (true or false), got a number")]
    [InlineData("length(mrr) = 2", "'length' at position 1 expects text, got a number")]
    [InlineData("abs(mrr, 2) = 2", "abs() at position 1 takes 1 argument, got 2")]
    [InlineData("coalesce(plan, mrr) = 'x'", "coalesce at position 1 mixes text and a number (argument 2)")]
    public void Binding_errors_name_the_position_and_the_choices(string text, string message) =>
        Assert.StartsWith(message, Assert.Throws<SextantException>(() => Condition(text)).Message);

    [Fact]
    public void A_value_that_is_not_a_condition_is_refused_as_one() =>
        Assert.Equal("the expression is a number, not a condition (true or false)", Assert.Throws<SextantException>(() => Condition("mrr + 1")).Message);

    [Fact]
    public void Date_literals_are_read_in_the_project_time_zone()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        // 2024-01-15 00:30 in Berlin is 2024-01-14 23:30 UTC.
        var justAfterMidnight = new DateTimeOffset(2024, 1, 14, 23, 30, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000;
        var table = TestTables.FromResult(ResultTable.Of("t", [[justAfterMidnight]], ("at", Instant)));
        bool? Berlin(string text) => ExpressionCompiler.CompileCondition(ExpressionParser.Parse(text), table, berlin, 0)(0);

        Assert.True(Berlin("at >= '2024-01-15'"));
        Assert.True(Berlin("date(at) = '2024-01-15'"));
        Assert.False(ExpressionCompiler.CompileCondition(ExpressionParser.Parse("at >= '2024-01-15'"), table, TimeZoneInfo.Utc, 0)(0));
    }
}
