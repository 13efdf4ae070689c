using Sextant.Reports.Charts;

namespace Sextant.Tests.Reports;

/// <summary>One small chart of every kind, with awkward text and a null or incomplete value in each.</summary>
internal static class SvgChartSamples
{
    public static ChartPoint P(double? value, string? tip = null, double? low = null, double? high = null, bool incomplete = false) =>
        new(value, tip ?? $"tip {value}", low, high, incomplete);

    public static IReadOnlyList<Chart> All() =>
    [
        new LineChart("dau", "Daily active users <&\">", ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"],
        [
            new ChartSeries("Web", [P(120, low: 100, high: 140), P(150, low: 130, high: 170), P(null), P(140, low: 120, high: 160), P(90, incomplete: true, low: 60, high: 120)], Band: true),
            new ChartSeries("App & more", [P(80), P(95), P(110), P(105), P(60, incomplete: true)]),
        ], ValueFormat.Count) { Note = "Last day is incomplete; the band is a 95% interval." },
        new BarChart("revenue", "Revenue by plan", ["Free", "Pro", "Enterprise"],
        [
            new ChartSeries("Jan", [P(0), P(12_500, low: 11_000, high: 14_000), P(48_000, low: 40_000, high: 56_000)], Band: true),
            new ChartSeries("Feb", [P(0), P(13_900), P(null)]),
        ], ValueFormat.Money),
        new BarChart("channels", "Conversion by channel", ["Organic search", "Paid social with a very long campaign name", "E-mail"],
        [
            new ChartSeries("Converted", [P(0.12), P(0.034), P(0.2, incomplete: true)]),
        ], ValueFormat.Percent, Horizontal: true),
        new BarChart("stack", "New and returning", ["W1", "W2", "W3"],
        [
            new ChartSeries("New", [P(30), P(40), P(20)]),
            new ChartSeries("Returning", [P(50), P(45), P(55)]),
        ], ValueFormat.Count, Stacked: true),
        new HeatmapChart("retention", "Weekly retention", ["2024-W01", "2024-W02", "2024-W03"], ["W0", "W1", "W2"],
        [
            [P(1.0), P(0.42), P(0.31)],
            [P(1.0), P(0.38), P(null)],
            [P(1.0), P(0.2, incomplete: true), P(null)],
        ], ValueFormat.Percent) { Note = "Blank cells are not observable yet." },
        new GaugeChart("nps", "Activation rate", P(0.62, "62.0% of 1,234 new users"), 1, "activated in 7 days", ValueFormat.Percent),
        new FunnelChart("signup", "Sign-up funnel", ["Visit", "Sign up", "Activate", "Pay"], [P(1000), P(400), P(100), P(null)]),
        new SankeyChart("paths", "Paths after landing",
        [
            new SankeyNode("0:home", "Home", 0), new SankeyNode("1:pricing", "Pricing", 1), new SankeyNode("1:docs", "Docs", 1),
            new SankeyNode("2:signup", "Sign up", 2), new SankeyNode("2:exit", "Exit", 2),
        ],
        [
            new SankeyLink("0:home", "1:pricing", 60, "Home → Pricing: 60"), new SankeyLink("0:home", "1:docs", 40, "Home → Docs: 40"),
            new SankeyLink("1:pricing", "2:signup", 25, "Pricing → Sign up: 25"), new SankeyLink("1:pricing", "2:exit", 35, "Pricing → Exit: 35"),
            new SankeyLink("1:docs", "2:exit", 40, "Docs → Exit: 40"),
        ]),
        new IntervalChart("lift", "Experiment lifts",
        [
            new IntervalRow("Conversion", 0.01, 0.03, 0.05, "+3.0% [1.0%, 5.0%]", Highlight: true),
            new IntervalRow("Revenue per user", -0.02, 0.01, 0.04, "+1.0% [-2.0%, 4.0%]"),
            new IntervalRow("Latency (guardrail)", -0.09, -0.06, -0.03, "-6.0% [-9.0%, -3.0%]", Highlight: true),
        ], ValueFormat.Percent, IntervalStyle.Forest),
        new IntervalChart("sensitivity", "Revenue sensitivity",
        [
            new IntervalRow("Churn ±20%", 80_000, null, 130_000, "80k to 130k", Highlight: true),
            new IntervalRow("Price ±10%", 95_000, null, 115_000, "95k to 115k"),
        ], ValueFormat.Money, IntervalStyle.Tornado, Reference: 105_000),
    ];
}
