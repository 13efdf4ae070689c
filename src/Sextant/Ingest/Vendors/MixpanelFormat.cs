using System.Text.Json;

namespace Sextant.Ingest.Vendors;

/// <summary>
/// Mixpanel's raw event export (JSON lines of <c>{"event": …, "properties": {…}}</c>). Under
/// simplified ID merge an anonymous event's <c>distinct_id</c> is <c>$device:&lt;id&gt;</c> and an
/// identified one carries <c>$user_id</c> and <c>$device_id</c> together, which links the device
/// to the user (docs/CONNECTORS.md, Identity). Under the original ID merge an anonymous
/// distinct id equals <c>$device_id</c>.
/// </summary>
internal sealed class MixpanelFormat : IVendorFormat
{
    private static readonly HashSet<string> Consumed = new(StringComparer.Ordinal)
    {
        "time", "distinct_id", "$insert_id", "$device_id", "$user_id", "$session_id", "$revenue", "revenue",
    };

    public string Name => "mixpanel";

    public bool Recognises(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object
        && item.TryGetProperty("event", out var name) && name.ValueKind == JsonValueKind.String
        && VendorJson.Object(item, "properties") is { ValueKind: JsonValueKind.Object } properties
        && properties.TryGetProperty("time", out _)
        && !item.TryGetProperty("uuid", out _)
        && !item.TryGetProperty("distinct_id", out _);

    public string? Translate(JsonElement item, VendorDrafts output)
    {
        var properties = VendorJson.Object(item, "properties");
        if (properties.ValueKind != JsonValueKind.Object) return "no properties object (expected {\"event\": …, \"properties\": {\"time\": …, \"distinct_id\": …}})";
        var name = VendorJson.Text(item, "event");
        if (!properties.TryGetProperty("time", out var time)) return "no properties.time";
        if (!VendorTime.TrySecondsOrMilliseconds(time, out var instant))
            return $"properties.time '{time.GetRawText()}' is not Unix seconds or milliseconds";

        var draft = output.AddEvent();
        draft.Event = name;
        draft.Timestamp = VendorTime.Text(instant);
        var distinctId = VendorJson.Text(properties, "distinct_id");
        var deviceId = VendorJson.Text(properties, "$device_id");
        draft.UserId = VendorJson.Text(properties, "$user_id");
        if (distinctId is not null && distinctId.StartsWith("$device:", StringComparison.Ordinal))
        {
            deviceId ??= distinctId["$device:".Length..];
        }
        else if (draft.UserId is null && distinctId is not null && distinctId != deviceId)
        {
            draft.UserId = distinctId;
        }
        draft.AnonymousId = deviceId;
        draft.SessionId = VendorJson.Text(properties, "$session_id");
        draft.Platform = PlatformOf(properties);
        draft.Revenue = VendorJson.Number(properties, "$revenue") ?? VendorJson.Number(properties, "revenue");
        draft.EventId = VendorEventIds.FromInsertId(VendorJson.Text(properties, "$insert_id"), name, instant);
        VendorJson.CopyExcept(properties, draft.Properties, Consumed);
        return null;
    }

    /// <summary>web for the JavaScript library; ios or android from the operating system; else the library's name.</summary>
    private static string? PlatformOf(JsonElement properties)
    {
        var library = VendorJson.Text(properties, "mp_lib");
        if (library == "web") return "web";
        var os = VendorJson.Text(properties, "$os")?.ToLowerInvariant();
        if (os is "ios" or "iphone os" or "ipados") return "ios";
        if (os == "android") return "android";
        return library;
    }
}
