using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sextant.Ingest.Vendors;

/// <summary>
/// Google Analytics 4's BigQuery export, one row per event as JSON lines (<c>bq extract</c> or a
/// query's result): <c>event_timestamp</c> in microseconds (int64 values may be strings),
/// <c>event_params</c> and <c>user_properties</c> as arrays of <c>{key, value}</c>, the browser or
/// app instance as <c>user_pseudo_id</c> and the signed-in user as <c>user_id</c>. GA4 has no event
/// id, so a row is known by the hash of its content: the same row exported twice is stored once
/// (docs/CONNECTORS.md, GA4).
/// </summary>
internal sealed class Ga4Format : IVendorFormat
{
    /// <summary>The event parameter that becomes the session id rather than a property.</summary>
    private const string SessionParameter = "ga_session_id";

    public string Name => "ga4";

    /// <summary>GA4's own column names, which no canonical row and no other tool's export carries together.</summary>
    public bool Recognises(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object
        && item.TryGetProperty("event_name", out _)
        && item.TryGetProperty("event_timestamp", out _)
        && (item.TryGetProperty("user_pseudo_id", out _) || item.TryGetProperty("event_params", out _));

    public string? Translate(JsonElement item, VendorDrafts output)
    {
        if (item.ValueKind != JsonValueKind.Object) return $"expected a JSON object, found {item.ValueKind.ToString().ToLowerInvariant()}";
        if (!item.TryGetProperty("event_timestamp", out var time) || time.ValueKind == JsonValueKind.Null) return "no event_timestamp";
        if (!VendorTime.TryEpoch(time, 1, out var instant))
            return $"event_timestamp '{VendorJson.Text(time) ?? time.GetRawText()}' is not Unix microseconds";

        var draft = output.AddEvent();
        if (ReadParameters(item, "event_params", draft.Properties) is { } paramsError) return paramsError;
        var pseudoId = VendorJson.Text(item, "user_pseudo_id");
        var userId = VendorJson.Text(item, "user_id");
        draft.Event = VendorJson.Text(item, "event_name");
        draft.Timestamp = VendorTime.Text(instant);
        draft.AnonymousId = pseudoId;
        draft.UserId = userId;
        draft.SessionId = SessionOf(draft.Properties, pseudoId ?? userId);
        var device = VendorJson.Object(item, "device");
        draft.Platform = PlatformOf(VendorJson.Text(item, "platform"), VendorJson.Text(device, "category"));
        draft.Revenue = VendorJson.Number(VendorJson.Object(item, "ecommerce"), "purchase_revenue");
        CopyContext(item, device, draft.Properties);

        var userProperties = new JsonObject();
        if (ReadParameters(item, "user_properties", userProperties) is { } userError) return userError;
        if (userId is not null && userProperties.Count > 0) AddProfile(output, userId, userProperties, VendorJson.Object(item, "traffic_source"));
        return null;
    }

    /// <summary>
    /// The session id GA4 writes as the <c>ga_session_id</c> parameter (the session's start in Unix
    /// seconds), which is unique only per browser or app instance: ours is qualified by that instance.
    /// </summary>
    private static string? SessionOf(JsonObject properties, string? instance)
    {
        if (!properties.Remove(SessionParameter, out var session) || session is null) return null;
        var text = session.GetValueKind() == JsonValueKind.String ? session.GetValue<string>() : session.ToJsonString();
        return instance is null ? text : $"{instance}:{text}";
    }

    /// <summary>The <c>platform</c> column first (WEB, IOS, ANDROID), else the device category (desktop, mobile, tablet).</summary>
    private static string? PlatformOf(string? platform, string? category) =>
        platform?.ToLowerInvariant() ?? category?.ToLowerInvariant();

    /// <summary>Where the event happened and how the user first came, as flat properties; an event parameter of the same name wins.</summary>
    private static void CopyContext(JsonElement item, JsonElement device, JsonObject properties)
    {
        var geo = VendorJson.Object(item, "geo");
        var traffic = VendorJson.Object(item, "traffic_source");
        var webInfo = VendorJson.Object(device, "web_info");
        (string Name, string? Value)[] context =
        [
            ("country", VendorJson.Text(geo, "country")),
            ("region", VendorJson.Text(geo, "region")),
            ("city", VendorJson.Text(geo, "city")),
            ("device_category", VendorJson.Text(device, "category")),
            ("os", VendorJson.Text(device, "operating_system")),
            ("browser", VendorJson.Text(webInfo, "browser") ?? VendorJson.Text(device, "browser")),
            ("traffic_source", VendorJson.Text(traffic, "source")),
            ("traffic_medium", VendorJson.Text(traffic, "medium")),
            ("traffic_campaign", VendorJson.Text(traffic, "name")),
        ];
        foreach (var (name, value) in context)
            if (value is not null && !properties.ContainsKey(name)) properties[name] = value;
        if (item.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array && items.GetArrayLength() > 0 && !properties.ContainsKey("items"))
            properties["items"] = VendorJson.Node(items);
    }

    /// <summary>
    /// A profile update from the row's user properties. Its channel is the medium that first
    /// brought the user (<c>traffic_source.medium</c>, the same on every row of a user) unless a
    /// user property names the channel.
    /// </summary>
    private static void AddProfile(VendorDrafts output, string userId, JsonObject userProperties, JsonElement traffic)
    {
        var profile = output.AddProfile();
        profile.UserId = userId;
        profile.Plan = Take(userProperties, "plan");
        profile.Segment = Take(userProperties, "segment");
        profile.Channel = Take(userProperties, "channel") ?? VendorJson.Text(traffic, "medium");
        profile.Country = Take(userProperties, "country");
        profile.WorkspaceId = Take(userProperties, "workspace_id");
        profile.SignupAt = Take(userProperties, "signup_at");
        foreach (var (key, value) in userProperties) profile.Traits[key] = value?.DeepClone();
    }

    private static string? Take(JsonObject properties, string key)
    {
        if (!properties.Remove(key, out var value) || value is null) return null;
        return value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
    }

    /// <summary>
    /// Reads an array of <c>{key, value: {string_value | int_value | float_value | double_value}}</c>
    /// into flat values typed by the field that is set: text, or a number (int64 text becomes a
    /// number). A parameter whose value fields are all null is left out, as GA4 means "not sent".
    /// </summary>
    /// <returns>Null, or why the array cannot be read.</returns>
    private static string? ReadParameters(JsonElement item, string field, JsonObject target)
    {
        if (!item.TryGetProperty(field, out var parameters) || parameters.ValueKind == JsonValueKind.Null) return null;
        if (parameters.ValueKind != JsonValueKind.Array) return $"{field} is not an array of {{key, value}} (found {parameters.ValueKind.ToString().ToLowerInvariant()})";
        var index = 0;
        foreach (var parameter in parameters.EnumerateArray())
        {
            var key = VendorJson.Text(parameter, "key");
            if (key is null) return $"{field}[{index}] has no key (expected {{\"key\": …, \"value\": {{\"string_value\": …}}}})";
            var value = VendorJson.Object(parameter, "value");
            if (ValueOf(value) is { } node) target[key] = node;
            index++;
        }
        return null;
    }

    private static JsonNode? ValueOf(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object) return null;
        if (value.TryGetProperty("string_value", out var text) && text.ValueKind == JsonValueKind.String) return text.GetString();
        foreach (var name in (ReadOnlySpan<string>)["int_value", "float_value", "double_value"])
        {
            if (!value.TryGetProperty(name, out var number)) continue;
            if (number.ValueKind == JsonValueKind.Number) return JsonNode.Parse(number.GetRawText());
            if (number.ValueKind != JsonValueKind.String) continue;
            // BigQuery writes int64 as text; text that is not a number is kept as it came.
            return decimal.TryParse(number.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var parsed)
                ? JsonValue.Create(parsed)
                : number.GetString();
        }
        return null;
    }
}
