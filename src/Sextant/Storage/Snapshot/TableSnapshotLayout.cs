using Sextant.Events;

namespace Sextant.Storage.Snapshot;

/// <summary>
/// Which sections a table snapshot holds and how an <see cref="EventTable"/> maps onto them.
/// Everything stored is independent of the project's time zone: the calendar is laid over the
/// data's range when the table is opened. Bump <see cref="FormatVersion"/> whenever a section or
/// the rules that build the table (identity resolution, ordering, profile merging) change: a
/// snapshot of another version is ignored and rebuilt.
/// </summary>
internal static class TableSnapshotLayout
{
    public const int FormatVersion = 2;

    // scalars: event count, entity count, signed-up users, min and max instant, unmatched
    // subscriptions and assignments, then the store facts info shows (profiles, subscriptions,
    // assignments, ingest runs).
    private const string Scalars = "table.scalars";

    public static void Write(SnapshotFileWriter file, EventTable table, StoreFacts facts)
    {
        file.Add<long>(Scalars, [
            table.EventCount, table.UserCount, table.SignedUpUserCount, table.MinTimestamp, table.MaxTimestamp,
            table.Subscriptions.UnmatchedCount, table.Assignments.UnmatchedCount,
            facts.Users, facts.Subscriptions, facts.Assignments, facts.IngestRuns]);
        file.Add<long>("events.timestamp", table.Timestamps);
        file.Add<int>("events.event_code", table.EventCodes);
        file.Add<int>("events.store_row", table.StoreRows);
        file.Add<int>("entities.offsets", table.UserOffsets);
        file.Add<long>("entities.signup_at", table.SignupAt);
        file.AddStrings("entities.key", table.UserKeys);
        file.AddStrings("event_names", table.EventNames);
        WriteAttributes(file, table.Attributes);
        WriteSubscriptions(file, table.Subscriptions);
        WriteAssignments(file, table.Assignments);
        var summary = EventSummary.Of(table);
        file.Add<long>("summary.events", summary.Events);
        file.Add<long>("summary.users", summary.Users);
    }

    private static void WriteAttributes(SnapshotFileWriter file, UserAttributes attributes)
    {
        var names = attributes.Names.ToList();
        file.AddStrings("attributes", names);
        for (var i = 0; i < names.Count; i++)
        {
            var column = attributes[names[i]]!;
            file.Add<int>($"attribute.{i}.codes", column.Codes);
            file.AddStrings($"attribute.{i}.values", column.Values);
        }
    }

    private static void WriteSubscriptions(SnapshotFileWriter file, SubscriptionTable subscriptions)
    {
        file.Add<int>("subscriptions.user", subscriptions.User);
        file.Add<long>("subscriptions.start", subscriptions.Start);
        file.Add<long>("subscriptions.end", subscriptions.End);
        file.Add<double>("subscriptions.mrr", subscriptions.Mrr);
        var currency = CodedColumn.Encode(subscriptions.Currency);
        file.Add<int>("subscriptions.currency.codes", currency.Codes);
        file.AddStrings("subscriptions.currency.values", currency.Values);
        file.Add<byte>("subscriptions.trial", [.. subscriptions.Trial.Select(trial => trial ? (byte)1 : (byte)0)]);
        var plan = CodedColumn.Encode(subscriptions.Plan);
        file.Add<int>("subscriptions.plan.codes", plan.Codes);
        file.AddStrings("subscriptions.plan.values", plan.Values);
        var status = CodedColumn.Encode(subscriptions.Status);
        file.Add<int>("subscriptions.status.codes", status.Codes);
        file.AddStrings("subscriptions.status.values", status.Values);
    }

    private static void WriteAssignments(SnapshotFileWriter file, AssignmentTable assignments)
    {
        file.AddStrings("assignments.experiment_names", assignments.ExperimentNames);
        file.Add<int>("assignments.experiment", assignments.Experiment);
        file.Add<int>("assignments.user", assignments.User);
        var variant = CodedColumn.Encode(assignments.Variant);
        file.Add<int>("assignments.variant.codes", variant.Codes);
        file.AddStrings("assignments.variant.values", variant.Values);
        file.Add<long>("assignments.assigned_at", assignments.AssignedAt);
    }

    /// <summary>The table, with its calendar in <paramref name="zone"/> and properties read through <paramref name="columnSource"/>.</summary>
    /// <exception cref="InvalidDataException">A section is missing, damaged or inconsistent with the others.</exception>
    public static EventTable Read(SnapshotFileReader file, TimeZoneInfo zone, IEventColumnSource columnSource)
    {
        var scalars = ReadScalars(file);
        if (scalars[0] < 0 || scalars[0] > Array.MaxLength || scalars[1] < 0 || scalars[1] > Array.MaxLength) throw new InvalidDataException("the snapshot's counts are damaged");
        var (eventCount, entityCount, signedUp) = ((int)scalars[0], (int)scalars[1], (int)scalars[2]);
        long min = scalars[3], max = scalars[4];
        TableMemory.EnsureFits(eventCount, TableMemory.OpenBytesPerEvent, "opening its table snapshot");

        long[] timestamps = [];
        int[] eventCodes = [], offsets = [];
        try
        {
            Parallel.Invoke(
                () => timestamps = file.ReadArray<long>("events.timestamp"),
                () => eventCodes = file.ReadArray<int>("events.event_code"),
                () => offsets = file.ReadArray<int>("entities.offsets"));
        }
        catch (AggregateException exception) when (exception.InnerException is InvalidDataException or IOException)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception.InnerException);
        }
        // Store rows are needed only to decode an event property; the open file keeps them readable
        // even after a later ingest renames a new snapshot over this one.
        var storeRows = new Lazy<int[]>(() => Deferred(() => file.ReadArray<int>("events.store_row"), eventCount));
        var eventNames = file.ReadStrings("event_names");
        // Entity keys (a million strings for a million users) are decoded only by the few analyses that name users.
        var userKeys = new Lazy<string[]>(() => Deferred(() => file.ReadStrings("entities.key"), entityCount));
        var signups = file.ReadArray<long>("entities.signup_at");
        if (timestamps.Length != eventCount || eventCodes.Length != eventCount
            || offsets.Length != entityCount + 1 || signups.Length != entityCount
            || signedUp > entityCount || offsets[^1] != eventCount)
            throw new InvalidDataException("the snapshot's sections disagree in length");

        CheckOffsets(offsets, eventCount);
        var calendar = eventCount == 0 ? new ProjectCalendar(zone, 0, 0) : new ProjectCalendar(zone, min, max);
        return new EventTable(timestamps, eventCodes, storeRows, offsets, eventNames, entityCount, userKeys, signedUp,
            signups, ReadAttributes(file, entityCount), calendar, columnSource)
        {
            MinTimestamp = min,
            MaxTimestamp = max,
            Subscriptions = ReadSubscriptions(file, (int)scalars[5]),
            Assignments = ReadAssignments(file, (int)scalars[6]),
        };
    }

    /// <summary>
    /// Counts per event name, the table's totals and the store facts recorded with the snapshot
    /// (the file size is the store's own), without reading any event.
    /// </summary>
    public static (EventSummary Summary, StoreFacts Facts) ReadSummary(SnapshotFileReader file, long sizeBytes)
    {
        var scalars = ReadScalars(file);
        var summary = new EventSummary(file.ReadStrings("event_names"), file.ReadArray<long>("summary.events"), file.ReadArray<long>("summary.users"),
            scalars[0], scalars[1], scalars[2], scalars[3], scalars[4]);
        return (summary, new StoreFacts(scalars[7], scalars[8], scalars[9], scalars[10], sizeBytes));
    }

    private static long[] ReadScalars(SnapshotFileReader file)
    {
        var scalars = file.ReadArray<long>(Scalars);
        return scalars.Length >= 11 ? scalars : throw new InvalidDataException("the snapshot's scalars are cut short");
    }

    private static void CheckOffsets(int[] offsets, int eventCount)
    {
        if (offsets[0] != 0) throw new InvalidDataException("the snapshot's entity offsets are damaged");
        for (var entity = 1; entity < offsets.Length; entity++)
            if (offsets[entity] < offsets[entity - 1]) throw new InvalidDataException("the snapshot's entity offsets are damaged");
    }

    /// <summary>A section read after the table opened: damage found then can no longer fall back to the store, so it is a clear error.</summary>
    private static T[] Deferred<T>(Func<T[]> read, int expectedLength)
    {
        try
        {
            var values = read();
            return values.Length == expectedLength ? values : throw new InvalidDataException("a section disagrees in length with the table");
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            throw new SextantException($"the table snapshot cannot be read: {exception.Message}; delete it or run 'sextant snapshot'");
        }
    }

    private static UserAttributes ReadAttributes(SnapshotFileReader file, int entityCount)
    {
        var names = file.ReadStrings("attributes");
        var columns = new Dictionary<string, CodedColumn>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            var codes = file.ReadArray<int>($"attribute.{i}.codes");
            var values = file.ReadStrings($"attribute.{i}.values");
            if (codes.Length != entityCount) throw new InvalidDataException($"the snapshot's attribute {names[i]} disagrees in length");
            CheckCodes(codes, values.Length, names[i], allowMissing: true);
            columns[names[i]] = new CodedColumn(codes, values);
        }
        return new UserAttributes(columns);
    }

    private static SubscriptionTable ReadSubscriptions(SnapshotFileReader file, int unmatched)
    {
        var currencyCodes = file.ReadArray<int>("subscriptions.currency.codes");
        var currencyValues = file.ReadStrings("subscriptions.currency.values");
        CheckCodes(currencyCodes, currencyValues.Length, "subscription currency", allowMissing: false);
        var trial = file.ReadArray<byte>("subscriptions.trial");
        var planCodes = file.ReadArray<int>("subscriptions.plan.codes");
        var planValues = file.ReadStrings("subscriptions.plan.values");
        CheckCodes(planCodes, planValues.Length, "subscription plan", allowMissing: false);
        var statusCodes = file.ReadArray<int>("subscriptions.status.codes");
        var statusValues = file.ReadStrings("subscriptions.status.values");
        CheckCodes(statusCodes, statusValues.Length, "subscription status", allowMissing: false);
        return new SubscriptionTable(file.ReadArray<int>("subscriptions.user"), file.ReadArray<long>("subscriptions.start"),
            file.ReadArray<long>("subscriptions.end"), file.ReadArray<double>("subscriptions.mrr"),
            [.. currencyCodes.Select(code => currencyValues[code - 1])], [.. trial.Select(value => value != 0)],
            [.. planCodes.Select(code => planValues[code - 1])], [.. statusCodes.Select(code => statusValues[code - 1])], unmatched);
    }

    private static AssignmentTable ReadAssignments(SnapshotFileReader file, int unmatched)
    {
        var variantCodes = file.ReadArray<int>("assignments.variant.codes");
        var variantValues = file.ReadStrings("assignments.variant.values");
        CheckCodes(variantCodes, variantValues.Length, "assignment variant", allowMissing: false);
        var variants = new string[variantCodes.Length];
        for (var i = 0; i < variants.Length; i++) variants[i] = variantValues[variantCodes[i] - 1];
        return new AssignmentTable(file.ReadStrings("assignments.experiment_names"), file.ReadArray<int>("assignments.experiment"),
            file.ReadArray<int>("assignments.user"), variants, file.ReadArray<long>("assignments.assigned_at"), unmatched);
    }

    private static void CheckCodes(int[] codes, int valueCount, string what, bool allowMissing)
    {
        var lowest = allowMissing ? 0 : 1;
        foreach (var code in codes)
            if (code < lowest || code > valueCount) throw new InvalidDataException($"the snapshot's {what} codes are damaged");
    }
}
