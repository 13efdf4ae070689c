namespace Sextant.Reports.Charts;

public static partial class SvgChart
{
    private const double CellLabelSize = 10;

    private static double DrawHeatmap(SvgWriter w, HeatmapChart chart, double top)
    {
        var columnCount = Math.Max(chart.Columns.Count, chart.Cells.Count == 0 ? 0 : chart.Cells.Max(r => r.Count));
        var rowCount = Math.Max(chart.Rows.Count, chart.Cells.Count);
        var labelWidth = RowLabelWidth(chart.Rows, 200);
        var left = Margin + labelWidth + 8;
        var right = Width - Margin;
        var step = (right - left) / Math.Max(1, columnCount);
        var cellHeight = rowCount > 40 ? 14 : 24;

        var headerTop = top + 4;
        var every = ColumnHeader(w, chart.Columns, left, step, headerTop + LabelSize);
        var gridTop = headerTop + LabelSize + 8;
        RowLabels(w, chart.Rows, left - 6, labelWidth, gridTop, cellHeight);

        var (low, high) = CellRange(chart.Cells);
        for (var r = 0; r < chart.Cells.Count; r++)
        {
            var row = chart.Cells[r];
            for (var c = 0; c < row.Count && c < columnCount; c++)
            {
                var cell = row[c];
                if (!IsValue(cell.Value)) continue;
                var value = cell.Value!.Value;
                var t = high > low ? (value * 0.5 - low * 0.5) / (high * 0.5 - low * 0.5) : 0.5;
                var (x, y) = (left + c * step, gridTop + r * cellHeight);
                w.Open("rect").Num("x", x + 0.5).Num("y", y + 0.5).Num("width", step - 1).Num("height", cellHeight - 1).Attr("fill", HeatColor.At(t));
                if (cell.Incomplete) w.Attr("fill-opacity", "0.45").Attr("stroke", Palette.Neutral).Attr("stroke-dasharray", "3 2");
                w.End(cell.Tip);

                var text = ValueText.Label(value, chart.Format);
                if (cellHeight >= 14 && TextFit.Width(text, CellLabelSize) + 4 <= step)
                {
                    var dark = t > 0.55 && !cell.Incomplete;
                    w.Open("text").Num("x", x + step / 2).Num("y", y + cellHeight / 2 + 3.5).Num("font-size", CellLabelSize)
                        .Attr("text-anchor", "middle").Attr("fill", dark ? White : Palette.Text).Text(text);
                }
            }
        }

        var gridBottom = gridTop + rowCount * cellHeight;
        return HeatLegend(w, low, high, chart.Format, chart.LegendTitle, left, gridBottom + 10);
    }

    /// <summary>Column labels above the grid, every k-th when they would touch; returns k.</summary>
    private static int ColumnHeader(SvgWriter w, IReadOnlyList<string> columns, double left, double step, double baseline)
    {
        var labels = columns.Select(c => TextFit.Truncate(c, 14)).ToArray();
        var every = Math.Max(1, (int)Math.Ceiling((TextFit.WidestOf(labels, LabelSize) + 6) / step));
        for (var c = 0; c < labels.Length; c += every)
        {
            w.Open("text").Num("x", left + step * (c + 0.5)).Num("y", baseline).Num("font-size", LabelSize).Attr("text-anchor", "middle")
                .Text(labels[c], labels[c] == columns[c] ? null : columns[c]);
        }
        return every;
    }

    private static (double Low, double High) CellRange(IReadOnlyList<IReadOnlyList<ChartPoint>> cells)
    {
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        foreach (var row in cells)
        {
            foreach (var cell in row)
            {
                if (!IsValue(cell.Value)) continue;
                low = Math.Min(low, cell.Value!.Value);
                high = Math.Max(high, cell.Value!.Value);
            }
        }
        return low <= high ? (low, high) : (0, 0);
    }

    /// <summary>A strip of the heat scale with its lowest and highest values; returns the y below it.</summary>
    private static double HeatLegend(SvgWriter w, double low, double high, ValueFormat format, string? title, double left, double top)
    {
        const double StripWidth = 200, StripHeight = 10;
        if (!string.IsNullOrEmpty(title))
        {
            // Without a title the strip's colours could be read as any measure on the page.
            w.Open("text").Num("x", left).Num("y", top + LabelSize).Num("font-size", LabelSize).Attr("font-weight", "bold").Text(title);
            top += LabelSize + 6;
        }
        var stops = Palette.Heat.Count;
        var swatch = StripWidth / stops;
        for (var i = 0; i < stops; i++)
        {
            w.Open("rect").Num("x", left + i * swatch).Num("y", top).Num("width", swatch).Num("height", StripHeight).Attr("fill", Palette.Heat[i]).End();
        }
        var y = top + StripHeight + 13;
        w.Open("text").Num("x", left).Num("y", y).Num("font-size", LabelSize).Text(ValueText.Label(low, format));
        w.Open("text").Num("x", left + StripWidth).Num("y", y).Num("font-size", LabelSize).Attr("text-anchor", "end").Text(ValueText.Label(high, format));
        return y;
    }
}
