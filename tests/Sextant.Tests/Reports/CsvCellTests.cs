using Sextant.Reports;

namespace Sextant.Tests.Reports;

public sealed class CsvCellTests
{
    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+SUM(A1)", "'+SUM(A1)")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("=A1,B1", "\"'=A1,B1\"")]
    [InlineData("=\"x\"", "\"'=\"\"x\"\"\"")]
    public void A_text_cell_that_would_start_a_formula_gets_a_leading_quote_and_rfc4180_quoting_where_needed(string value, string expected)
    {
        Assert.Equal(expected, CsvCell.Text(value));
    }

    [Theory]
    [InlineData("-0.5")]
    [InlineData("+3")]
    [InlineData("-1e-3")]
    [InlineData("ios")]
    [InlineData("a=b")]
    [InlineData("")]
    public void Plain_text_and_text_that_is_a_plain_number_are_written_unchanged(string value)
    {
        Assert.Equal(value, CsvCell.Text(value));
    }

    [Fact]
    public void Text_with_a_comma_quote_or_line_break_is_quoted_with_doubled_quotes()
    {
        Assert.Equal("\"a, \"\"b\"\"\nc\"", CsvCell.Text("a, \"b\"\nc"));
        Assert.Equal("", CsvCell.Text(null));
    }
}
