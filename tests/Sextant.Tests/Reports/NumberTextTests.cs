using Sextant.Reports;

namespace Sextant.Tests.Reports;

public sealed class NumberTextTests
{
    [Theory]
    [InlineData(0.052, "+5.2%")]
    [InlineData(-0.052, "-5.2%")]
    [InlineData(0.0, "0.0%")]
    [InlineData(-0.00001, "0.0%")]
    [InlineData(0.00001, "0.0%")]
    public void A_signed_percent_has_one_sign_and_zero_never_prints_a_minus(double fraction, string text)
    {
        Assert.Equal(text, NumberText.SignedPercent(fraction));
    }

    [Theory]
    [InlineData(0.024, "+2.4 pp")]
    [InlineData(-0.024, "-2.4 pp")]
    [InlineData(-0.0004, "0.0 pp")]
    public void A_difference_of_rates_is_in_percentage_points(double difference, string text)
    {
        Assert.Equal(text, NumberText.SignedPoints(difference));
    }
}
