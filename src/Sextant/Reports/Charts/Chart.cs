namespace Sextant.Reports.Charts;

/// <summary>How a chart's axis shows values (tooltips carry their own exact text).</summary>
public enum ValueFormat
{
    /// <summary>Whole numbers with thousands separators.</summary>
    Count,

    /// <summary>A fraction shown as a percentage (0.25 → 25%).</summary>
    Percent,

    /// <summary>An amount of money.</summary>
    Money,

    /// <summary>A plain number with up to two decimals.</summary>
    Decimal,
}

/// <summary>One value of a chart with the exact text its tooltip shows.</summary>
/// <param name="Value">The value; null for a gap (no data, or a cell not yet observable).</param>
/// <param name="Tip">Tooltip text: the exact value and its interval, already formatted.</param>
/// <param name="Low">Lower end of the value's interval or range, or null.</param>
/// <param name="High">Upper end of the value's interval or range, or null.</param>
/// <param name="Incomplete">The value belongs to an incomplete period: drawn hatched or dashed, never averaged in.</param>
public sealed record ChartPoint(double? Value, string Tip, double? Low = null, double? High = null, bool Incomplete = false);

/// <summary>A named series of points, one per category.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="Points">One point per category of the chart.</param>
/// <param name="Band">Draw the points' Low/High as a shaded band (lines) or error bars (bars).</param>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points, bool Band = false);

/// <summary>A chart: what to draw, never how. Rendered as ECharts options and as SVG.</summary>
/// <param name="Id">Unique within a dashboard; also the chart's file name (letters, digits, '_').</param>
/// <param name="Title">Heading above the chart.</param>
public abstract record Chart(string Id, string Title)
{
    /// <summary>A caption under the chart: what the numbers are and are not (extrapolated, association, incomplete).</summary>
    public string? Note { get; init; }
}

/// <summary>Lines over categories (dates, periods, months), optionally with interval bands.</summary>
public sealed record LineChart(string Id, string Title, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series, ValueFormat Format)
    : Chart(Id, Title);

/// <summary>Bars per category, one bar per series (grouped) or stacked; error bars from Low/High.</summary>
public sealed record BarChart(string Id, string Title, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series, ValueFormat Format,
    bool Horizontal = false, bool Stacked = false) : Chart(Id, Title);

/// <summary>A matrix of values (cohort × period), coloured by value; null cells are blank.</summary>
/// <param name="Id">Chart id.</param>
/// <param name="Title">Heading.</param>
/// <param name="Format">How values are shown.</param>
/// <param name="Rows">Row labels, top to bottom.</param>
/// <param name="Columns">Column labels, left to right.</param>
/// <param name="Cells">Cells[row][column].</param>
public sealed record HeatmapChart(string Id, string Title, IReadOnlyList<string> Rows, IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<ChartPoint>> Cells, ValueFormat Format) : Chart(Id, Title)
{
    /// <summary>What the colours stand for, printed as the colour legend's title (e.g. "retained users"); null for none.</summary>
    public string? LegendTitle { get; init; }
}

/// <summary>One value on a dial from zero to <paramref name="Max"/>.</summary>
public sealed record GaugeChart(string Id, string Title, ChartPoint Value, double Max, string Label, ValueFormat Format) : Chart(Id, Title);

/// <summary>Stages with users at each; tooltips say conversion and drop-off.</summary>
public sealed record FunnelChart(string Id, string Title, IReadOnlyList<string> Stages, IReadOnlyList<ChartPoint> Users) : Chart(Id, Title);

/// <summary>A node of a Sankey diagram.</summary>
/// <param name="Key">Unique key, referenced by links.</param>
/// <param name="Label">Text shown.</param>
/// <param name="Column">Step the node belongs to (0 = first), left to right.</param>
/// <param name="Tip">Tooltip text (how many reach the node); null shows the label.</param>
public sealed record SankeyNode(string Key, string Label, int Column, string? Tip = null);

/// <summary>A flow between two nodes.</summary>
public sealed record SankeyLink(string Source, string Target, double Value, string Tip);

/// <summary>Flows between steps.</summary>
public sealed record SankeyChart(string Id, string Title, IReadOnlyList<SankeyNode> Nodes, IReadOnlyList<SankeyLink> Links) : Chart(Id, Title);

/// <summary>How an <see cref="IntervalChart"/> draws its rows.</summary>
public enum IntervalStyle
{
    /// <summary>A dot at the estimate with a whisker over the interval (forest plot).</summary>
    Forest,

    /// <summary>A bar from the reference to Low and another to High (tornado / sensitivity).</summary>
    Tornado,
}

/// <summary>A row of an interval chart.</summary>
/// <param name="Label">Row label.</param>
/// <param name="Low">Low end.</param>
/// <param name="Estimate">Point estimate, or null (tornado rows have none).</param>
/// <param name="High">High end.</param>
/// <param name="Tip">Tooltip text.</param>
/// <param name="Highlight">Drawn in the emphasis colour (significant result, harmed guardrail).</param>
public sealed record IntervalRow(string Label, double Low, double? Estimate, double High, string Tip, bool Highlight = false);

/// <summary>Horizontal intervals, one row each, around a reference line.</summary>
/// <param name="Id">Chart id.</param>
/// <param name="Title">Heading.</param>
/// <param name="Rows">Rows, top to bottom.</param>
/// <param name="Format">How values are shown.</param>
/// <param name="Style">Forest plot or tornado.</param>
/// <param name="Reference">The vertical reference (0 for lifts; the baseline for a tornado).</param>
public sealed record IntervalChart(string Id, string Title, IReadOnlyList<IntervalRow> Rows, ValueFormat Format, IntervalStyle Style, double Reference = 0)
    : Chart(Id, Title);
