using System.Diagnostics;
using System.Globalization;
using Sextant.Storage.Sqlite;

namespace Sextant.Bench.Serve;

/// <summary>
/// <c>serve-load --store DEMO.db [--sextant ./sextant] [--seconds 30] [--clients 8] [--writers 2] [--events-per-post 100]</c>:
/// a copy of the store served by a real <c>sextant serve</c> process on loopback, loaded by
/// reader clients (the <see cref="ServeLoad.NotionMix"/>) and writer clients posting new events
/// for a fixed time; prints requests/s, p50/p99 latency per request kind, the server's peak
/// memory, and checks that the store holds exactly the events posted (docs/SERVER.md, Load test).
/// </summary>
internal static class ServeLoadRun
{
    public static int Run(string[] args)
    {
        var store = Option(args, "--store") ?? throw new ArgumentException("serve-load needs --store DEMO.db (sextant demo or sextant generate --store)");
        var sextant = Path.GetFullPath(Option(args, "--sextant") ?? "sextant");
        var seconds = int.Parse(Option(args, "--seconds") ?? "30", CultureInfo.InvariantCulture);
        var clients = int.Parse(Option(args, "--clients") ?? "8", CultureInfo.InvariantCulture);
        var writers = int.Parse(Option(args, "--writers") ?? "2", CultureInfo.InvariantCulture);
        var perPost = int.Parse(Option(args, "--events-per-post") ?? "100", CultureInfo.InvariantCulture);
        var directory = Directory.CreateTempSubdirectory("sextant-serve-load-");
        try
        {
            var copy = Path.Combine(directory.FullName, "sextant.db");
            File.Copy(store, copy);
            foreach (var beside in new[] { store + ".table", Path.Combine(Path.GetDirectoryName(Path.GetFullPath(store))!, "sextant.yaml") })
                if (File.Exists(beside)) File.Copy(beside, Path.Combine(directory.FullName, Path.GetFileName(beside) == "sextant.yaml" ? "sextant.yaml" : "sextant.db.table"));
            var before = Count(copy);
            var info = new ProcessStartInfo(sextant);
            foreach (var arg in new[] { "serve", "--store", copy, "--port", "0", "--rate-limit", "1000000" }) info.ArgumentList.Add(arg);
            var startWatch = Stopwatch.StartNew();
            ServeLoad.Outcome outcome;
            long peak;
            using (var server = ServeProcess.Start(info, TimeSpan.FromMinutes(5)).GetAwaiter().GetResult())
            {
                Console.WriteLine($"server        {server.Url} up in {startWatch.Elapsed.TotalSeconds:F1} s (store of {before:N0} events)");
                outcome = ServeLoad.Run(server.Url, ServeLoad.NotionMix, clients - writers, writers, perPost, TimeSpan.FromSeconds(seconds)).GetAwaiter().GetResult();
                peak = server.PeakBytes;
            }
            var after = Count(copy);
            Console.WriteLine($"load          {clients} clients ({clients - writers} readers, {writers} writers of {perPost} events a post) for {outcome.Elapsed.TotalSeconds:F1} s");
            Console.WriteLine($"requests      {outcome.Requests:N0} = {outcome.Requests / outcome.Elapsed.TotalSeconds:N1} requests/s; errors {outcome.Errors.Count}");
            foreach (var (label, values) in outcome.MillisecondsByLabel.OrderBy(p => p.Key, StringComparer.Ordinal))
                Console.WriteLine($"  {label,-26} {values.Count,7:N0} requests  p50 {ServeLoad.Percentile(values, 0.5),8:F1} ms  p99 {ServeLoad.Percentile(values, 0.99),8:F1} ms");
            Console.WriteLine($"events        posted {outcome.EventsPosted:N0}, inserted {outcome.EventsInserted:N0}; store {before:N0} → {after:N0} (+{after - before:N0}); served table {outcome.LastTableEvents:N0}");
            Console.WriteLine($"peak memory   {peak / 1048576.0:F0} MiB (server process)");
            foreach (var error in outcome.Errors.Take(5)) Console.WriteLine($"error         {error}");
            var exact = after - before == outcome.EventsPosted && outcome.EventsInserted == outcome.EventsPosted;
            Console.WriteLine(exact ? "check         ok: every posted event stored once" : "check         FAILED: the store does not hold exactly the posted events");
            return outcome.Errors.Count == 0 && exact ? 0 : 1;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static long Count(string store)
    {
        using var reader = SqliteStore.OpenReadOnly(store);
        return reader.CountEvents();
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
