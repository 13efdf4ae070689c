using System.Diagnostics;
using Sextant.Ingest;
using Sextant.Storage.Snapshot;
using Sextant.Storage.Sqlite;
using Sextant.Synthetic;

namespace Sextant.Bench.Compare;

/// <summary>
/// Side by side: the scale scenario in Sextant, a throw-away ClickHouse server and optionally
/// DuckDB; the same three questions on each, engines alternating within every round; the median
/// times, and a check that every engine's counts equal Sextant's. Exit code 1 when any differ.
/// </summary>
internal static class CompareRun
{
    public static int Run(string[] args)
    {
        if (CompareOptions.Parse(args) is not { } options) return 2;
        var cli = options.Cli ?? BenchArguments.DefaultCli();
        if (!File.Exists(cli))
        {
            Console.Error.WriteLine($"compare: no Sextant CLI at {cli}; build it with: dotnet build src/Sextant.Cli -c Release (or pass --cli)");
            return 2;
        }
        var binary = ClickHouseServer.Find();
        if (binary is null) Console.WriteLine($"{ClickHouseServer.InstallHint} — comparing without it.");

        var directory = options.Keep ?? Path.Combine(Path.GetTempPath(), $"sextant-compare-{Environment.ProcessId}");
        Directory.CreateDirectory(directory);
        ClickHouseServer? server = null;
        ClickHouseHttp? http = null;
        // Ctrl+C skips finally blocks: stop the server and remove the temporary folders on the way out too.
        ConsoleCancelEventHandler onCancel = (_, _) =>
        {
            server?.Dispose();
            if (options.Keep is null && Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var (store, csv) = PrepareSextant(options, directory);
            var eventsCsv = Path.Combine(csv, "user_events.csv");
            var profilesCsv = Path.Combine(csv, "user_profiles.csv");
            var events = DataRows(eventsCsv);
            var profiles = DataRows(profilesCsv);
            var engines = new List<IComparedEngine> { new SextantProcess(cli, store, directory) };
            long? withoutUser = null;

            if (binary is { } found)
            {
                try
                {
                    server = ClickHouseServer.Start(found);
                    http = new ClickHouseHttp(server.Endpoint);
                    var clickHouse = new ClickHouseEngine(http);
                    var load = clickHouse.Load(eventsCsv, profilesCsv);
                    ReportLoad("ClickHouse", events, load.Events, profiles, load.Profiles, $"; merged into one part in {load.Merge.TotalSeconds:F1} s");
                    engines.Add(clickHouse);
                    withoutUser = clickHouse.EventsWithoutUserId();
                }
                catch (Exception error) when (error is InvalidOperationException or HttpRequestException or IOException)
                {
                    Console.WriteLine($"ClickHouse left out: {error.Message}");
                }
            }
            if (options.DuckDb)
            {
                var path = Path.Combine(directory, "events.duckdb");
                File.Delete(path);
                File.Delete(path + ".wal");
                var duckDb = new DuckDbEngine(path);
                var load = duckDb.Load(eventsCsv, profilesCsv);
                ReportLoad("DuckDB", events, load.Events, profiles, load.Profiles, $"; file {new FileInfo(path).Length / 1048576.0:F0} MiB");
                engines.Add(duckDb);
                withoutUser ??= duckDb.EventsWithoutUserId();
            }
            foreach (var warehouse in options.Warehouses)
                engines.Add(LoadWarehouse(cli, directory, warehouse, http, eventsCsv, profilesCsv, events, profiles));
            if (withoutUser is { } anonymous)
                Console.WriteLine(anonymous == 0
                    ? "identity   every event carries a user id: no anonymous id needs resolving, so the SQL counts user ids as they are"
                    : $"identity   {anonymous:N0} events carry no user id: Sextant attributes them by identity resolution, which the SQL leaves out, so counts may differ");

            foreach (var engine in engines) Console.WriteLine($"{engine.Name,-10} timed as {engine.Timed}");
            var replies = AskRounds(engines, options.Rounds);
            CompareReport.PrintTimes(engines, replies);
            return CompareReport.PrintAnswerCheck(engines, replies) ? 0 : 1;
        }
        catch (Exception error) when (error is InvalidOperationException or HttpRequestException or IOException or SextantException or DuckDB.NET.Data.DuckDBException)
        {
            Console.Error.WriteLine($"compare failed: {error.Message}");
            return 1;
        }
        finally
        {
            http?.Dispose();
            server?.Dispose();
            Console.CancelKeyPress -= onCancel;
            if (options.Keep is null) Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The store and CSV folder to compare: the given ones, or the scale scenario generated and ingested now.</summary>
    private static (string Store, string Csv) PrepareSextant(CompareOptions options, string directory)
    {
        if (options.Store is { } existing) return (existing, options.CsvDirectory!);
        var csv = Path.Combine(directory, "csv");
        var store = Path.Combine(directory, "sextant.db");
        foreach (var suffix in new[] { "", "-wal", "-shm", ".quarantine.jsonl", ".table" }) File.Delete(store + suffix);

        var watch = Stopwatch.StartNew();
        var events = ScaleGenerator.WriteFiles(new ScaleScenario { Users = options.Users }, csv);
        Console.WriteLine($"generated  the scale scenario: {options.Users:N0} users, {events:N0} events, {new FileInfo(Path.Combine(csv, "user_events.csv")).Length / 1048576.0:F0} MiB of CSV in {watch.Elapsed.TotalSeconds:F1} s");
        TimeSpan profiles, elapsed;
        using (var sqlite = SqliteStore.Open(store, create: true))
        {
            var ingestor = new Ingestor(sqlite, new IngestOptions(), TimeProvider.System);
            watch.Restart();
            ingestor.Ingest([Path.Combine(csv, "user_profiles.csv")]);
            profiles = watch.Elapsed;
            watch.Restart();
            ingestor.Ingest([Path.Combine(csv, "user_events.csv")]);
            elapsed = watch.Elapsed;
        }
        // As `sextant ingest` does after its last file: the table snapshot commands open.
        var snapshot = TableSnapshot.Write(store);
        ReportLoad("Sextant", events, elapsed, options.Users, profiles, $"; store {new FileInfo(store).Length / 1048576.0:F0} MiB, duplicates checked");
        Console.WriteLine($"           + table snapshot {snapshot.Bytes / 1048576.0:F0} MiB in {snapshot.Elapsed.TotalSeconds:F1} s → {events / (elapsed + snapshot.Elapsed).TotalSeconds:N0} events/s including it{(snapshot.Problem is null ? "" : " — " + snapshot.Problem)}");
        return (store, csv);
    }

    /// <summary>
    /// A warehouse store loaded by <c>sextant ingest --store URL</c> (profiles, then events, timed as
    /// whole processes) and asked through the CLI like the embedded store, so the time is that of
    /// the SQL pushed down (or of the in-memory fallback, which the CLI notes). "clickhouse" names a
    /// database on the compared ClickHouse server.
    /// </summary>
    private static SextantProcess LoadWarehouse(string cli, string directory, string warehouse, ClickHouseHttp? http, string eventsCsv, string profilesCsv, long events, long profiles)
    {
        var url = warehouse;
        if (warehouse == "clickhouse")
        {
            if (http is null) throw new InvalidOperationException("--warehouse clickhouse needs the compared ClickHouse server, which did not start");
            http.Execute("DROP DATABASE IF EXISTS sextant_store");
            http.Execute("CREATE DATABASE sextant_store");
            url = $"clickhouse://{http.Endpoint.Host}:{http.Endpoint.Port}/sextant_store";
        }
        var dialect = url.Split(':')[0];
        var process = new SextantProcess(cli, url, directory, $"Sextant/{dialect}");
        var profileLoad = process.Run(["ingest", profilesCsv]);
        var eventLoad = process.Run(["ingest", eventsCsv]);
        var memory = eventLoad.PeakBytes is { } peak ? $"; ingest peak {peak / 1048576.0:F0} MiB" : "";
        ReportLoad(process.Name, events, eventLoad.Elapsed, profiles, profileLoad.Elapsed, memory);
        return process;
    }

    /// <summary>Every question on every engine per round; the engines take turns going first.</summary>
    private static Dictionary<(string Engine, Question Question), List<Reply>> AskRounds(List<IComparedEngine> engines, int rounds)
    {
        var replies = new Dictionary<(string, Question), List<Reply>>();
        for (var round = 0; round < rounds; round++)
        {
            var order = engines.Skip(round % engines.Count).Concat(engines.Take(round % engines.Count)).ToList();
            foreach (var question in Questions.All)
                foreach (var engine in order)
                {
                    var reply = engine.Ask(question);
                    var key = (engine.Name, question);
                    if (!replies.TryGetValue(key, out var list)) replies[key] = list = [];
                    list.Add(reply);
                    var memory = reply.PeakBytes is { } peak ? $", peak {peak / 1048576.0:F0} MiB" : "";
                    Console.WriteLine($"round {round + 1}  {Questions.Title(question),-30} {engine.Name,-10} {reply.Elapsed.TotalSeconds,6:F2} s{memory}");
                }
        }
        return replies;
    }

    private static void ReportLoad(string engine, long events, TimeSpan eventsTime, long profiles, TimeSpan profilesTime, string extra) =>
        Console.WriteLine($"{engine,-10} loaded {events:N0} events in {eventsTime.TotalSeconds:F1} s = {events / eventsTime.TotalSeconds:N0} rows/s; " +
            $"{profiles:N0} profiles in {profilesTime.TotalSeconds:F1} s{extra}");

    /// <summary>Lines after the header: every scale CSV row is one line.</summary>
    private static long DataRows(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        var buffer = new byte[1 << 20];
        long lines = 0;
        int read;
        while ((read = file.Read(buffer)) > 0) lines += buffer.AsSpan(0, read).Count((byte)'\n');
        return lines - 1;
    }
}
