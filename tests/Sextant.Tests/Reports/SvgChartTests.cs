using System.Globalization;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using Sextant.Reports.Charts;
using static Sextant.Tests.Reports.SvgChartSamples;

namespace Sextant.Tests.Reports;

public sealed class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XDocument Draw(Chart chart) => XDocument.Parse(SvgChart.Render(chart));

    /// <summary>Data marks: shapes (not text) that carry a tooltip.</summary>
    private static List<XElement> Marks(XDocument doc, string? kind = null) =>
        [.. doc.Root!.Descendants()
            .Where(e => e.Name != Svg + "text" && e.Name != Svg + "title" && e.Element(Svg + "title") is not null)
            .Where(e => kind is null || e.Name == Svg + kind)];

    private static string Tip(XElement mark) => mark.Element(Svg + "title")!.Value;

    private static double Num(XElement e, string attribute) => double.Parse(e.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    private static IEnumerable<string> Texts(XDocument doc) =>
        doc.Root!.Descendants(Svg + "text").Select(t => string.Concat(t.Nodes().OfType<XText>().Select(n => n.Value)));

    [Fact]
    public void Every_chart_kind_renders_a_standalone_svg_titled_like_the_chart()
    {
        foreach (var chart in All())
        {
            var doc = Draw(chart);
            var root = doc.Root!;
            Assert.Equal(Svg + "svg", root.Name);
            Assert.Equal("900", root.Attribute("width")!.Value);
            var height = int.Parse(root.Attribute("height")!.Value, CultureInfo.InvariantCulture);
            Assert.True(height > 100, chart.Id);
            Assert.Equal($"0 0 900 {height}", root.Attribute("viewBox")!.Value);
            Assert.Equal(chart.Title, root.Element(Svg + "title")!.Value);
            Assert.NotEmpty(Marks(doc));
        }
    }

    [Fact]
    public void Grouped_bars_draw_one_bar_per_category_and_series_and_none_for_a_null()
    {
        var full = new BarChart("b", "B", ["a", "b", "c"],
            [new ChartSeries("x", [P(1), P(2), P(3)]), new ChartSeries("y", [P(4), P(5), P(6)])], ValueFormat.Count);
        var gap = full with { Series = [new ChartSeries("x", [P(1), P(null), P(3)]), new ChartSeries("y", [P(4), P(5), P(6)])] };

        Assert.Equal(6, Marks(Draw(full), "rect").Count);
        Assert.Equal(5, Marks(Draw(gap), "rect").Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_bar_for_50_is_half_as_long_as_the_bar_for_100(bool horizontal)
    {
        var chart = new BarChart("b", "B", ["full", "half"], [new ChartSeries("x", [P(100, "hundred"), P(50, "fifty")])], ValueFormat.Count, horizontal);

        var bars = Marks(Draw(chart), "rect").ToDictionary(Tip);

        var length = horizontal ? "width" : "height";
        Assert.Equal(0.5, Num(bars["fifty"], length) / Num(bars["hundred"], length), 2);
        if (!horizontal) Assert.Equal(Num(bars["fifty"], "y") + Num(bars["fifty"], "height"), Num(bars["hundred"], "y") + Num(bars["hundred"], "height"), 1);
    }

    [Fact]
    public void Stacked_bars_sit_on_top_of_each_other()
    {
        var chart = new BarChart("s", "S", ["w"], [new ChartSeries("a", [P(30, "a")]), new ChartSeries("b", [P(60, "b")])], ValueFormat.Count, Stacked: true);

        var bars = Marks(Draw(chart), "rect").ToDictionary(Tip);

        Assert.Equal(Num(bars["a"], "y"), Num(bars["b"], "y") + Num(bars["b"], "height"), 1);
        Assert.Equal(2, Num(bars["b"], "height") / Num(bars["a"], "height"), 2);
    }

    [Fact]
    public void Bars_of_a_banded_series_carry_error_whiskers()
    {
        var chart = new BarChart("e", "E", ["a", "b"], [new ChartSeries("x", [P(10, "ten", 8, 12), P(20, "twenty")], Band: true)], ValueFormat.Decimal);

        var whiskers = Marks(Draw(chart), "path");

        Assert.Equal("ten", Tip(Assert.Single(whiskers)));
    }

    [Fact]
    public void Every_mark_carries_its_tip_as_a_title()
    {
        var chart = new LineChart("l", "L", ["a", "b", "c"], [new ChartSeries("x", [P(1, "one <&> \"1\""), P(2, "two"), P(3, "three")])], ValueFormat.Decimal);

        var tips = Marks(Draw(chart), "circle").Select(Tip);

        Assert.Equal(["one <&> \"1\"", "two", "three"], tips);
    }

    [Fact]
    public void A_null_value_breaks_the_line_and_draws_no_marker()
    {
        var chart = new LineChart("l", "L", ["a", "b", "c", "d", "e"], [new ChartSeries("x", [P(1), P(2), P(null), P(3), P(4)])], ValueFormat.Count);

        var doc = Draw(chart);

        Assert.Equal(4, Marks(doc, "circle").Count);
        var line = Assert.Single(doc.Root!.Descendants(Svg + "path"));
        Assert.Equal(2, line.Attribute("d")!.Value.Count(c => c == 'M'));
    }

    [Fact]
    public void Incomplete_points_are_drawn_dashed_and_hollow()
    {
        var chart = new LineChart("l", "L", ["a", "b", "c"], [new ChartSeries("x", [P(1), P(2), P(3, "last", incomplete: true)])], ValueFormat.Count);

        var doc = Draw(chart);

        var dashed = doc.Root!.Descendants(Svg + "path").Where(p => p.Attribute("stroke-dasharray") is not null).ToList();
        Assert.Single(dashed);
        Assert.Equal(1, dashed[0].Attribute("d")!.Value.Count(c => c == 'L'));
        Assert.Equal("#FFFFFF", Marks(doc, "circle").Single(c => Tip(c) == "last").Attribute("fill")!.Value);
    }

    [Fact]
    public void A_banded_line_shades_its_range()
    {
        var chart = new LineChart("l", "L", ["a", "b"], [new ChartSeries("x", [P(10, low: 5, high: 15), P(20, low: 15, high: 25)], Band: true)], ValueFormat.Count);

        var doc = Draw(chart);

        Assert.Single(doc.Root!.Descendants(Svg + "path"), p => p.Attribute("fill-opacity") is not null);
    }

    [Fact]
    public void Labels_with_markup_characters_are_escaped()
    {
        const string Label = "A<B & \"C\"";
        var chart = new BarChart("e", Label, [Label], [new ChartSeries(Label, [P(1)]), new ChartSeries("other", [P(2)])], ValueFormat.Count);

        var svg = SvgChart.Render(chart);

        Assert.Contains("A&lt;B &amp; &quot;C&quot;", svg);
        var doc = XDocument.Parse(svg);
        Assert.Equal(Label, doc.Root!.Element(Svg + "title")!.Value);
        Assert.Equal(3, Texts(doc).Count(t => t == Label));
    }

    [Fact]
    public void Many_categories_are_thinned_and_long_ones_rotated_and_shortened()
    {
        var days = Enumerable.Range(0, 90).Select(d => new DateOnly(2024, 1, 1).AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        var line = new LineChart("d", "D", days, [new ChartSeries("x", [.. days.Select((_, i) => P(i))])], ValueFormat.Count);
        var names = Enumerable.Range(0, 12).Select(i => $"A rather long campaign name number {i}").ToList();
        var bars = new BarChart("c", "C", names, [new ChartSeries("x", [.. names.Select((_, i) => P(i))])], ValueFormat.Count);

        var shownDays = Texts(Draw(line)).Where(days.Contains).ToList();
        var barDoc = Draw(bars);

        Assert.InRange(shownDays.Count, 5, 15);
        Assert.Equal(days[0], shownDays[0]);
        var rotated = barDoc.Root!.Descendants(Svg + "text").Where(t => t.Attribute("transform") is not null).ToList();
        Assert.Equal(12, rotated.Count);
        Assert.All(rotated, t => Assert.EndsWith("…", t.Nodes().OfType<XText>().Last().Value));
        Assert.All(rotated, t => Assert.StartsWith("A rather long campaign name number", t.Element(Svg + "title")!.Value));
    }

    [Fact]
    public void Heatmap_leaves_null_cells_blank_and_spans_the_heat_palette()
    {
        var chart = new HeatmapChart("h", "H", ["r1", "r2"], ["c1", "c2"], [[P(0.0, "low"), P(1.0, "high")], [P(0.5, "mid"), P(null)]], ValueFormat.Percent);

        var doc = Draw(chart);

        var cells = Marks(doc, "rect").ToDictionary(Tip);
        Assert.Equal(3, cells.Count);
        Assert.Equal(Palette.Heat[0], cells["low"].Attribute("fill")!.Value, ignoreCase: true);
        Assert.Equal(Palette.Heat[^1], cells["high"].Attribute("fill")!.Value, ignoreCase: true);
        Assert.Equal(Palette.Heat[2], cells["mid"].Attribute("fill")!.Value, ignoreCase: true);
        Assert.Contains("50%", Texts(doc));
    }

    [Fact]
    public void A_gauge_at_half_its_maximum_ends_at_the_top_of_the_dial()
    {
        var chart = new GaugeChart("g", "G", P(50, "fifty"), 100, "of target", ValueFormat.Count);

        var doc = Draw(chart);

        var arc = Assert.Single(Marks(doc, "path"));
        var numbers = arc.Attribute("d")!.Value.Split([' ', 'M', 'A'], StringSplitOptions.RemoveEmptyEntries)
            .Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var (startX, startY, endX, endY) = (numbers[0], numbers[1], numbers[^2], numbers[^1]);
        Assert.Equal(450, endX, 1);
        Assert.Equal(startY - 130, endY, 1);
        Assert.Equal(320, startX, 1);
        Assert.Contains("50", Texts(doc));
        Assert.Contains("of target", Texts(doc));
    }

    [Fact]
    public void Funnel_bars_are_centred_proportional_and_say_the_step_conversion()
    {
        var chart = new FunnelChart("f", "F", ["Visit", "Sign up", "Pay"], [P(1000, "v"), P(400, "s"), P(null, "p")]);

        var doc = Draw(chart);

        var bars = Marks(doc, "rect").ToDictionary(Tip);
        Assert.Equal(2, bars.Count);
        Assert.Equal(0.4, Num(bars["s"], "width") / Num(bars["v"], "width"), 2);
        Assert.Equal(Num(bars["v"], "x") + Num(bars["v"], "width") / 2, Num(bars["s"], "x") + Num(bars["s"], "width") / 2, 1);
        Assert.Contains("1,000", Texts(doc));
        Assert.Contains("40% of previous", Texts(doc));
    }

    [Fact]
    public void Sankey_nodes_are_as_tall_as_their_flow_and_every_link_is_a_band()
    {
        var chart = (SankeyChart)All().Single(c => c.Id == "paths");

        var doc = Draw(chart);

        var links = Marks(doc, "path");
        Assert.Equal(chart.Links.Select(l => l.Tip).Order(), links.Select(Tip).Order());
        Assert.All(links, l => Assert.Equal("0.35", l.Attribute("fill-opacity")!.Value));
        var nodes = Marks(doc, "rect").ToDictionary(Tip);
        Assert.Equal(1.5, Num(nodes["Pricing: 60"], "height") / Num(nodes["Docs: 40"], "height"), 2);
        Assert.True(Num(nodes["Home: 100"], "x") < Num(nodes["Pricing: 60"], "x"));
        Assert.True(Num(nodes["Pricing: 60"], "x") < Num(nodes["Exit: 75"], "x"));
    }

    [Fact]
    public void Highlighted_forest_rows_use_the_emphasis_colours_and_others_stay_neutral()
    {
        var chart = (IntervalChart)All().Single(c => c.Id == "lift");

        var dots = Marks(Draw(chart), "circle").ToDictionary(Tip, d => d.Attribute("fill")!.Value);

        Assert.Equal(Palette.Positive, dots["+3.0% [1.0%, 5.0%]"]);
        Assert.Equal(Palette.Neutral, dots["+1.0% [-2.0%, 4.0%]"]);
        Assert.Equal(Palette.Negative, dots["-6.0% [-9.0%, -3.0%]"]);
    }

    [Fact]
    public void Tornado_bars_run_from_the_reference_to_low_and_to_high()
    {
        var chart = new IntervalChart("t", "T", [new IntervalRow("Price", 90, null, 120, "price", Highlight: true)], ValueFormat.Decimal, IntervalStyle.Tornado, 100);

        var doc = Draw(chart);

        var bars = Marks(doc, "rect").OrderBy(b => Num(b, "x")).ToList();
        Assert.Equal(2, bars.Count);
        Assert.Equal(Num(bars[0], "x") + Num(bars[0], "width"), Num(bars[1], "x"), 1);
        Assert.Equal(2, Num(bars[1], "width") / Num(bars[0], "width"), 2);
        Assert.Equal(Palette.Negative, bars[0].Attribute("fill")!.Value);
        Assert.Equal(Palette.Positive, bars[1].Attribute("fill")!.Value);
    }

    [Fact]
    public void The_note_is_printed_under_the_chart()
    {
        var chart = new GaugeChart("g", "G", P(1), 2, "x", ValueFormat.Count) { Note = "Extrapolated from a 10% sample." };

        var doc = Draw(chart);

        var note = doc.Root!.Descendants(Svg + "text").Single(t => t.Value == "Extrapolated from a 10% sample.");
        Assert.True(doc.Root.Descendants(Svg + "text").All(t => Num(t, "y") <= Num(note, "y")));
    }

    [Fact]
    public void A_legend_appears_only_for_several_series()
    {
        var one = new LineChart("l", "L", ["a"], [new ChartSeries("Only", [P(1)])], ValueFormat.Count);
        var two = one with { Series = [new ChartSeries("Web", [P(1)]), new ChartSeries("App", [P(2)])] };

        Assert.DoesNotContain("Only", Texts(Draw(one)));
        Assert.Contains("Web", Texts(Draw(two)));
        Assert.Contains("App", Texts(Draw(two)));
    }

    [Theory]
    [InlineData(1234567.0, ValueFormat.Count, "1,234,567")]
    [InlineData(0.125, ValueFormat.Percent, "12.5%")]
    [InlineData(0.5, ValueFormat.Percent, "50%")]
    [InlineData(0.0035, ValueFormat.Percent, "0.35%")]
    [InlineData(1234.4, ValueFormat.Money, "$1,234")]
    [InlineData(-9.99, ValueFormat.Money, "-$9.99")]
    [InlineData(0.0, ValueFormat.Money, "$0")]
    [InlineData(2.345, ValueFormat.Decimal, "2.35")]
    public void Values_are_labelled_per_format_in_the_invariant_culture(double value, ValueFormat format, string expected)
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(expected, ValueText.Label(value, format));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Theory]
    [InlineData(0, 0.23, ValueFormat.Percent, "0%,5%,10%,15%,20%,25%")]
    [InlineData(0, 0.13, ValueFormat.Percent, "0.0%,2.5%,5.0%,7.5%,10.0%,12.5%,15.0%")]
    [InlineData(0, 56_000, ValueFormat.Money, "$0,$10k,$20k,$30k,$40k,$50k,$60k")]
    [InlineData(0, 2_400_000, ValueFormat.Money, "$0,$0.5M,$1.0M,$1.5M,$2.0M,$2.5M")]
    [InlineData(0, 4, ValueFormat.Count, "0,1,2,3,4")]
    [InlineData(-35, 12, ValueFormat.Decimal, "-40,-30,-20,-10,0,10,20")]
    public void Axes_tick_at_round_values(double low, double high, ValueFormat format, string expected)
    {
        var scale = NiceScale.Create(low, high, 6, format == ValueFormat.Count);

        Assert.Equal(expected, string.Join(",", ValueText.Ticks(scale, format)));
    }

    private static readonly Gen<double?> Values =
        Gen.Frequency(
            (1, Gen.Constant<double?>(null)),
            (1, Gen.Elements<double?>(double.MaxValue, double.MinValue, double.Epsilon, -1e300, 1e-300, 0)),
            (6, ArbMap.Default.GeneratorFor<NormalFloat>().Select(f => (double?)f.Get)));

    private static readonly Gen<ChartPoint> Points =
        Values.Zip(Values).Zip(Values).Zip(ArbMap.Default.GeneratorFor<bool>())
            .Select(t => new ChartPoint(t.Item1.Item1.Item1, "tip", t.Item1.Item1.Item2, t.Item1.Item2, t.Item2));

    private static Chart[] ChartsOf(ChartPoint[] p)
    {
        var categories = p.Select((_, i) => "c" + i).ToList();
        var series = new[] { new ChartSeries("a", p, Band: true), new ChartSeries("b", [.. p.Reverse()]) };
        var finite = p.Select(x => x.Value ?? 0).ToArray();
        return
        [
            new LineChart("l", "L", categories, series, ValueFormat.Decimal),
            new BarChart("b", "B", categories, series, ValueFormat.Money),
            new BarChart("h", "H", categories, series, ValueFormat.Percent, Horizontal: true),
            new BarChart("s", "S", categories, series, ValueFormat.Count, Stacked: true),
            new HeatmapChart("m", "M", ["r"], categories, [p], ValueFormat.Percent),
            new GaugeChart("g", "G", p[0], finite[^1], "label", ValueFormat.Money),
            new FunnelChart("f", "F", categories, p),
            new SankeyChart("k", "K", [new SankeyNode("a", "A", 0), new SankeyNode("b", "B", 1), new SankeyNode("c", "C", 2)],
                [new SankeyLink("a", "b", finite[0], "ab"), new SankeyLink("b", "c", finite[^1], "bc")]),
            new IntervalChart("i", "I", [.. p.Select((x, i) => new IntervalRow("r" + i, x.Low ?? 0, x.Value, x.High ?? 0, "t", i % 2 == 0))],
                ValueFormat.Decimal, IntervalStyle.Forest),
            new IntervalChart("t", "T", [.. p.Select((x, i) => new IntervalRow("r" + i, x.Low ?? 0, null, x.High ?? 0, "t", i % 2 == 0))],
                ValueFormat.Money, IntervalStyle.Tornado, finite[0]),
        ];
    }

    private static readonly HashSet<string> NumericAttributes = ["x", "y", "width", "height", "cx", "cy", "r", "x1", "y1", "x2", "y2"];

    [Fact]
    public void Random_finite_values_always_give_well_formed_svg_with_finite_numbers()
    {
        var inputs = Points.ArrayOf().Where(a => a.Length is > 0 and <= 12).ToArbitrary();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150), Prop.ForAll(inputs, points =>
        {
            foreach (var chart in ChartsOf(points))
            {
                var doc = Draw(chart);
                foreach (var attribute in doc.Root!.DescendantsAndSelf().Attributes())
                {
                    Assert.DoesNotContain("NaN", attribute.Value);
                    Assert.DoesNotContain("Infinity", attribute.Value);
                    if (NumericAttributes.Contains(attribute.Name.LocalName))
                    {
                        Assert.True(double.TryParse(attribute.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                            CultureInfo.InvariantCulture, out var number) && Math.Abs(number) <= 100_000, attribute.ToString());
                    }
                }
            }
        }));
    }
}
