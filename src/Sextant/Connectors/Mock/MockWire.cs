using System.Globalization;
using System.Text.Json.Nodes;

namespace Sextant.Connectors.Mock;

/// <summary>
/// A generated event as each vendor's export writes it (field names from the vendors' export
/// documentation; docs/CONNECTORS.md has the tables).
/// </summary>
internal static class MockWire
{
    /// <summary>Mixpanel raw export, simplified ID merge: anonymous events have distinct_id <c>$device:&lt;id&gt;</c>.</summary>
    public static JsonObject Mixpanel(MockEvent e)
    {
        var properties = new JsonObject
        {
            ["time"] = e.Time.ToUnixTimeMilliseconds(),
            ["distinct_id"] = e.UserId ?? "$device:" + e.DeviceId,
            ["$device_id"] = e.DeviceId,
            ["$insert_id"] = e.Id.Replace("-", "", StringComparison.Ordinal)[..20],
            ["mp_lib"] = "web",
            ["$browser"] = "Chrome",
            ["$os"] = "Mac OS X",
            ["plan"] = e.Plan,
        };
        if (e.UserId is not null) properties["$user_id"] = e.UserId;
        if (e.Revenue is { } revenue) properties["$revenue"] = revenue;
        return new JsonObject { ["event"] = e.Name, ["properties"] = properties };
    }

    /// <summary>Amplitude export: event_time as 'yyyy-MM-dd HH:mm:ss.ffffff' UTC, ids at the top, properties apart.</summary>
    public static JsonObject Amplitude(MockEvent e)
    {
        var eventProperties = new JsonObject { ["plan"] = e.Plan };
        if (e.Revenue is { } revenue) eventProperties["revenue"] = revenue;
        var stamp = e.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["uuid"] = e.Id,
            ["$insert_id"] = e.Id,
            ["event_type"] = e.Name,
            ["event_time"] = stamp,
            ["client_event_time"] = stamp,
            ["server_upload_time"] = e.Time.AddSeconds(2).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
            ["user_id"] = e.UserId,
            ["device_id"] = e.DeviceId,
            ["session_id"] = e.Time.ToUnixTimeMilliseconds() / 3_600_000 * 3_600_000,
            ["platform"] = "Web",
            ["os_name"] = "Chrome",
            ["country"] = "Germany",
            ["revenue"] = e.Revenue,
            ["event_properties"] = eventProperties,
            ["user_properties"] = new JsonObject { ["plan"] = e.Plan },
        };
    }

    /// <summary>
    /// PostHog event as its API lists it: the distinct id is the device's until sign-up, when an
    /// <c>$identify</c> event carries <c>$anon_distinct_id</c> and the user's id after it.
    /// </summary>
    public static JsonObject PostHog(MockEvent e)
    {
        var distinctId = e.UserId ?? e.DeviceId;
        var properties = new JsonObject
        {
            ["$device_id"] = e.DeviceId,
            ["$browser"] = "Chrome",
            ["$os"] = "Mac OS X",
            ["$lib"] = "web",
            ["plan"] = e.Plan,
        };
        if (e.Identifies) properties["$anon_distinct_id"] = e.DeviceId;
        if (e.Revenue is { } revenue) properties["revenue"] = revenue;
        return new JsonObject
        {
            ["id"] = e.Id,
            ["uuid"] = e.Id,
            ["event"] = e.Name,
            ["distinct_id"] = distinctId,
            ["properties"] = properties,
            ["timestamp"] = e.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["person"] = e.UserId is null ? null : new JsonObject { ["distinct_ids"] = new JsonArray(e.UserId, e.DeviceId), ["properties"] = new JsonObject { ["plan"] = e.Plan } },
        };
    }
}
