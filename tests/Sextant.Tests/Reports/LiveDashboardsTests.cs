using System.Text.Json;
using Sextant.Reports;
using Sextant.Reports.Dashboards.Live;
using Sextant.Tests.Support;

namespace Sextant.Tests.Reports;

public sealed class LiveDashboardsTests(ReportInputsFixture fixture) : IClassFixture<ReportInputsFixture>
{
    private const string Hostile = "</script><img src=x onerror=alert(1)>";

    [Fact]
    public void Content_json_carries_markup_as_escaped_text_that_cannot_end_a_script()
    {
        var dashboard = new Dashboard("funnel", Hostile, Hostile, [new Tile(Hostile, Hostile, Hostile)], [], [Hostile]);

        var json = LiveDashboards.Content(dashboard, fixture.Inputs);

        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        var content = JsonDocument.Parse(json).RootElement;
        Assert.Equal(Hostile, content.GetProperty("title").GetString());
        Assert.Equal(Hostile, content.GetProperty("tiles")[0].GetProperty("detail").GetString());
        Assert.Equal(Hostile, content.GetProperty("notes")[0].GetString());
    }

    [Fact]
    public void A_page_encodes_the_product_name()
    {
        var page = LiveDashboards.Page("funnel", Hostile);

        Assert.DoesNotContain(Hostile, page, StringComparison.Ordinal);
        Assert.Contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;", page, StringComparison.Ordinal);
    }
}
