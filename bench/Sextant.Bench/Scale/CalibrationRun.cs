using System.Diagnostics;
using Sextant.Synthetic;

namespace Sextant.Bench.Scale;

/// <summary>Generates the notion scenario and prints each calibration target with the generated value.</summary>
internal static class CalibrationRun
{
    public static int Run()
    {
        var watch = Stopwatch.StartNew();
        var data = NotionGenerator.Generate(new NotionScenario());
        Console.WriteLine($"generated {data.Users.Count:N0} users, {data.Events.Count:N0} events in {watch.Elapsed.TotalSeconds:F2} s");
        foreach (var target in CalibrationReport.Measure(data))
            Console.WriteLine($"{(target.Met ? "ok  " : "MISS")} {target.Name,-45} target {target.Target,10:0.###}  [{target.Low:0.###}, {target.High:0.###}]  actual {target.Actual:0.####}");
        return 0;
    }
}
