using System.Globalization;
using System.Text;
using System.Text.Json;
using Sextant.Storage.Sqlite;

namespace Sextant.Bench.Scale;

/// <summary>
/// <c>refresh [--store PATH] [--cli DLL]</c>: on a copy of the scale store, times as whole CLI
/// processes a first refresh (which builds the state), the ingest of one more day (the last
/// day's events moved a day later under new ids), the incremental refresh that follows, a full
/// recompute (<c>refresh --full</c>, which also verifies against the event table), a state
/// rebuild from scratch, and for comparison <c>metrics</c> (a full load and analysis). Prints
/// seconds, rows/s, peak memory and the incremental/full ratio (target ≤ 0.10).
/// </summary>
internal static class RefreshRun
{
    private const double TargetRatio = 0.10;

    public static int Run(string[] args)
    {
        var source = BenchArguments.Option(args, "--store") ?? "/work/scale/full.db";
        var cli = BenchArguments.Option(args, "--cli") ?? BenchArguments.DefaultCli();
        if (!File.Exists(source))
        {
            Console.Error.WriteLine($"no store at {source}: make one with 'sextant generate --scenario scale --store {source}' or pass --store");
            return 2;
        }
        var directory = Path.Combine(Path.GetTempPath(), "sextant-refresh-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(directory);
        try
        {
            var store = Path.Combine(directory, "full.db");
            File.Copy(source, store);
            if (File.Exists(source + ".table")) File.Copy(source + ".table", store + ".table");
            Console.WriteLine($"refresh bench on a copy of {source} ({new FileInfo(store).Length / 1048576.0:F0} MiB), whole processes of {cli}");

            var first = Measure(cli, "first refresh (builds the state)", ["refresh", "--store", store, "--json"]);
            var dayFile = Path.Combine(directory, "next_day.csv");
            var dayEvents = WriteNextDay(store, dayFile);
            var ingest = TargetsRun.Measure(cli, ["ingest", dayFile, "--store", store, "--json"]);
            Console.WriteLine($"{"ingest of the next day",-36} {ingest.Seconds,7:F2} s · {dayEvents:N0} events · peak {ingest.PeakBytes / 1048576.0,5:F0} MiB (table snapshot rewritten)");
            var incremental = Measure(cli, "incremental refresh", ["refresh", "--store", store, "--json"]);
            var full = Measure(cli, "full recompute (refresh --full)", ["refresh", "--store", store, "--full", "--json"]);
            Directory.Delete(store + ".refresh", recursive: true);
            var rebuild = Measure(cli, "state rebuilt from scratch", ["refresh", "--store", store, "--json"]);
            var metrics = TargetsRun.Measure(cli, ["metrics", "--store", store, "--json"]);
            Console.WriteLine($"{"metrics (full load + analysis today)",-36} {metrics.Seconds,7:F2} s · peak {metrics.PeakBytes / 1048576.0,5:F0} MiB");

            using var incrementalJson = JsonDocument.Parse(incremental.Output);
            var mode = incrementalJson.RootElement.GetProperty("mode").GetString();
            var ratioFull = incremental.Seconds / full.Seconds;
            var ratioRebuild = incremental.Seconds / rebuild.Seconds;
            var met = mode == "incremental" && Math.Max(ratioFull, ratioRebuild) <= TargetRatio;
            Console.WriteLine($"incremental / full recompute = {ratioFull:F3}; incremental / state rebuild = {ratioRebuild:F3} (target ≤ {TargetRatio:F2}) → {(met ? "met" : "NOT MET")}");
            _ = first;
            return met ? 0 : 1;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static TargetsRun.Measurement Measure(string cli, string name, string[] arguments)
    {
        var run = TargetsRun.Measure(cli, arguments);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        var read = root.GetProperty("new_events").GetInt64();
        var inside = root.GetProperty("seconds").GetDouble();
        var days = root.GetProperty("days");
        var cohorts = root.GetProperty("cohorts");
        Console.WriteLine($"{name,-36} {run.Seconds,7:F2} s ({inside:F2} s inside) · {root.GetProperty("mode").GetString()} · {read:N0} events read = {read / Math.Max(inside, 1e-9):N0} rows/s · " +
            $"days kept {days.GetProperty("kept").GetInt64()}/{days.GetProperty("total").GetInt64()}, cohort months kept {cohorts.GetProperty("kept").GetInt64()}/{cohorts.GetProperty("total").GetInt64()} · peak {run.PeakBytes / 1048576.0,5:F0} MiB");
        return run;
    }

    /// <summary>Writes the last UTC day's events moved one day later, under new event ids, as a canonical CSV; returns how many.</summary>
    private static long WriteNextDay(string storePath, string file)
    {
        using var store = SqliteStore.OpenReadOnly(storePath);
        var columns = store.ReadEventColumns();
        const long day = Sextant.Events.Timestamp.MicrosPerDay;
        var lastDayStart = Math.Floor(columns.MaxTimestamp / (double)day) * day;
        using var writer = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("event_id,user_id,anonymous_id,event,timestamp,platform,session_id,workspace_id,revenue,properties,source\n");
        long written = 0;
        for (var row = 0; row < columns.RowCount; row++)
        {
            var time = columns.Timestamps[row];
            if (time < lastDayStart) continue;
            var user = columns.UserCodes[row] == 0 ? "" : columns.UserIds.Values[columns.UserCodes[row] - 1];
            var anonymous = columns.AnonymousCodes[row] == 0 ? "" : columns.AnonymousIds.Values[columns.AnonymousCodes[row] - 1];
            var instant = DateTime.UnixEpoch.AddTicks((time + day) * 10).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
            writer.Write($"next-{row},{user},{anonymous},{columns.EventNames.Values[columns.EventCodes[row] - 1]},{instant},,,,,{{}},synthetic\n");
            written++;
        }
        return written;
    }
}
