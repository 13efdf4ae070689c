using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Sextant.Bench.Compare;

namespace Sextant.Bench.Scale;

/// <summary>
/// The warehouse way of refreshing, beside Sextant's incremental refresh: the scale CSV files
/// loaded into DuckDB and a throw-away ClickHouse server (load printed, not compared), the daily
/// series recomputed in SQL (<see cref="DailySeriesSql"/>), the same next day of events appended,
/// and the daily series recomputed again; medians of a few runs. An engine that is missing or
/// fails is left out with one line.
/// </summary>
internal static class RefreshWarehouses
{
    /// <summary>One engine's figures: load and append seconds, the daily series' median seconds before and after the append, and events without a user id.</summary>
    private sealed record Figures(string Engine, string Timed, double Load, double Append, double Before, double After, List<string[]> Series, long WithoutUserId);

    public static void Run(string csvDirectory, string nextDayCsv, string sextantSeries, string directory, double sextantIngest, double incrementalMedian, int runs)
    {
        var eventsCsv = Path.Combine(csvDirectory, "user_events.csv");
        var profilesCsv = Path.Combine(csvDirectory, "user_profiles.csv");
        if (!File.Exists(eventsCsv) || !File.Exists(profilesCsv))
        {
            Console.WriteLine($"warehouses: no user_events.csv and user_profiles.csv in {csvDirectory} — comparison skipped (pass --csv DIR)");
            return;
        }
        Console.WriteLine($"warehouses: {csvDirectory} loaded, daily series (per UTC day: events, active users, sign-ups, revenue) recomputed in SQL " +
            $"(median of {runs}), the next day appended, recomputed again (median of {runs}); pending writes flushed before each timed step");
        var figures = new List<Figures>();
        if (DuckDb(eventsCsv, profilesCsv, nextDayCsv, directory, runs) is { } duckDb) figures.Add(duckDb);
        if (ClickHouse(eventsCsv, profilesCsv, nextDayCsv, runs) is { } clickHouse) figures.Add(clickHouse);
        foreach (var engine in figures) Console.WriteLine($"{engine.Engine,-10} queries timed as {engine.Timed}");
        foreach (var engine in figures)
            Console.WriteLine($"{engine.Engine,-10} load {engine.Load,5:F1} s · append {engine.Append:F2} s · daily series median {engine.Before:F2} s before, {engine.After:F2} s after the append " +
                $"→ append + series {engine.Append + engine.After:F2} s vs Sextant ingest {sextantIngest:F2} s + incremental refresh {incrementalMedian:F2} s (whole processes)");
        foreach (var engine in figures) Console.WriteLine($"{engine.Engine,-10} {Agreement(engine.Series, sextantSeries)}");
        if (figures.Count == 0) return;
        Console.WriteLine($"caveat     {DailySeriesSql.Caveat}");
        var anonymous = figures[0].WithoutUserId;
        Console.WriteLine(anonymous == 0
            ? "identity   every event here carries a user id, so on this data the SQL's figures can equal Sextant's"
            : $"identity   {anonymous:N0} events carry no user id: Sextant attributes them by identity resolution, the SQL does not");
    }

    private static Figures? DuckDb(string eventsCsv, string profilesCsv, string nextDayCsv, string directory, int runs)
    {
        var path = Path.Combine(directory, "events.duckdb");
        try
        {
            var engine = new DuckDbEngine(path);
            var load = engine.Load(eventsCsv, profilesCsv);
            var before = Median(runs, () => engine.Query(DailySeriesSql.DuckDb));
            RefreshTimings.FlushWrites();
            var append = engine.Append(nextDayCsv);
            var after = Median(runs, () => engine.Query(DailySeriesSql.DuckDb));
            return new Figures(engine.Name, engine.Timed, (load.Events + load.Profiles).TotalSeconds, append.TotalSeconds, before.Seconds, after.Seconds, after.Rows, engine.EventsWithoutUserId());
        }
        catch (Exception error) when (error is DuckDB.NET.Data.DuckDBException or InvalidOperationException or IOException or DllNotFoundException or TypeInitializationException)
        {
            Console.WriteLine($"DuckDB     left out: {error.Message.Split('\n')[0]}");
            return null;
        }
        finally
        {
            File.Delete(path);
            File.Delete(path + ".wal");
        }
    }

    private static Figures? ClickHouse(string eventsCsv, string profilesCsv, string nextDayCsv, int runs)
    {
        if (ClickHouseServer.Find() is not { } binary)
        {
            Console.WriteLine($"ClickHouse left out: {ClickHouseServer.InstallHint}");
            return null;
        }
        ClickHouseServer? server = null;
        // Ctrl+C skips finally blocks: stop the server on the way out too.
        ConsoleCancelEventHandler onCancel = (_, _) => server?.Dispose();
        Console.CancelKeyPress += onCancel;
        try
        {
            server = ClickHouseServer.Start(binary);
            using var http = new ClickHouseHttp(server.Endpoint);
            var engine = new ClickHouseEngine(http);
            var load = engine.Load(eventsCsv, profilesCsv);
            var before = Median(runs, () => Timed(() => http.Query(DailySeriesSql.ClickHouse)));
            RefreshTimings.FlushWrites();
            var watch = Stopwatch.StartNew();
            http.InsertCsv("events", nextDayCsv);
            var append = watch.Elapsed;
            var after = Median(runs, () => Timed(() => http.Query(DailySeriesSql.ClickHouse)));
            Console.WriteLine($"ClickHouse merged its loaded parts into one in {load.Merge.TotalSeconds:F1} s (not in the load time); the appended day stays a part of its own");
            return new Figures(engine.Name, engine.Timed, (load.Events + load.Profiles).TotalSeconds, append.TotalSeconds, before.Seconds, after.Seconds, after.Rows, engine.EventsWithoutUserId());
        }
        catch (Exception error) when (error is InvalidOperationException or HttpRequestException or IOException or Win32Exception)
        {
            Console.WriteLine($"ClickHouse left out: {error.Message.Split('\n')[0]}");
            return null;
        }
        finally
        {
            server?.Dispose();
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static (List<string[]> Rows, TimeSpan Elapsed) Timed(Func<List<string[]>> query)
    {
        var watch = Stopwatch.StartNew();
        var rows = query();
        return (rows, watch.Elapsed);
    }

    /// <summary>Runs a query <paramref name="runs"/> times, pending writes flushed before each; the median seconds and the last run's rows.</summary>
    private static (double Seconds, List<string[]> Rows) Median(int runs, Func<(List<string[]> Rows, TimeSpan Elapsed)> query)
    {
        var results = Enumerable.Range(0, runs).Select(_ =>
        {
            RefreshTimings.FlushWrites();
            return query();
        }).ToList();
        return (RefreshTimings.MedianOf(results.Select(result => result.Elapsed.TotalSeconds)), results[^1].Rows);
    }

    /// <summary>On how many of Sextant's days the SQL's figures equal those in its daily_series.csv, column by column.</summary>
    private static string Agreement(List<string[]> series, string sextantSeries)
    {
        if (!File.Exists(sextantSeries)) return $"no {sextantSeries} to check the figures against";
        var sql = series.ToDictionary(row => row[0]);
        var lines = File.ReadLines(sextantSeries).Skip(1).Select(line => line.Split(',')).ToList();
        string[] names = ["events", "active users", "sign-ups", "revenue"];
        var equal = new int[names.Length];
        foreach (var row in lines)
        {
            if (!sql.TryGetValue(row[0], out var other)) continue;
            for (var column = 0; column < names.Length; column++)
                if (Same(row[column + 1], other[column + 1])) equal[column]++;
        }
        return $"equal to Sextant's daily_series.csv on " + string.Join(", ", names.Select((name, i) => $"{name} {equal[i]}/{lines.Count}")) +
            $" days ({series.Count} days in the SQL's series)";
    }

    private static bool Same(string sextant, string sql) =>
        double.TryParse(sextant, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && double.TryParse(sql, NumberStyles.Float, CultureInfo.InvariantCulture, out var b)
            ? Math.Abs(a - b) <= 1e-6 * Math.Max(1, Math.Abs(a))
            : sextant == sql;
}
