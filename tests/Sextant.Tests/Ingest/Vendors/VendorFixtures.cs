using System.Globalization;
using Sextant.Events;
using Sextant.Storage.Sqlite;

namespace Sextant.Tests.Ingest.Vendors;

/// <summary>One stored event as the vendor tests compare it: ids, name, UTC time text and the columns read from the source.</summary>
internal sealed record StoredVendorEvent(
    string? UserId, string? AnonymousId, string Event, string Timestamp, string? Platform, string? SessionId, string? Revenue,
    IReadOnlyDictionary<string, string?> Properties);

/// <summary>The hand-made vendor exports under Fixtures/ and what a store holds after ingesting them.</summary>
internal static class VendorFixtures
{
    public static string Path(string vendor, string file) =>
        System.IO.Path.Combine(AppContext.BaseDirectory, "Ingest", "Vendors", "Fixtures", vendor, file);

    /// <summary>Every stored event by its event id, with the named top-level properties (null when absent).</summary>
    public static Dictionary<string, StoredVendorEvent> Events(string storePath, params string[] properties)
    {
        using var store = SqliteStore.OpenReadOnly(storePath);
        var columns = store.ReadEventColumns();
        var source = store.ColumnSource;
        var ids = source.ReadColumn("event_id");
        var platforms = source.ReadColumn("platform");
        var sessions = source.ReadColumn("session_id");
        var revenues = source.ReadColumn("revenue");
        var values = properties.ToDictionary(p => p, source.ReadColumn);
        var events = new Dictionary<string, StoredVendorEvent>(StringComparer.Ordinal);
        for (var row = 0; row < columns.RowCount; row++)
        {
            var user = columns.UserCodes[row] == 0 ? null : columns.UserIds.Values[columns.UserCodes[row] - 1];
            var anonymous = columns.AnonymousCodes[row] == 0 ? null : columns.AnonymousIds.Values[columns.AnonymousCodes[row] - 1];
            var time = DateTimeOffset.UnixEpoch.AddTicks(columns.Timestamps[row] * 10).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
            events.Add(ids[row]!, new StoredVendorEvent(user, anonymous, columns.EventNames.Values[columns.EventCodes[row] - 1], time,
                platforms[row], sessions[row], revenues[row], values.ToDictionary(v => v.Key, v => v.Value[row])));
        }
        return events;
    }

    /// <summary>Which user each linked anonymous id belongs to, by the identity rule every analysis uses.</summary>
    public static IReadOnlyDictionary<string, string> Owners(string storePath)
    {
        using var store = SqliteStore.OpenReadOnly(storePath);
        return IdentityResolution.UsersOf(store.ReadLinks());
    }

    /// <summary>Every stored profile by user id.</summary>
    public static Dictionary<string, UserProfile> Profiles(string storePath)
    {
        using var store = SqliteStore.OpenReadOnly(storePath);
        return store.ReadProfiles().ToDictionary(p => p.UserId, StringComparer.Ordinal);
    }

    /// <summary>How many events the analyses count for each user once anonymous events are attributed.</summary>
    public static Dictionary<string, int> EventsPerUser(EventTable table) =>
        Enumerable.Range(0, table.UserCount).ToDictionary(
            u => table.UserKeys[u],
            u => table.UserOffsets[u + 1] - table.UserOffsets[u],
            StringComparer.Ordinal);

    /// <summary>The reason and line of each quarantined row, in file order.</summary>
    public static List<(string File, long Line, string Reason)> Quarantine(string path) =>
        [.. File.ReadAllLines(path).Select(line =>
        {
            using var json = System.Text.Json.JsonDocument.Parse(line);
            var root = json.RootElement;
            return (root.GetProperty("file").GetString()!, root.GetProperty("line").GetInt64(), root.GetProperty("reason").GetString()!);
        })];
}
