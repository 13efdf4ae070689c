using System.Diagnostics;
using System.Text.Json;

namespace Sextant.Bench.Scale;

/// <summary>One <c>sextant refresh --json</c> process: its whole-process seconds and peak memory, and what its JSON says.</summary>
internal sealed record RefreshSample(double Seconds, double Inside, long PeakBytes, string Mode, long Read, long DaysKept, long Days, long CohortsKept, long Cohorts)
{
    /// <summary>Runs the CLI once and reads its JSON result.</summary>
    public static RefreshSample Measure(string cli, string[] arguments)
    {
        var run = TargetsRun.Measure(cli, arguments);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        var days = root.GetProperty("days");
        var cohorts = root.GetProperty("cohorts");
        return new RefreshSample(run.Seconds, root.GetProperty("seconds").GetDouble(), run.PeakBytes, root.GetProperty("mode").GetString() ?? "",
            root.GetProperty("new_events").GetInt64(), days.GetProperty("kept").GetInt64(), days.GetProperty("total").GetInt64(),
            cohorts.GetProperty("kept").GetInt64(), cohorts.GetProperty("total").GetInt64());
    }
}

/// <summary>
/// The runs of one timed step: medians, minima and maxima of the whole-process and the inside
/// seconds; rows/s and peak memory are those of the median run (by process seconds).
/// </summary>
internal sealed record RefreshTimings(string Name, IReadOnlyList<RefreshSample> Runs)
{
    public double Median => MedianOf(Runs.Select(run => run.Seconds));

    public double InsideMedian => MedianOf(Runs.Select(run => run.Inside));

    /// <summary>The run whose process seconds are the median.</summary>
    public RefreshSample MedianRun => Runs.OrderBy(run => run.Seconds).ElementAt(Runs.Count / 2);

    /// <summary>
    /// Times a step <paramref name="count"/> times: before each run <paramref name="prepare"/>
    /// (untimed), then pending writes flushed (untimed), so no run pays for an earlier write-back.
    /// </summary>
    public static RefreshTimings Time(string name, int count, string cli, string[] arguments, Action? prepare = null)
    {
        var runs = new List<RefreshSample>();
        for (var i = 0; i < count; i++)
        {
            prepare?.Invoke();
            FlushWrites();
            runs.Add(RefreshSample.Measure(cli, arguments));
        }
        var timings = new RefreshTimings(name, runs);
        timings.Print();
        return timings;
    }

    /// <summary>
    /// Times several steps in alternating rounds — each round runs every step once, in order,
    /// each after its <c>Prepare</c> and a flush (untimed) — so a stretch when the machine is slower
    /// (another process, the host reclaiming memory an earlier step freed) slows every step alike
    /// rather than one step's runs. Prints one line per step.
    /// </summary>
    public static IReadOnlyList<RefreshTimings> TimeInRounds(int rounds, string cli, IReadOnlyList<(string Name, string[] Arguments, Action? Prepare)> steps)
    {
        var runs = steps.Select(_ => new List<RefreshSample>()).ToList();
        for (var round = 0; round < rounds; round++)
            for (var i = 0; i < steps.Count; i++)
            {
                steps[i].Prepare?.Invoke();
                FlushWrites();
                runs[i].Add(RefreshSample.Measure(cli, steps[i].Arguments));
            }
        var timings = steps.Select((step, i) => new RefreshTimings(step.Name, runs[i])).ToList();
        foreach (var timing in timings) timing.Print();
        return timings;
    }

    /// <summary>Runs <c>sync</c>: dirty pages written back now, outside any timed step.</summary>
    public static void FlushWrites()
    {
        using var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false }) ?? throw new InvalidOperationException("sync did not start");
        sync.WaitForExit();
    }

    public static double MedianOf(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>" [min–max]", or nothing for a single run.</summary>
    private string Range(Func<RefreshSample, double> seconds) =>
        Runs.Count == 1 ? "" : $" [{Runs.Min(seconds):F2}–{Runs.Max(seconds):F2}]";

    private void Print()
    {
        var median = MedianRun;
        var modes = string.Join("/", Runs.Select(run => run.Mode).Distinct());
        Console.WriteLine($"{$"{Name} ×{Runs.Count}",-36} {Median,5:F2} s{Range(run => run.Seconds)} ({InsideMedian:F2} s inside{Range(run => run.Inside)}) · {modes} · " +
            $"{median.Read:N0} events read = {median.Read / Math.Max(median.Inside, 1e-9):N0} rows/s · " +
            $"days kept {median.DaysKept}/{median.Days}, cohort months kept {median.CohortsKept}/{median.Cohorts} · peak {median.PeakBytes / 1048576.0,4:F0} MiB");
    }
}
