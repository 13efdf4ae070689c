using Sextant.Ingest.Mapping;

namespace Sextant.Tests.Ingest.Mapping;

public sealed class StrictDecimalTests
{
    [Theory]
    [InlineData("12.50", false, null, "12.50")]
    [InlineData("-3", false, null, "-3")]
    [InlineData("+7", false, null, "7")]
    [InlineData(".5", false, null, "0.5")]
    [InlineData("12,50", true, null, "12.50")]
    [InlineData("1,234.50", false, ",", "1234.50")]
    [InlineData("1234.50", false, ",", "1234.50")]
    [InlineData("1.234,50", true, ".", "1234.50")]
    [InlineData("1 234,50", true, "space", "1234.50")]
    [InlineData("1\u202F234\u202F567", true, "space", "1234567")]
    [InlineData("1'234.5", false, "'", "1234.5")]
    public void Given_a_declared_format_when_text_follows_it_then_it_is_read_as_written(string text, bool decimalComma, string? thousands, string expected)
    {
        var parser = new StrictDecimal(decimalComma, thousands);

        Assert.True(parser.TryParse(text, jsonNumber: false, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("12,50", false, null)]
    [InlineData("1,2,3", false, null)]
    [InlineData("1,2,3", false, ",")]
    [InlineData("12,50", false, ",")]
    [InlineData("12-", false, null)]
    [InlineData("12.", false, null)]
    [InlineData("1e3", false, null)]
    [InlineData("$12", false, null)]
    [InlineData("1,234.50", false, null)]
    [InlineData("12.50", true, null)]
    [InlineData("1.234,5", true, null)]
    [InlineData("1234,567.5", false, ",")]
    [InlineData("-", false, null)]
    [InlineData("", false, null)]
    public void Given_a_declared_format_when_text_does_not_follow_it_then_it_is_refused(string text, bool decimalComma, string? thousands)
    {
        var parser = new StrictDecimal(decimalComma, thousands);

        Assert.False(parser.TryParse(text, jsonNumber: false, out _));
    }

    [Fact]
    public void A_json_number_is_read_as_json_whatever_the_declared_format()
    {
        var parser = new StrictDecimal(decimalComma: true, thousandsSeparator: ".");

        Assert.True(parser.TryParse("1.5e2", jsonNumber: true, out var value));
        Assert.Equal(150m, value);
    }

    [Theory]
    [InlineData(true, ",", "is also the decimal separator")]
    [InlineData(false, ".", "is also the decimal separator")]
    [InlineData(false, ";", "is not one of")]
    public void A_thousands_separator_that_cannot_work_is_refused(bool decimalComma, string thousands, string message)
    {
        var error = Assert.Throws<SextantException>(() => new StrictDecimal(decimalComma, thousands));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
