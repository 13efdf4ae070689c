using Sextant.Reports.Charts;
using Sextant.Reports.Dashboards;

namespace Sextant.Tests.Reports;

public sealed class EChartsAxisTests
{
    [Fact]
    public void A_count_axis_steps_by_whole_numbers_so_no_tick_label_repeats()
    {
        // Given a line of counts 0, 1, 2 (ECharts would put ticks at 0, 0.5, 1, 1.5, 2, printed 0, 1, 1, 2, 2)
        var counts = new LineChart("c", "Counts", ["a", "b", "c"], [new ChartSeries("n", [new(0, "0"), new(1, "1"), new(2, "2")])], ValueFormat.Count);
        var rates = counts with { Format = ValueFormat.Percent };

        // Then the count axis has a minimum interval of 1, and a rate axis none
        Assert.Equal(1, (int)EChartsOption.For(counts)["yAxis"]!["minInterval"]!);
        Assert.Null(EChartsOption.For(rates)["yAxis"]!["minInterval"]);
    }
}
