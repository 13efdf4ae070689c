using System.Diagnostics;
using Sextant.Synthetic;

namespace Sextant.Bench.Scale;

/// <summary>Streams the scale scenario to a file and prints events/s and peak memory.</summary>
internal static class ScaleGenerationRun
{
    public static int Run(string[] args)
    {
        var users = args.Length > 1 && args[0] == "--users" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
        var path = Path.Combine(Path.GetTempPath(), $"sextant-scale-events-{Environment.ProcessId}.csv");
        try
        {
            var watch = Stopwatch.StartNew();
            long events;
            using (var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
                events = ScaleGenerator.WriteEvents(new ScaleScenario { Users = users }, output);
            var elapsed = watch.Elapsed;
            Console.WriteLine($"scale scenario: {users:N0} users, {events:N0} events, {new FileInfo(path).Length / 1048576.0:F0} MiB in {elapsed.TotalSeconds:F2} s = {events / elapsed.TotalSeconds:N0} events/s");
            Console.WriteLine($"peak memory   {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB (process)");
            return 0;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
