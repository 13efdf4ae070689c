using Sextant.Analysis.Experiments;
using Sextant.Analysis.Syntax;

namespace Sextant.Tests.Analysis.Experiments;

public sealed class MetricSpecTests
{
    [Fact]
    public void Every_metric_form_parses()
    {
        Assert.Equal(new MetricSpec("conversion:edit_page:within=7d", MetricKind.Conversion, "edit_page", null, null, TimeSpan.FromDays(7), 0),
            MetricSpecText.Parse("conversion:edit_page:within=7d"));
        Assert.Equal(new MetricSpec("conversion:edit_page", MetricKind.Conversion, "edit_page", null, null, null, 0), MetricSpecText.Parse("conversion:edit_page"));
        Assert.Equal(new MetricSpec("count:comment", MetricKind.Count, "comment", null, null, null, 0), MetricSpecText.Parse("count:comment"));
        Assert.Equal(new MetricSpec("sum:revenue@upgrade", MetricKind.Sum, "upgrade", null, "revenue", null, 0), MetricSpecText.Parse("sum:revenue@upgrade"));
        Assert.Equal(new MetricSpec("sum:revenue", MetricKind.Sum, null, null, "revenue", null, 0), MetricSpecText.Parse("sum:revenue"));
        Assert.Equal(new MetricSpec("ratio:comment/view_page", MetricKind.Ratio, "comment", "view_page", null, null, 0), MetricSpecText.Parse("ratio:comment/view_page"));
        Assert.Equal(new MetricSpec("active_on_day:7", MetricKind.ActiveOnDay, null, null, null, null, 7), MetricSpecText.Parse("active_on_day:7"));
        Assert.True(MetricSpecText.Parse("active_on_day:7").IsProportion);
        Assert.False(MetricSpecText.Parse("count:x").IsProportion);
    }

    [Theory]
    [InlineData("conversion")]
    [InlineData("conversion:x:within=soon")]
    [InlineData("sum:@x")]
    [InlineData("ratio:a/")]
    [InlineData("active_on_day:-1")]
    [InlineData("mean:x")]
    public void Bad_metrics_list_the_forms(string text)
    {
        var error = Assert.Throws<SextantException>(() => MetricSpecText.Parse(text));

        Assert.Contains("conversion:EVENT[:within=7d], count:EVENT", error.Message, StringComparison.Ordinal);
    }
}
