using System.Diagnostics;
using System.Globalization;
using Sextant.Events;
using Sextant.Storage.Sqlite;

namespace Sextant.Storage.Snapshot;

/// <summary>
/// The table snapshot: the decoded EventTable of a store file, kept beside it
/// (<c>sextant.db.table</c>) so a command opens a store of millions of events by reading a few
/// arrays instead of decoding chunks, resolving identities, sorting and reading profiles.
/// Every ingest rewrites it; it carries the store's change stamp, so a snapshot older than the
/// store (an ingest killed before rewriting it, a write by an earlier Sextant) is never used:
/// the table is then built from the store and the caller is told why.
/// </summary>
public static class TableSnapshot
{
    private static readonly TimeSpan SlowLoad = TimeSpan.FromSeconds(1);

    /// <summary>Where the snapshot of the store at <paramref name="storePath"/> lives.</summary>
    public static string PathFor(string storePath) => storePath + ".table";

    /// <summary>
    /// Builds the table of the store at <paramref name="storePath"/> and writes its snapshot,
    /// replacing the old one in one rename. A failure to write (a read-only directory, a full
    /// disk) leaves the store as it is and is returned as the outcome's problem: commands then
    /// load from the store until a later ingest or <c>sextant snapshot</c> writes it.
    /// </summary>
    /// <exception cref="SextantException">The store cannot be opened or is damaged.</exception>
    public static SnapshotOutcome Write(string storePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(storePath);
        // Snapshots are written right after a write, whose dictionaries and dedup index are garbage
        // now: hand their memory back first, so the process peaks at the larger of the two, not the sum.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var watch = Stopwatch.StartNew();
        using var store = SqliteStore.OpenReadOnly(storePath);
        var path = PathFor(storePath);
        var events = store.CountEvents();
        try
        {
            TableMemory.EnsureFits(events, TableMemory.BuildBytesPerEvent, "building its table");
        }
        catch (SextantException exception)
        {
            // Too large for this machine's memory: the store is complete, only its snapshot cannot be built here.
            return new SnapshotOutcome(path, 0, events, watch.Elapsed, $"the table snapshot was not written: {exception.Message}");
        }
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var stamp = store.ReadChangeStamp();
            var table = EventTableBuilder.Build(store, TimeZoneInfo.Utc);
            var facts = store.ReadFacts();
            // Another writer committed while the table was read: it may mix two states.
            if (store.ReadChangeStamp() != stamp) continue;
            return WriteFile(storePath, table, facts, stamp, watch);
        }
        return new SnapshotOutcome(path, 0, 0, watch.Elapsed, "the store kept changing while it was read; the next ingest writes the snapshot");
    }

    /// <summary>
    /// Writes the snapshot of a table just built from <paramref name="store"/>, which nothing has
    /// written to since (the caller holds the only writer).
    /// </summary>
    public static SnapshotOutcome Write(IEventStore store, string storePath, EventTable table)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(table);
        return WriteFile(storePath, table, store.ReadFacts(), store.ReadChangeStamp(), Stopwatch.StartNew());
    }

    private const UnixFileMode ReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;

    private static SnapshotOutcome WriteFile(string storePath, EventTable table, StoreFacts facts, string stamp, Stopwatch watch)
    {
        var path = PathFor(storePath);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            using (var file = new SnapshotFileWriter(temporary, TableSnapshotLayout.FormatVersion, stamp))
            {
                TableSnapshotLayout.Write(file, table, facts);
                file.Complete(TableSnapshotLayout.FormatVersion, stamp);
            }
            // The snapshot holds what the store holds: nobody may read it who may not read the store.
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, File.GetUnixFileMode(storePath) & ReadWrite);
            File.Move(temporary, path, overwrite: true);
            return new SnapshotOutcome(path, new FileInfo(path).Length, table.EventCount, watch.Elapsed, null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            return new SnapshotOutcome(path, 0, table.EventCount, watch.Elapsed, $"the table snapshot could not be written to '{path}': {exception.Message}");
        }
    }

    /// <summary>
    /// The table of <paramref name="store"/> (a store file at <paramref name="storePath"/>):
    /// from its snapshot when that is current, else built from the store, after telling
    /// <paramref name="notice"/> in one line why the snapshot was not used.
    /// </summary>
    /// <exception cref="SextantException">The store cannot be read or is damaged.</exception>
    public static EventTable Load(IEventStore store, string storePath, TimeZoneInfo zone, Action<string>? notice = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(zone);
        var path = PathFor(storePath);
        string? reason;
        SnapshotFileReader? file = null;
        var keptByTable = false;
        try
        {
            file = SnapshotFileReader.Open(path);
            reason = Staleness(file, store);
            if (reason is null)
            {
                var fromSnapshot = TableSnapshotLayout.Read(file, zone, store.ColumnSource);
                // The table keeps the file open: it reads the store rows on first use.
                keptByTable = true;
                return fromSnapshot;
            }
        }
        catch (FileNotFoundException)
        {
            reason = null;
        }
        catch (InvalidDataException exception)
        {
            reason = $"is damaged ({exception.Message})";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            reason = $"cannot be read ({exception.Message})";
        }
        finally
        {
            if (!keptByTable) file?.Dispose();
        }
        if (reason is not null)
            notice?.Invoke($"the table snapshot '{path}' {reason}: the events are loaded from the store, which is slower; 'sextant snapshot' or the next ingest rewrites it");
        var watch = Stopwatch.StartNew();
        var table = EventTableBuilder.Build(store, zone);
        // A store without a snapshot (written by an earlier Sextant) is worth one hint once loading it is slow.
        if (reason is null && watch.Elapsed >= SlowLoad)
            notice?.Invoke(string.Create(CultureInfo.InvariantCulture, $"loading {table.EventCount:N0} events from the store took {watch.Elapsed.TotalSeconds:F1} s; 'sextant snapshot' writes the table snapshot '{path}', which opens in a fraction of a second"));
        return table;
    }

    /// <summary>The event counts and store facts a current snapshot keeps, without reading any event; null when there is no current one.</summary>
    internal static (EventSummary Summary, StoreFacts Facts)? TryReadSummary(IEventStore store, string storePath)
    {
        try
        {
            using var file = SnapshotFileReader.Open(PathFor(storePath));
            if (Staleness(file, store) is not null) return null;
            return TableSnapshotLayout.ReadSummary(file, new FileInfo(storePath).Length);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>
    /// <c>sextant check</c>'s finding on the snapshot: pass when it is current and every section
    /// matches its checksum (or when there is none: the store alone is complete), warn when it is
    /// older than the store, damaged or unreadable, since commands are then slower, never wrong.
    /// </summary>
    public static IntegrityFinding Inspect(IEventStore store, string storePath)
    {
        ArgumentNullException.ThrowIfNull(store);
        const string Name = "table_snapshot";
        var path = PathFor(storePath);
        try
        {
            using var file = SnapshotFileReader.Open(path);
            if (Staleness(file, store) is { } stale)
                return new IntegrityFinding(Name, IntegrityStatus.Warn, 0, $"the table snapshot {stale}: commands load the events from the store until 'sextant snapshot' or the next ingest rewrites it");
            var bytes = file.VerifyAll();
            return new IntegrityFinding(Name, IntegrityStatus.Pass, 0, string.Create(CultureInfo.InvariantCulture, $"the table snapshot is current and its {bytes / 1048576.0:F1} MiB match their checksums"));
        }
        catch (FileNotFoundException)
        {
            return new IntegrityFinding(Name, IntegrityStatus.Pass, 0, "no table snapshot: commands build the table from the store ('sextant snapshot' writes one)");
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return new IntegrityFinding(Name, IntegrityStatus.Warn, 0, $"the table snapshot cannot be used ({exception.Message}): commands load the events from the store until 'sextant snapshot' rewrites it");
        }
    }

    private static string? Staleness(SnapshotFileReader file, IEventStore store)
    {
        if (file.FormatVersion != TableSnapshotLayout.FormatVersion) return $"was written in format {file.FormatVersion}, not {TableSnapshotLayout.FormatVersion}";
        return file.ChangeStamp == store.ReadChangeStamp() ? null : "is older than the store";
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done; the file is a temporary one no reader opens.
        }
    }
}
