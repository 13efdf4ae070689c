using System.Globalization;
using System.Text.Json;

namespace Sextant.Ingest.Vendors;

/// <summary>
/// Mixpanel's raw event export: JSON lines of exactly <c>{"event": …, "properties": {…}}</c>, the
/// person's <c>distinct_id</c> and the <c>time</c> inside the properties (docs/CONNECTORS.md, Mixpanel).
/// Under simplified ID merge an anonymous event's <c>distinct_id</c> is <c>$device:&lt;id&gt;</c> and an
/// identified one carries <c>$user_id</c> and <c>$device_id</c> together, which links the device
/// to the user. Under the original ID merge an anonymous distinct id equals <c>$device_id</c>, and
/// the <c>$identify</c>, <c>$create_alias</c> and <c>$merge</c> events name the ids they join.
/// </summary>
internal sealed class MixpanelFormat : IVendorFormat
{
    private const string DevicePrefix = "$device:";

    /// <summary>Properties that become canonical fields, so they are not repeated among the properties.</summary>
    private static readonly HashSet<string> Consumed = new(StringComparer.Ordinal)
    {
        "time", "distinct_id", "$insert_id", "$device_id", "$user_id", "$session_id",
    };

    public string Name => "mixpanel";

    /// <summary>
    /// Only <c>event</c> and <c>properties</c> at the top, with <c>properties.time</c>: no other tool's
    /// row (Segment's and PostHog's carry ids and a timestamp beside them) nor a canonical one has that shape.
    /// </summary>
    public bool Recognises(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object) return false;
        foreach (var field in item.EnumerateObject())
            if (field.Name is not ("event" or "properties")) return false;
        return item.TryGetProperty("event", out var name) && name.ValueKind == JsonValueKind.String
            && VendorJson.Object(item, "properties").ValueKind == JsonValueKind.Object
            && item.GetProperty("properties").TryGetProperty("time", out _);
    }

    public string? Translate(JsonElement item, VendorDrafts output)
    {
        var properties = VendorJson.Object(item, "properties");
        if (properties.ValueKind != JsonValueKind.Object)
            return "no properties object (expected {\"event\": …, \"properties\": {\"time\": …, \"distinct_id\": …}})";
        var name = VendorJson.Text(item, "event");
        if (!properties.TryGetProperty("time", out var time)) return "no properties.time (expected Unix seconds or milliseconds)";
        if (!VendorTime.TrySecondsOrMilliseconds(time, out var wallClock))
            return $"properties.time '{Raw(time)}' is not Unix seconds or milliseconds (expected e.g. 1709283600)";

        var draft = output.AddEvent();
        draft.Event = name;
        // Projects created before 2023 export their own time zone's wall clock as if it were UTC:
        // written without an offset, the import zone (--timezone, UTC by default) reads it back.
        draft.Timestamp = WallClockText(wallClock);
        (draft.UserId, draft.AnonymousId) = Identity(name, properties);
        draft.SessionId = VendorJson.Text(properties, "$session_id");
        draft.Platform = PlatformOf(properties);
        draft.EventId = VendorEventIds.FromInsertId(VendorJson.Text(properties, "$insert_id"), name, wallClock);
        var revenueKey = properties.TryGetProperty("$revenue", out _) ? "$revenue" : properties.TryGetProperty("revenue", out _) ? "revenue" : null;
        if (revenueKey is not null) draft.Revenue = VendorJson.MoneyText(properties.GetProperty(revenueKey));
        VendorJson.CopyExcept(properties, draft.Properties, Consumed);
        if (revenueKey is not null && draft.Revenue is not null) draft.Properties.Remove(revenueKey);
        return null;
    }

    /// <summary>The user and the anonymous id of an event, by the ID merge rules (docs/CONNECTORS.md, Mixpanel).</summary>
    private static (string? User, string? Anonymous) Identity(string? name, JsonElement properties)
    {
        var distinctId = VendorJson.Text(properties, "distinct_id");
        switch (name)
        {
            case "$identify":
                // Original ID merge: the anonymous id joins the identified one.
                return (VendorJson.Text(properties, "$identified_id") ?? distinctId,
                    Device(VendorJson.Text(properties, "$anon_id") ?? VendorJson.Text(properties, "$anon_distinct_id") ?? VendorJson.Text(properties, "$device_id")));
            case "$create_alias":
                // The alias is the new (known) id given to the person the distinct id named so far.
                if (VendorJson.Text(properties, "alias") is { } alias) return (alias, Device(distinctId));
                break;
            case "$merge":
                if (properties.TryGetProperty("$distinct_ids", out var ids) && ids.ValueKind == JsonValueKind.Array && ids.GetArrayLength() == 2)
                {
                    var first = VendorJson.Text(ids[0]);
                    var second = VendorJson.Text(ids[1]);
                    // Mixpanel picks the surviving id at random; a device id is the anonymous side when
                    // there is one, otherwise the first id is linked to the second.
                    return first?.StartsWith(DevicePrefix, StringComparison.Ordinal) == false && second?.StartsWith(DevicePrefix, StringComparison.Ordinal) == true
                        ? (first, Device(second))
                        : (second, Device(first));
                }
                break;
        }

        var userId = VendorJson.Text(properties, "$user_id");
        var deviceId = VendorJson.Text(properties, "$device_id");
        if (distinctId is not null && distinctId.StartsWith(DevicePrefix, StringComparison.Ordinal))
            deviceId ??= Device(distinctId);
        else if (userId is null && distinctId is not null && distinctId != deviceId)
            userId = distinctId;
        return (userId, deviceId);
    }

    /// <summary>A device id without the <c>$device:</c> prefix simplified ID merge gives anonymous distinct ids.</summary>
    private static string? Device(string? id) =>
        id is not null && id.StartsWith(DevicePrefix, StringComparison.Ordinal) && id.Length > DevicePrefix.Length ? id[DevicePrefix.Length..] : id;

    /// <summary>
    /// web for the JavaScript library; ios or android for the native libraries, and for the
    /// cross-platform ones (React Native, Flutter, Unity) from <c>$os</c>; none for server libraries,
    /// whose events say nothing of the user's device (<c>mp_lib</c> stays among the properties).
    /// </summary>
    private static string? PlatformOf(JsonElement properties)
    {
        var library = VendorJson.Text(properties, "mp_lib")?.ToLowerInvariant();
        switch (library)
        {
            case "web": return "web";
            case "android": return "android";
            case "iphone" or "swift": return "ios";
            case "react-native" or "flutter" or "unity":
                var os = VendorJson.Text(properties, "$os")?.ToLowerInvariant();
                return os switch
                {
                    "ios" or "iphone os" or "ipados" => "ios",
                    "android" => "android",
                    _ => null,
                };
            default: return null;
        }
    }

    private static string WallClockText(long unixMicroseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks(unixMicroseconds * 10).ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    private static string Raw(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
