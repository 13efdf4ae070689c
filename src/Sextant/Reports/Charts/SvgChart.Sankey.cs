namespace Sextant.Reports.Charts;

public static partial class SvgChart
{
    private const double NodeWidth = 14;
    private const double NodeGap = 12;

    private sealed class SankeyPlace(SankeyNode node, int colour)
    {
        public SankeyNode Node { get; } = node;
        public int Colour { get; } = colour;
        public double In { get; set; }
        public double Out { get; set; }
        public double X { get; set; }
        public double Y { get; set; }
        public double Height { get; set; }
        public double NextOut { get; set; }
        public double NextIn { get; set; }
        public double Flow => Math.Max(In, Out);
    }

    private static double DrawSankey(SvgWriter w, SankeyChart chart, double top)
    {
        var places = new Dictionary<string, SankeyPlace>();
        var colours = new Dictionary<string, int>();
        foreach (var node in chart.Nodes)
        {
            // The same label keeps its colour in every step, so a page can be followed across columns.
            if (!colours.TryGetValue(node.Label, out var colour)) colours[node.Label] = colour = colours.Count;
            places.TryAdd(node.Key, new SankeyPlace(node, colour));
        }
        var links = chart.Links
            .Where(l => double.IsFinite(l.Value) && l.Value > 0 && places.ContainsKey(l.Source) && places.ContainsKey(l.Target))
            .ToList();
        foreach (var link in links)
        {
            places[link.Source].Out += link.Value;
            places[link.Target].In += link.Value;
        }

        var columns = places.Values.GroupBy(p => p.Node.Column).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        var tallest = columns.Count == 0 ? 0 : columns.Max(c => c.Count);
        var plotTop = top + 8;
        var plotHeight = Math.Max(300, tallest * 36);
        var left = Margin;
        var right = Width - Margin;
        var columnStep = columns.Count > 1 ? (right - left - NodeWidth) / (columns.Count - 1) : 0;

        // One scale for all columns: the fullest column fills the height.
        var scale = double.PositiveInfinity;
        foreach (var column in columns)
        {
            var total = column.Sum(p => p.Flow);
            if (total > 0) scale = Math.Min(scale, (plotHeight - (column.Count - 1) * NodeGap) / total);
        }
        if (!double.IsFinite(scale)) scale = 0;

        for (var c = 0; c < columns.Count; c++)
        {
            var x = columns.Count > 1 ? left + c * columnStep : (left + right - NodeWidth) / 2;
            var used = columns[c].Sum(p => Math.Max(2, p.Flow * scale)) + (columns[c].Count - 1) * NodeGap;
            var y = plotTop + Math.Max(0, (plotHeight - used) / 2);
            foreach (var place in columns[c])
            {
                place.X = x;
                place.Y = place.NextOut = place.NextIn = y;
                place.Height = Math.Max(2, place.Flow * scale);
                y += place.Height + NodeGap;
            }
        }

        // Stack each node's links in the order of the nodes they reach, so bands do not cross needlessly.
        foreach (var link in links.OrderBy(l => places[l.Source].Y).ThenBy(l => places[l.Target].Y))
        {
            var (source, target) = (places[link.Source], places[link.Target]);
            var thickness = link.Value * scale;
            var (x0, x1) = (source.X + NodeWidth, target.X);
            var middle = (x0 + x1) / 2;
            var (s0, t0) = (source.NextOut, target.NextIn);
            source.NextOut += thickness;
            target.NextIn += thickness;
            w.Open("path").Attr("fill", Palette.At(source.Colour)).Attr("fill-opacity", "0.35").D()
                .M(x0, s0).C(middle, s0, middle, t0, x1, t0).L(x1, t0 + thickness)
                .C(middle, t0 + thickness, middle, s0 + thickness, x0, s0 + thickness).Z().EndD().End(link.Tip);
        }

        var labelRoom = columns.Count > 1 ? columnStep / 2 - NodeWidth : Width / 2.0 - NodeWidth - Margin;
        for (var c = 0; c < columns.Count; c++)
        {
            var last = c == columns.Count - 1 && columns.Count > 1;
            foreach (var place in columns[c])
            {
                var flow = ValueText.Label(place.Flow, ValueFormat.Count);
                w.Open("rect").Num("x", place.X).Num("y", place.Y).Num("width", NodeWidth).Num("height", place.Height)
                    .Attr("fill", Palette.At(place.Colour)).End($"{place.Node.Label}: {flow}");
                var label = TextFit.ToWidth($"{place.Node.Label} ({flow})", LabelSize, labelRoom);
                w.Open("text").Num("x", last ? place.X - 6 : place.X + NodeWidth + 6).Num("y", place.Y + place.Height / 2 + 4)
                    .Num("font-size", LabelSize).Attr("text-anchor", last ? "end" : "start").Text(label);
            }
        }
        return plotTop + plotHeight;
    }
}
