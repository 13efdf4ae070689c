using Sextant.Reports.Charts;
using Sextant.Reports.Dashboards;

namespace Sextant.Tests.Reports;

public sealed class EmptyChartTests
{
    private static readonly LineChart Gaps = new("g", "Weekly users", ["w1", "w2"], [new ChartSeries("users", [new(null, "w1: no data"), new(null, "w2: no data")])], ValueFormat.Count);

    [Fact]
    public void A_chart_of_only_gaps_says_not_enough_data_in_svg_and_on_the_dashboard()
    {
        // Given a line whose every point is a gap
        var svg = SvgChart.Render(Gaps);
        var option = EChartsOption.For(Gaps);

        // Then both renderings say so instead of showing bare axes
        Assert.Contains("Not enough data to draw this chart yet.", svg, StringComparison.Ordinal);
        Assert.Equal("Not enough data to draw this chart yet.", (string)option["title"]!["text"]!);
    }

    [Fact]
    public void A_chart_with_a_value_draws_it_without_the_empty_message()
    {
        var chart = Gaps with { Series = [new ChartSeries("users", [new(null, "w1: no data"), new(3, "w2: 3")])] };

        Assert.DoesNotContain("Not enough data", SvgChart.Render(chart), StringComparison.Ordinal);
        Assert.Null(EChartsOption.For(chart)["title"]);
    }
}
