using BenchmarkDotNet.Attributes;
using Sextant.Reports.Charts;

namespace Sextant.Bench.Reports;

/// <summary>
/// Renders a dashboard's worth of SVG charts (40: lines over 90 days, bars, 12×12 heatmaps, sankeys, forests).
/// Run with <c>dotnet run -c Release --project bench/Sextant.Bench -- --filter *SvgChart*</c>.
/// </summary>
[MemoryDiagnoser]
public class SvgChartBenchmarks
{
    private Chart[] _charts = [];

    [GlobalSetup]
    public void Setup()
    {
        var days = Enumerable.Range(0, 90).Select(d => $"2024-{1 + d / 30:00}-{1 + d % 30:00}").ToList();
        ChartSeries Daily(string name, double level, bool band) => new(name,
            [.. days.Select((_, i) => new ChartPoint(level + 10 * Math.Sin(i / 5.0), $"{name} day {i}", level - 5, level + 15, i == 89))], band);
        var weeks = Enumerable.Range(0, 12).Select(w => $"W{w}").ToList();
        var cells = weeks.Select((_, r) => (IReadOnlyList<ChartPoint>)[.. weeks.Select((_, c) =>
            new ChartPoint(r + c < 12 ? Math.Pow(0.8, c) : null, $"cohort {r} week {c}"))]).ToList();
        var nodes = Enumerable.Range(0, 4).SelectMany(c => Enumerable.Range(0, 5).Select(n => new SankeyNode($"{c}:{n}", $"Page {n}", c))).ToList();
        var links = Enumerable.Range(0, 3).SelectMany(c => Enumerable.Range(0, 5).SelectMany(a => Enumerable.Range(0, 5)
            .Select(b => new SankeyLink($"{c}:{a}", $"{c + 1}:{b}", 10 + a + b, $"{a}→{b}")))).ToList();
        var rows = Enumerable.Range(0, 15).Select(i => new IntervalRow($"Metric {i}", -0.02 + i * 0.002, 0.01, 0.03 + i * 0.002, "tip", i % 4 == 0)).ToList();

        var kinds = new Chart[]
        {
            new LineChart("l", "Daily users", days, [Daily("Web", 100, true), Daily("App", 80, false), Daily("API", 40, false)], ValueFormat.Count),
            new BarChart("b", "Revenue", weeks,
            [
                new ChartSeries("Plan A", [.. weeks.Select((_, i) => new ChartPoint(1000 + 50 * i, $"week {i}", 900 + 50 * i, 1100 + 50 * i))], Band: true),
                new ChartSeries("Plan B", [.. weeks.Select((_, i) => new ChartPoint(800 + 30 * i, $"week {i}"))]),
            ], ValueFormat.Money),
            new FunnelChart("f", "Funnel", ["Visit", "Sign up", "Activate", "Pay"], [.. new[] { 1000.0, 400, 100, 20 }.Select(u => new ChartPoint(u, $"{u}"))]),
            new GaugeChart("g", "Activation", new ChartPoint(0.62, "62%"), 1, "activated", ValueFormat.Percent),
            new HeatmapChart("h", "Retention", weeks, weeks, cells, ValueFormat.Percent),
            new SankeyChart("s", "Paths", nodes, links),
            new IntervalChart("i", "Lifts", rows, ValueFormat.Percent, IntervalStyle.Forest),
        };
        _charts = [.. Enumerable.Range(0, 40).Select(i => kinds[i % kinds.Length])];
    }

    [Benchmark]
    public int RenderDashboard()
    {
        var length = 0;
        foreach (var chart in _charts) length += SvgChart.Render(chart).Length;
        return length;
    }
}
