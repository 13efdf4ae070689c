namespace Sextant.Reports.Charts;

/// <summary>Whether a chart has anything to draw: a chart of only gaps says so in words rather than as empty axes.</summary>
internal static class ChartData
{
    /// <summary>What an empty chart shows instead of its marks.</summary>
    public const string EmptyText = "Not enough data to draw this chart yet.";

    /// <summary>True when no value of the chart can be drawn.</summary>
    public static bool IsEmpty(Chart chart) => chart switch
    {
        LineChart line => !line.Series.Any(s => s.Points.Any(p => p.Value is not null)),
        BarChart bar => !bar.Series.Any(s => s.Points.Any(p => p.Value is not null)),
        HeatmapChart heatmap => !heatmap.Cells.Any(row => row.Any(p => p.Value is not null)),
        GaugeChart gauge => gauge.Value.Value is null,
        FunnelChart funnel => !funnel.Users.Any(p => p.Value is not null),
        SankeyChart sankey => sankey.Links.Count == 0,
        IntervalChart interval => interval.Rows.Count == 0,
        _ => false,
    };
}
