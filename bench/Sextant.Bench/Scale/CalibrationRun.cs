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
        Console.WriteLine($"generated {data.Users.Count:N0} users, {data.Events.Count:N0} events in {watch.Elapsed.TotalSeconds:F2} s (GC paused {GC.GetTotalPauseDuration().TotalSeconds:F2} s, {GC.CollectionCount(0)} gen0 / {GC.CollectionCount(2)} gen2)");
        foreach (var target in CalibrationReport.Measure(data))
            Console.WriteLine($"{(target.Met ? "ok  " : "MISS")} {target.Name,-45} target {target.Target,10:0.###}  [{target.Low:0.###}, {target.High:0.###}]  actual {target.Actual:0.####}");
        var directory = Path.Combine(Path.GetTempPath(), "sextant-calibrate-" + Environment.ProcessId);
        try
        {
            watch.Restart();
            ScenarioFiles.Write(data, directory);
            Console.WriteLine($"wrote the CSV files and truth.json in {watch.Elapsed.TotalSeconds:F2} s");
            watch.Restart();
            using (var store = Sextant.Storage.Sqlite.SqliteStore.Open(Path.Combine(directory, "s.db"), create: true))
                Sextant.Synthetic.ScenarioStoreWriter.Write(data, store);
            Console.WriteLine($"stored everything in {watch.Elapsed.TotalSeconds:F2} s");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
        var byUser = data.Events.Where(e => e.UserId is not null).GroupBy(e => e.UserId!).ToDictionary(g => g.Key, g => g.ToList());
        var activated = new HashSet<string>();
        foreach (var user in data.Users)
        {
            if (!byUser.TryGetValue(user.UserId, out var events)) continue;
            var signup = user.SignupAt!.Value.UnixMicroseconds;
            var created = events.FirstOrDefault(e => e.Event == "create_page")?.Timestamp.UnixMicroseconds;
            var edited = events.FirstOrDefault(e => e.Event == "edit_page")?.Timestamp.UnixMicroseconds;
            if (created is not null && edited is not null && Math.Max(created.Value, edited.Value) - signup <= 7 * 86_400_000_000L) activated.Add(user.UserId);
        }
        var funnel = CalibrationReport.LifecycleFunnel(data, byUser, activated, data.Subscriptions.Select(s => s.UserId).ToHashSet());
        Console.WriteLine("lifecycle funnel: " + string.Join(" → ", funnel.Select(v => v.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))));
        return 0;
    }
}
