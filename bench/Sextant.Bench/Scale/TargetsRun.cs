using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Sextant.Bench.Scale;

/// <summary>
/// <c>targets --store PATH [--csv DIR] [--rounds N] [--cli DLL]</c>: runs each command of the
/// million-user targets as a whole CLI process, as a user would (start-up, opening the store,
/// the analysis, printing), takes the median of N runs and the largest peak resident memory,
/// and prints each against its target. With <c>--csv</c> it also ingests that folder's
/// user_profiles.csv and user_events.csv into a new store and times both files.
/// </summary>
internal static class TargetsRun
{
    private const double MaxBytesPerEvent = 40;

    private static readonly (string Name, double Seconds, string[] Arguments)[] Commands =
    [
        ("funnel", 1.0, ["funnel", "--steps", "view_page,create_page,edit_page,share_page,invite_member", "--window", "7d"]),
        ("metrics", 1.0, ["metrics"]),
        ("retention --period day", 1.0, ["retention", "--period", "day"]),
        ("experiment", 1.0, ["experiment", "five_arms", "--metric", "conversion:edit_page:within=7d"]),
        ("info", 0.3, ["info"]),
        ("paths", 1.5, ["paths"]),
        ("report", 4.0, ["report", "--out", Path.Combine(Path.GetTempPath(), "sextant-targets-report")]),
    ];

    public static int Run(string[] args)
    {
        var store = BenchArguments.Option(args, "--store") ?? throw new ArgumentException("usage: targets --store PATH [--csv DIR] [--rounds N] [--cli DLL]");
        var rounds = int.Parse(BenchArguments.Option(args, "--rounds") ?? "3", CultureInfo.InvariantCulture);
        var cli = BenchArguments.Option(args, "--cli") ?? BenchArguments.DefaultCli();
        var events = EventsOf(cli, store);
        Console.WriteLine($"targets on {store}: {events:N0} events; {rounds} runs each, whole processes of {cli}");
        var met = 0;
        var total = 0;
        foreach (var (name, target, arguments) in Commands)
        {
            var runs = Enumerable.Range(0, rounds).Select(_ => Measure(cli, [.. arguments, "--store", store])).ToList();
            var median = runs.Select(run => run.Seconds).Order().ElementAt(runs.Count / 2);
            var peak = runs.Max(run => run.PeakBytes);
            var perEvent = peak / (double)events;
            var ok = median <= target && (name == "info" || perEvent <= MaxBytesPerEvent);
            met += ok ? 1 : 0;
            total++;
            Console.WriteLine($"{name,-24} {median,6:F2} s (runs {string.Join(" ", runs.Select(r => r.Seconds.ToString("F2", CultureInfo.InvariantCulture)))}) target ≤ {target:F1} s · " +
                $"peak {peak / 1048576.0,6:F0} MiB = {perEvent,5:F1} bytes/event (≤ {MaxBytesPerEvent}) → {(ok ? "met" : "NOT MET")}");
        }
        if (BenchArguments.Option(args, "--csv") is { } csv) (met, total) = Ingest(cli, csv, met, total);
        Console.WriteLine($"{met} of {total} targets met");
        return met == total ? 0 : 1;
    }

    private static (int Met, int Total) Ingest(string cli, string csv, int met, int total)
    {
        var directory = Path.Combine(Path.GetTempPath(), "sextant-targets-ingest-" + Environment.ProcessId);
        Directory.CreateDirectory(directory);
        try
        {
            var store = Path.Combine(directory, "ingest.db");
            foreach (var (file, unit, target) in new[] { ("user_profiles.csv", "rows", 500_000.0), ("user_events.csv", "events", 1_000_000.0) })
            {
                var run = Measure(cli, ["ingest", Path.Combine(csv, file), "--store", store, "--json"]);
                using var json = JsonDocument.Parse(run.Output);
                var read = json.RootElement.GetProperty("read").GetInt64();
                var snapshot = json.RootElement.GetProperty("table_snapshot").GetProperty("seconds").GetDouble();
                var rate = read / (run.Seconds - snapshot);
                var ok = rate >= target && run.PeakBytes <= 1.5 * 1024 * 1024 * 1024;
                met += ok ? 1 : 0;
                total++;
                Console.WriteLine($"ingest {file,-18} {read:N0} {unit} in {run.Seconds - snapshot:F1} s = {rate:N0} {unit}/s (target ≥ {target:N0}), then the table snapshot {snapshot:F1} s " +
                    $"({read / run.Seconds:N0} {unit}/s with it) · peak {run.PeakBytes / 1048576.0:F0} MiB (≤ 1536) → {(ok ? "met" : "NOT MET")}");
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
        return (met, total);
    }

    internal sealed record Measurement(double Seconds, long PeakBytes, string Output);

    /// <summary>One CLI process under /usr/bin/time, which reports its peak resident memory.</summary>
    internal static Measurement Measure(string cli, string[] arguments)
    {
        var memoryFile = Path.GetTempFileName();
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-f", "%M", "-o", memoryFile, "dotnet", cli, .. arguments]) start.ArgumentList.Add(argument);
        start.Environment["CI"] = "true";
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("/usr/bin/time did not start (apt-get install time)");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var seconds = watch.Elapsed.TotalSeconds;
        if (process.ExitCode != 0) throw new InvalidOperationException($"sextant {arguments[0]} exited with {process.ExitCode}: {error.Result.Trim()}");
        var kib = long.Parse(File.ReadLines(memoryFile).Last(), CultureInfo.InvariantCulture);
        File.Delete(memoryFile);
        return new Measurement(seconds, kib * 1024, output);
    }

    private static long EventsOf(string cli, string store)
    {
        using var json = JsonDocument.Parse(Measure(cli, ["info", "--store", store, "--json"]).Output);
        return json.RootElement.GetProperty("events").GetInt64();
    }
}
