using System.Text;
using Sextant.Events;
using Sextant.Storage;
using Sextant.Storage.Snapshot;

namespace Sextant.Analysis.Refresh;

/// <summary>
/// Runs <c>sextant refresh</c> on a store file (docs/REFRESH.md): reads the state beside the
/// store, decides between nothing to do, an incremental refresh and a full recompute, folds the
/// new events in, and writes the CSV files and then the state, each to a temporary file renamed
/// into place. The store itself is only read.
/// </summary>
public static class RefreshRunner
{
    /// <summary>The directory beside a store file that holds its refresh state and CSV files.</summary>
    public static string DirectoryFor(string storePath) => storePath + ".refresh";

    /// <summary>Refreshes the materialised results of the store at <paramref name="storePath"/>.</summary>
    /// <param name="store">The store, open for reading; it must keep an append log (the SQLite store does).</param>
    /// <param name="storePath">The store file.</param>
    /// <param name="settings">Time zone and excluded events.</param>
    /// <param name="full">Recompute everything, ignoring the state, and verify against the event table.</param>
    /// <param name="time">The clock the refresh's duration is measured with.</param>
    /// <exception cref="SextantException">The store is not an append log (a warehouse store), is damaged, or another refresh of it is running.</exception>
    public static RefreshResult Run(IEventStore store, string storePath, RefreshSettings settings, bool full, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrEmpty(storePath);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        if (store is not IAppendLog log)
            throw new SextantException($"sextant refresh needs the embedded store file; '{store.Location}' is a warehouse store, whose tables refresh in the database (docs/REFRESH.md)");
        var started = time.GetTimestamp();
        var directory = DirectoryFor(storePath);
        using var held = RefreshLock.Take(directory, storePath);
        var mark = log.ReadAppendMark();

        string? reason = full ? "asked for with --full" : null;
        var state = full ? null : RefreshStateFile.TryRead(directory, out reason);
        if (state is not null)
        {
            if (state.Fingerprint != settings.Fingerprint) reason = "timezone or activity.exclude_events changed since the last refresh";
            else if (state.Erasures != mark.Erasures) reason = "an erasure (sextant forget) changed the stored events since the last refresh";
            else if (log.CountEventsThrough(state.LastChunk) != state.Events) reason = "events read by the last refresh have changed in the store";
            if (reason is not null) state = null;
        }

        RefreshMode mode;
        long read;
        bool? verified = null;
        if (state is not null)
        {
            if (state.LastChunk == mark.LastChunk && state.ProfileStamp == mark.ProfileStamp && FilesExist(directory))
                return Result(RefreshMode.Unchanged, null, 0, mark.Events, state, settings, null, started, time, directory);
            var profiles = state.ProfileStamp != mark.ProfileStamp ? log.ReadProfileSignups() : null;
            read = state.Apply(log.ReadEventsAfter(state.LastChunk), profiles, settings);
            mode = RefreshMode.Incremental;
        }
        else
        {
            state = new RefreshState(settings.Fingerprint);
            read = state.Apply(log.ReadEventsAfter(0), log.ReadProfileSignups(), settings);
            mode = RefreshMode.Full;
        }
        state.Erasures = mark.Erasures;
        state.ProfileStamp = mark.ProfileStamp;
        var files = Render(state.Tables, settings);
        if (full) verified = Verify(store, storePath, settings, files);

        Directory.CreateDirectory(directory);
        // The state is written on another core while the CSVs are written; it becomes current last.
        var written = Task.Run(() => RefreshStateFile.WriteNext(state, directory));
        foreach (var (name, text) in files)
            RefreshStateFile.WriteAtomically(Path.Combine(directory, name), Encoding.UTF8.GetBytes(text));
        RefreshStateFile.Commit(written.GetAwaiter().GetResult());
        return Result(mode, mode == RefreshMode.Full ? reason : null, read, mark.Events, state, settings, verified, started, time, directory);
    }

    /// <summary>The reference tables of the store, recomputed from its event table (snapshot when current).</summary>
    internal static RefreshTables Reference(IEventStore store, string storePath, RefreshSettings settings) =>
        RefreshReference.Compute(TableSnapshot.Load(store, storePath, settings.Zone), settings);

    /// <summary>The CSV files' texts for <paramref name="tables"/>.</summary>
    internal static IReadOnlyList<(string Name, string Text)> Render(RefreshTables tables, RefreshSettings settings) =>
        RefreshCsv.Render(tables, CalendarOf(tables, settings));

    /// <summary>Holds the rebuilt files' texts against the reference recomputed from the event table.</summary>
    private static bool Verify(IEventStore store, string storePath, RefreshSettings settings, IReadOnlyList<(string Name, string Text)> rebuilt)
    {
        var reference = Render(Reference(store, storePath, settings), settings);
        for (var i = 0; i < reference.Count; i++)
            if (reference[i].Text != rebuilt[i].Text)
                throw new InvalidOperationException($"refresh: {reference[i].Name} rebuilt from the store's chunks differs from the one recomputed from the event table");
        return true;
    }

    private static ProjectCalendar CalendarOf(RefreshTables tables, RefreshSettings settings) =>
        tables.DataEnd == long.MinValue ? new ProjectCalendar(settings.Zone, 0, 0) : new ProjectCalendar(settings.Zone, tables.DataEnd, tables.DataEnd);

    private static bool FilesExist(string directory) => RefreshCsv.FileNames.All(name => File.Exists(Path.Combine(directory, name)));

    private static RefreshResult Result(RefreshMode mode, string? reason, long read, long storeEvents, RefreshState state, RefreshSettings settings,
        bool? verified, long started, TimeProvider time, string directory)
    {
        var tables = state.Tables;
        var calendar = CalendarOf(tables, settings);
        var everything = mode == RefreshMode.Full;
        var days = RefreshCsv.SeriesDays(tables);
        var dayRows = days is { } range ? range.Last - range.First + 1L : 0L;
        var dayRecomputed = everything ? dayRows
            : mode == RefreshMode.Unchanged || days is not { } series ? 0
            : Enumerable.Range(series.First, series.Last - series.First + 1).Count(tables.IsTouchedDay);
        var cohortRows = RefreshCsv.CohortRows(tables, calendar).ToList();
        var cohortRecomputed = everything ? cohortRows.Count
            : mode == RefreshMode.Unchanged ? 0
            : cohortRows.Count(row => tables.IsTouchedCohort(row.Cohort) || tables.IsTouchedCell(row.Cohort, row.Month));
        string[] files = [.. RefreshCsv.FileNames.Select(name => Path.Combine(directory, name))];
        return new RefreshResult(mode, reason, read, storeEvents,
            new RefreshPartitions(dayRows, dayRows - dayRecomputed, dayRecomputed),
            new RefreshPartitions(cohortRows.Count, cohortRows.Count - cohortRecomputed, cohortRecomputed),
            verified, time.GetElapsedTime(started).TotalSeconds, directory, files);
    }
}
