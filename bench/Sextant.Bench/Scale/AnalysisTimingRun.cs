using System.Diagnostics;
using System.Globalization;
using Sextant.Analysis;
using Sextant.Analysis.Funnels;
using Sextant.Analysis.Paths;
using Sextant.Analysis.Retention;
using Sextant.Analysis.Syntax;
using Sextant.Application;
using Sextant.Configuration.Queries;

namespace Sextant.Bench.Scale;

/// <summary>
/// <c>analysis-timing --store PATH [--rounds N] [--only NAME,…]</c>: loads a store's table once, then
/// times each analysis the CLI commands run (the same query objects, without process start-up or
/// the store load) over several rounds, printing the median wall and CPU time, the bytes each
/// allocated and the peak of the managed heap while it ran.
/// </summary>
internal static class AnalysisTimingRun
{
    public static int Run(string[] args)
    {
        var storePath = BenchArguments.Option(args, "--store") ?? throw new ArgumentException("analysis-timing needs --store PATH");
        var rounds = int.Parse(BenchArguments.Option(args, "--rounds") ?? "3", CultureInfo.InvariantCulture);
        var only = BenchArguments.Option(args, "--only")?.Split(',');
        var project = Project.Open(storePath);
        var load = Stopwatch.StartNew();
        var table = project.Table;
        var loaded = load.Elapsed.TotalSeconds;
        // The load's garbage is not the analyses' memory: compact it away before measuring.
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var resident = WorkingSet();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"loaded {table.EventCount:N0} events of {table.UserCount:N0} entities in {loaded:F2} s; " +
            $"working set after load {resident / 1e6:F0} MB, managed heap {heap / 1e6:F0} MB ({heap / (double)table.EventCount:F1} bytes/event)");
        var config = project.Config;
        var all = project.Range(null, null);
        // The queries of: funnel --steps … --window 7d, metrics, retention --period day,
        // experiment five_arms --metric conversion:edit_page:within=7d, paths, report.
        var analyses = new (string Name, Action Run)[]
        {
            ("funnel", () => project.Run(new FunnelQuery(FunnelStepText.ParseList("view_page,create_page,edit_page,share_page,invite_member"), TimeSpan.FromDays(7)) { Range = all })),
            ("metrics", () => project.Run(EngagementQueries.FromConfig(config) with { Range = all })),
            ("retention", () => project.Run(RetentionQueries.FromConfig(config) with { Period = CalendarPeriod.Day, Mode = RetentionMode.On, Range = all })),
            ("experiment", () => project.Run(ExperimentQueries.FromConfig(config, "five_arms") with { Metrics = [MetricSpecText.Parse("conversion:edit_page:within=7d")], Range = all })),
            ("paths", () => project.Run(new PathQuery { ExcludeEvents = ValueList.From(config.Activity.ExcludeEvents), Range = all })),
            ("report", () => project.Report()),
            // The report's other parts, each alone, to see which one sets its memory peak.
            ("health", () => project.Run(HealthQueries.FromConfig(config))),
            ("revenue", () => project.Run(RevenueQueries.FromConfig(config))),
            ("lifecycle", () => project.Run(FunnelQueries.Lifecycle(config) with { Breakdowns = [Breakdown.Profile("segment")] })),
            ("metrics-by-segment", () => project.Run(EngagementQueries.FromConfig(config) with { Breakdowns = [Breakdown.Profile("segment")] })),
        };
        Console.WriteLine("analysis      median ms   rounds (ms)                 allocated MB   peak heap MB (bytes/event, + over the table)   CPU ms");
        foreach (var (name, run) in analyses)
        {
            if (only is not null && !only.Contains(name)) continue;
            var times = new List<double>();
            var cpu = new List<double>();
            long allocated = 0, peak = 0;
            for (var round = 0; round < rounds; round++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var before = GC.GetTotalAllocatedBytes(precise: true);
                using var sampler = new PeakSampler();
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                run();
                times.Add(watch.Elapsed.TotalMilliseconds);
                cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
                allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
                peak = Math.Max(peak, sampler.Stop());
            }
            var median = times.Order().ElementAt(times.Count / 2);
            var medianCpu = cpu.Order().ElementAt(cpu.Count / 2);
            Console.WriteLine($"{name,-12} {median,10:F0}   {string.Join(" ", times.Select(t => t.ToString("F0", CultureInfo.InvariantCulture))),-26} {allocated / 1e6,10:F1}   {peak / 1e6,8:F0} ({peak / (double)table.EventCount:F1}, +{(peak - heap) / (double)table.EventCount:F1})   {medianCpu,8:F0}");
        }
        return 0;
    }

    private static long Heap() => GC.GetTotalMemory(forceFullCollection: false);

    private static long WorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    /// <summary>
    /// Samples the managed heap (live objects and garbage not yet collected) every few milliseconds
    /// while an analysis runs: the process's working set keeps the load's freed memory for a while,
    /// so it would show the load, not the analysis.
    /// </summary>
    private sealed class PeakSampler : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;
        private long _peak;

        public PeakSampler()
        {
            _peak = Heap();
            _thread = new Thread(() =>
            {
                while (!_stop)
                {
                    _peak = Math.Max(_peak, Heap());
                    Thread.Sleep(2);
                }
            })
            { IsBackground = true, Priority = ThreadPriority.AboveNormal };
            _thread.Start();
        }

        public long Stop()
        {
            _stop = true;
            _thread.Join();
            return Math.Max(_peak, Heap());
        }

        public void Dispose() => Stop();
    }
}
