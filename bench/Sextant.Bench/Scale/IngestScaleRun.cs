using System.Diagnostics;
using System.Globalization;
using Sextant.Ingest;
using Sextant.Storage;
using Sextant.Storage.Sqlite;

namespace Sextant.Bench.Scale;

/// <summary>
/// End-to-end figures for the embedded store: CSV → store ingest rate (with duplicate
/// detection), re-ingest rate, store → EventTable load rate, table bytes per event and peak
/// memory. Prints one line per figure.
/// </summary>
internal static class IngestScaleRun
{
    public static int Run(string[] args)
    {
        var events = LongOption(args, "--events", 1_000_000);
        var users = (int)LongOption(args, "--users", 50_000);
        var ingestOnly = args.Contains("--ingest-only");
        var directory = Path.Combine(Path.GetTempPath(), "sextant-scale-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        try
        {
            var csv = Path.Combine(directory, "events.csv");
            var storePath = Path.Combine(directory, "scale.db");
            var watch = Stopwatch.StartNew();
            var duplicates = SyntheticCsv.Write(csv, events, users);
            Console.WriteLine($"generated     {events:N0} rows ({duplicates:N0} duplicate ids), {new FileInfo(csv).Length / 1048576.0:F0} MiB in {watch.Elapsed.TotalSeconds:F1} s");

            IngestResult result;
            using (var store = SqliteStore.Open(storePath, create: true))
            {
                watch.Restart();
                result = new Ingestor(store, new IngestOptions(), TimeProvider.System).Ingest([csv]);
                Report("ingest", events, watch.Elapsed);
                Console.WriteLine($"              inserted {result.Inserted:N0}, duplicates {result.Duplicates:N0}, quarantined {result.Quarantined:N0}");
                Console.WriteLine($"              GC: {GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2, paused {GC.GetTotalPauseDuration().TotalSeconds:F2} s; CPU {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F1} s");
                Console.WriteLine($"peak memory   {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB (process, after ingest)");
                if (ingestOnly) return 0;

                watch.Restart();
                var again = new Ingestor(store, new IngestOptions(), TimeProvider.System).Ingest([csv]);
                Report("re-ingest", events, watch.Elapsed);
                Console.WriteLine($"              inserted {again.Inserted:N0}, duplicates {again.Duplicates:N0}");
            }

            Console.WriteLine($"store size    {new FileInfo(storePath).Length / 1048576.0:F0} MiB");
            for (var round = 1; round <= 3; round++) MeasureLoad(storePath, round);
            Console.WriteLine($"peak memory   {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB (process)");
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void MeasureLoad(string storePath, int round)
    {
        using var store = SqliteStore.OpenReadOnly(storePath);
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        var table = SqliteEventTableLoader.Load(store, TimeZoneInfo.Utc);
        var elapsed = watch.Elapsed;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        var columnBytes = table.Timestamps.Length * 8L + table.EventCodes.Length * 4L + table.UserIndex.Length * 4L + table.StoreRows.Length * 4L;
        Report($"load #{round}", table.EventCount, elapsed);
        Console.WriteLine($"              columns {columnBytes / (double)table.EventCount:F1} bytes/event; whole table with dictionaries and profiles {retained / (double)table.EventCount:F1} bytes/event");
        GC.KeepAlive(table);

        // What checksum verification adds to the load: hashing the blobs of the four loaded columns again.
        var chunks = StoreChunks.List(store.Connection);
        var blobs = StoreChunks.ReadColumns(store.Connection, chunks, ChunkColumn.UserCode, ChunkColumn.AnonymousCode, ChunkColumn.EventCode, ChunkColumn.Timestamp);
        watch.Restart();
        long bytes = 0, sum = 0;
        foreach (var blob in blobs.SelectMany(columns => columns))
        {
            sum ^= StoreChunks.Checksum(blob);
            bytes += blob.Length;
        }
        Console.WriteLine($"              checksums of the loaded columns: {bytes / 1048576.0:F1} MiB hashed in {watch.Elapsed.TotalMilliseconds:F1} ms ({sum & 1})");
    }

    private static void Report(string what, long rows, TimeSpan elapsed) =>
        Console.WriteLine($"{what,-13} {rows:N0} rows in {elapsed.TotalSeconds:F2} s = {rows / elapsed.TotalSeconds:N0} rows/s");

    private static long LongOption(string[] args, string name, long fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? long.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
