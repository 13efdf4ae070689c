using System.Diagnostics;
using Sextant.Events;
using Sextant.Storage.Snapshot;
using Sextant.Storage.Sqlite;

namespace Sextant.Bench.Scale;

/// <summary>
/// <c>open --store PATH [--rounds N]</c>: times opening a store's EventTable from its table
/// snapshot and, with <c>--chunks</c>, from the store's chunks, in this process (no start-up),
/// with the bytes each way allocates.
/// </summary>
internal static class SnapshotOpenRun
{
    public static int Run(string[] args)
    {
        var store = BenchArguments.Option(args, "--store") ?? throw new ArgumentException("--store PATH is required");
        var rounds = int.Parse(BenchArguments.Option(args, "--rounds") ?? "3", System.Globalization.CultureInfo.InvariantCulture);
        for (var round = 1; round <= rounds; round++)
        {
            Time($"snapshot #{round}", () =>
            {
                using var opened = SqliteStore.OpenReadOnly(store);
                return TableSnapshot.Load(opened, store, TimeZoneInfo.Utc, notice => Console.WriteLine("note: " + notice));
            });
            if (args.Contains("--stages")) Stages(store);
            if (args.Contains("--chunks"))
            {
                Time($"chunks #{round}", () =>
                {
                    using var opened = SqliteStore.OpenReadOnly(store);
                    return EventTableBuilder.Build(opened, TimeZoneInfo.Utc);
                });
            }
        }
        return 0;
    }

    /// <summary>How long each read of a build from the chunks takes on its own.</summary>
    private static void Stages(string path)
    {
        using var store = SqliteStore.OpenReadOnly(path);
        var watch = Stopwatch.StartNew();
        var columns = store.ReadEventColumns();
        Console.WriteLine($"  event columns: {watch.Elapsed.TotalSeconds:F2} s ({columns.RowCount:N0} rows)");
        watch.Restart();
        var profiles = store.ReadProfiles().Count();
        Console.WriteLine($"  profiles: {watch.Elapsed.TotalSeconds:F2} s ({profiles:N0})");
        watch.Restart();
        var assignments = store.ReadAssignments().Count();
        Console.WriteLine($"  assignments: {watch.Elapsed.TotalSeconds:F2} s ({assignments:N0})");
        watch.Restart();
        var subscriptions = store.ReadSubscriptions().Count();
        Console.WriteLine($"  subscriptions: {watch.Elapsed.TotalSeconds:F2} s ({subscriptions:N0})");
        watch.Restart();
        var stamp = store.ReadChangeStamp();
        Console.WriteLine($"  change stamp: {watch.Elapsed.TotalMilliseconds:F1} ms ({stamp})");
    }

    private static void Time(string label, Func<EventTable> open)
    {
        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var table = open();
        var elapsed = watch.Elapsed;
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Console.WriteLine($"{label}: {table.EventCount:N0} events of {table.UserCount:N0} entities in {elapsed.TotalSeconds:F3} s " +
            $"({table.EventCount / elapsed.TotalSeconds:N0} events/s), {bytes / (double)table.EventCount:F1} bytes allocated per event, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB");
        GC.KeepAlive(table);
    }
}
