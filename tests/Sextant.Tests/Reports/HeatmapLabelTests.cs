using Sextant.Reports.Charts;
using Sextant.Reports.Dashboards;

namespace Sextant.Tests.Reports;

/// <summary>The dashboard heatmap writes each cell's value on the cell when the labels fit.</summary>
public sealed class HeatmapLabelTests
{
    private static HeatmapChart Heatmap(int columns) =>
        new("retention_heatmap", "Cohort retention", ["2025-01", "2025-02"], Enumerable.Range(0, columns).Select(c => $"month {c}").ToList(),
            [Enumerable.Range(0, columns).Select(c => new ChartPoint(0.452, "tip")).ToList(), Enumerable.Range(0, columns).Select(c => new ChartPoint(c == 0 ? 1.0 : null, "tip")).ToList()],
            ValueFormat.Percent);

    [Fact]
    public void Twenty_monthly_columns_are_labelled_with_each_cells_prepared_value()
    {
        // Given a two-year-style heatmap of 20 columns (880 px / 20 = 44 px a cell; "45.2%" needs about 34)
        var option = EChartsOption.For(Heatmap(20));

        // Then the labels are shown and each data item carries its own text
        var series = option["series"]![0]!;
        Assert.True((bool)series["label"]!["show"]!);
        var texts = series["data"]!.AsArray().Select(d => (string)d!["text"]!).ToList();
        Assert.Equal(21, texts.Count);
        Assert.Equal("100%", texts[20]);
        Assert.All(texts.Take(20), t => Assert.Equal("45.2%", t));
    }

    [Fact]
    public void Cells_too_narrow_for_their_labels_are_not_labelled()
    {
        // Given 40 columns: 22 px a cell, narrower than a label
        var option = EChartsOption.For(Heatmap(40));

        // Then no label is drawn over the colours
        Assert.False((bool)option["series"]![0]!["label"]!["show"]!);
    }
}
