using Sextant.Reports;

namespace Sextant.Tests.Reports;

public sealed class MetricLabelsTests
{
    [Theory]
    [InlineData("active_on_day:30:span=30", "active on days 30–59")]
    [InlineData("active_on_day:7:span=7", "active on days 7–13")]
    [InlineData("active_on_day:1", "active on day 1")]
    [InlineData("conversion:edit_page:within=7d", "did edit_page within 7 days")]
    [InlineData("conversion:upgrade", "did upgrade")]
    [InlineData("count:comment", "comment events per user")]
    [InlineData("sum:words@edit_page", "total words of edit_page events per user")]
    [InlineData("ratio:comment/view_page", "comment events per view_page event")]
    [InlineData("trait:seats", "seats")]
    [InlineData("weekly active users", "weekly active users")]
    public void A_metric_spec_reads_as_words_and_other_text_is_kept(string spec, string label)
    {
        Assert.Equal(label, MetricLabels.Of(spec));
    }
}
