using Sextant.Configuration;
using Sextant.Events;
using Sextant.Privacy;
using Sextant.Storage;
using Sextant.Storage.Snapshot;
using Sextant.Storage.Sqlite;
using Sextant.Storage.Warehouse;
using Sextant.Storage.Warehouse.Store;

namespace Sextant.Application;

/// <summary>
/// <c>forget</c> on a whole store, as <c>sextant forget</c> and <c>POST /api/v1/forget</c> run it:
/// checks every id, erases the people (<see cref="PersonEraser"/>) and their quarantined rows, and
/// writes the table snapshot beside a store file again so no copy of their events remains
/// (docs/PRIVACY.md).
/// </summary>
public static class Forgetting
{
    /// <summary>Erases <paramref name="userIds"/> from the store at <paramref name="storePath"/>.</summary>
    /// <param name="storePath">A store file or warehouse URL.</param>
    /// <param name="config">The project's settings (where the quarantine file is).</param>
    /// <param name="userIds">The people's user ids as the sources give them.</param>
    /// <param name="by">Who asked; logged as given.</param>
    /// <param name="at">When.</param>
    /// <param name="pseudonymiser">The ingest's pseudonymiser when the store holds pseudonyms, else null.</param>
    /// <exception cref="SextantException">An id is unknown (the store is left byte for byte as it was), no id is given, or the store cannot be written.</exception>
    public static ForgetOutcome Run(string storePath, SextantConfig config, IReadOnlyList<string> userIds, string by, Timestamp at, Pseudonymiser? pseudonymiser)
    {
        ArgumentException.ThrowIfNullOrEmpty(storePath);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentNullException.ThrowIfNull(by);
        var url = StoreUrl.Parse(storePath);
        var quarantine = config.Ingest.QuarantinePathFor(storePath);
        if (url.IsWarehouse)
        {
            using var warehouse = WarehouseStore.Open(url, create: false);
            return new ForgetOutcome(PersonEraser.Forget(warehouse, userIds, by, at, pseudonymiser, quarantine), null);
        }

        // Checked read-only first: an unknown id must leave the file byte for byte as it was.
        using (var reader = SqliteStore.OpenReadOnly(storePath)) PersonEraser.RequireKnown(reader, userIds, pseudonymiser);
        ErasureCounts counts;
        using (var store = SqliteStore.Open(storePath, create: false))
            counts = PersonEraser.Forget(store, userIds, by, at, pseudonymiser, quarantine);
        // The old snapshot still holds the people: it goes first, so a failed rewrite leaves none.
        var snapshotPath = TableSnapshot.PathFor(storePath);
        if (!File.Exists(snapshotPath)) return new ForgetOutcome(counts, null);
        File.Delete(snapshotPath);
        return new ForgetOutcome(counts, TableSnapshot.Write(storePath));
    }
}

/// <summary>What a <c>forget</c> did.</summary>
/// <param name="Erased">What was removed.</param>
/// <param name="TableSnapshot">The table snapshot written again, or null when the store had none (or is a warehouse).</param>
public sealed record ForgetOutcome(ErasureCounts Erased, SnapshotOutcome? TableSnapshot)
{
    /// <summary>The object of <c>sextant forget --json</c> and <c>POST /api/v1/forget</c> (docs/JSON.md).</summary>
    public object ToJson() => new { Erased, TableSnapshot = TableSnapshot?.ToJson() };
}
