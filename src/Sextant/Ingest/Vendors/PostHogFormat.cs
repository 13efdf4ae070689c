using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sextant.Ingest.Vendors;

/// <summary>
/// PostHog's events export: JSON lines (a batch or file-download export, or the events API's
/// rows) or CSV with a <c>properties</c> column of JSON text or dotted <c>properties.$browser</c>
/// columns. Each row has <c>uuid</c>, <c>event</c>, <c>distinct_id</c>, an ISO <c>timestamp</c> and
/// the properties, where <c>$set</c> and <c>$set_once</c> update the person (docs/CONNECTORS.md, PostHog).
/// </summary>
internal sealed class PostHogFormat : IVendorFormat
{
    /// <summary>Properties that become canonical fields or the profile.</summary>
    private static readonly HashSet<string> ConsumedProperties = new(StringComparer.Ordinal) { "$set", "$set_once", "$session_id" };

    /// <summary>Top-level fields read into canonical fields or the profile; other top-level fields are kept among the properties.</summary>
    private static readonly HashSet<string> ConsumedFields = new(StringComparer.Ordinal)
    {
        "uuid", "event", "distinct_id", "timestamp", "properties", "person_properties", "person", "set", "set_once", "$set", "$set_once", "session_id", "_inserted_at",
    };

    private const string TimeExpected = "expected ISO-8601 like 2024-03-01T09:00:00.000Z";

    public string Name => "posthog";

    /// <summary>
    /// <c>uuid</c>, <c>event</c>, <c>distinct_id</c> and <c>timestamp</c> together, without the names
    /// other tools use (Segment's <c>type</c>, a canonical row's <c>user_id</c>).
    /// </summary>
    public bool Recognises(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object
        && item.TryGetProperty("event", out var name) && name.ValueKind == JsonValueKind.String
        && item.TryGetProperty("uuid", out _) && item.TryGetProperty("distinct_id", out _) && item.TryGetProperty("timestamp", out _)
        && !item.TryGetProperty("type", out _) && !item.TryGetProperty("user_id", out _) && !item.TryGetProperty("anonymous_id", out _)
        && !item.TryGetProperty("event_type", out _);

    public string? Translate(JsonElement item, VendorDrafts output)
    {
        var error = ObjectField(item, "properties", out var properties, out var propertiesDocument);
        using var ownedProperties = propertiesDocument;
        if (error is not null) return error;
        var name = VendorJson.Text(item, "event");
        if (!item.TryGetProperty("timestamp", out var time) || time.ValueKind == JsonValueKind.Null) return $"no timestamp ({TimeExpected})";
        if (!VendorTime.TryText(time, out var instant)) return $"timestamp '{Raw(time)}' is not a timestamp ({TimeExpected})";

        var draft = output.AddEvent();
        draft.Event = name;
        draft.Timestamp = VendorTime.Text(instant);
        (draft.UserId, draft.AnonymousId) = Identity(name, VendorJson.Text(item, "distinct_id"), properties);
        draft.EventId = VendorEventIds.FromInsertId(VendorJson.Text(item, "uuid"), name, instant);
        draft.SessionId = VendorJson.Text(properties, "$session_id") ?? VendorJson.Text(item, "session_id");
        draft.Platform = PlatformOf(properties);
        var revenueKey = properties.ValueKind != JsonValueKind.Object ? null
            : properties.TryGetProperty("$revenue", out _) ? "$revenue" : properties.TryGetProperty("revenue", out _) ? "revenue" : null;
        if (revenueKey is not null) draft.Revenue = VendorJson.MoneyText(properties.GetProperty(revenueKey));
        VendorJson.CopyExcept(properties, draft.Properties, ConsumedProperties);
        if (revenueKey is not null && draft.Revenue is not null) draft.Properties.Remove(revenueKey);
        foreach (var field in item.EnumerateObject())
        {
            if (ConsumedFields.Contains(field.Name) || field.Value.ValueKind == JsonValueKind.Null || draft.Properties.ContainsKey(field.Name)) continue;
            draft.Properties[field.Name] = VendorJson.Node(field.Value);
        }
        return draft.UserId is null ? null : AddProfile(item, properties, draft.UserId, output);
    }

    /// <summary>
    /// An <c>$identify</c> event joins its <c>$anon_distinct_id</c> to the identified distinct id. Any
    /// other event is anonymous when its distinct id is the device's own id (<c>$device_id</c>) or it was
    /// sent without a person profile (<c>$process_person_profile</c> false); otherwise the distinct id is
    /// the user and the device id, when it differs, the anonymous id the event links to them.
    /// </summary>
    private static (string? User, string? Anonymous) Identity(string? name, string? distinctId, JsonElement properties)
    {
        var deviceId = VendorJson.Text(properties, "$device_id");
        if (name == "$identify")
            return (distinctId, VendorJson.Text(properties, "$anon_distinct_id") ?? (deviceId != distinctId ? deviceId : null));
        if (distinctId is null) return (null, deviceId);
        if (distinctId == deviceId || VendorJson.Text(properties, "$process_person_profile") == "false") return (null, distinctId);
        return (distinctId, deviceId != distinctId ? deviceId : null);
    }

    /// <summary>
    /// The person's update: <c>$set_once</c>, then the person's properties at ingestion
    /// (<c>person_properties</c> or <c>person.properties</c>), then <c>$set</c>, a later source
    /// winning a clash. Null when the row sets nothing; otherwise why a person column cannot be read.
    /// </summary>
    private static string? AddProfile(JsonElement item, JsonElement properties, string userId, VendorDrafts output)
    {
        var profile = output.AddProfile();
        profile.UserId = userId;
        FillProfile(profile, VendorJson.Object(properties, "$set_once"));
        FillProfile(profile, VendorJson.Object(item, "set_once"));
        FillProfile(profile, VendorJson.Object(item, "$set_once"));
        var error = ObjectField(item, "person_properties", out var person, out var personDocument);
        using (personDocument)
        {
            if (error is not null) return error;
            FillProfile(profile, person.ValueKind == JsonValueKind.Object ? person : VendorJson.Object(VendorJson.Object(item, "person"), "properties"));
        }
        FillProfile(profile, VendorJson.Object(properties, "$set"));
        FillProfile(profile, VendorJson.Object(item, "set"));
        FillProfile(profile, VendorJson.Object(item, "$set"));
        if (profile.Country is null && profile.Traits["$geoip_country_code"] is JsonValue code && code.TryGetValue<string>(out var country)) profile.Country = country;
        if (profile.Country is null && profile.Platform is null && profile.Plan is null && profile.Segment is null
            && profile.Channel is null && profile.WorkspaceId is null && profile.SignupAt is null && profile.Traits.Count == 0)
            output.Records.Remove(profile);
        return null;
    }

    private static void FillProfile(ProfileDraft profile, JsonElement properties)
    {
        if (properties.ValueKind != JsonValueKind.Object) return;
        foreach (var property in properties.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Null) continue;
            profile.Set(property.Name, property.Value, text => text.ToLowerInvariant());
        }
    }

    /// <summary>
    /// A field holding a JSON object, as an object (JSON lines) or as JSON text (a CSV column, a
    /// Parquet-shaped row); an undefined element when absent or empty.
    /// </summary>
    /// <returns>Null, or why the field is not an object.</returns>
    private static string? ObjectField(JsonElement item, string name, out JsonElement value, out JsonDocument? parsed)
    {
        value = default;
        parsed = null;
        if (!item.TryGetProperty(name, out var field) || field.ValueKind == JsonValueKind.Null) return null;
        if (field.ValueKind == JsonValueKind.Object)
        {
            value = field;
            return null;
        }
        var text = field.ValueKind == JsonValueKind.String ? field.GetString()! : field.GetRawText();
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            parsed = JsonDocument.Parse(text);
        }
        catch (JsonException exception)
        {
            return $"{name} is not a JSON object (malformed JSON: {exception.Message.Split(". ")[0]})";
        }
        if (parsed.RootElement.ValueKind != JsonValueKind.Object)
            return $"{name} is not a JSON object (found {parsed.RootElement.ValueKind.ToString().ToLowerInvariant()})";
        value = parsed.RootElement;
        return null;
    }

    /// <summary>
    /// web for posthog-js; ios or android for the native libraries, and for React Native and Flutter
    /// from <c>$os</c>; none for server libraries (<c>$lib</c> stays among the properties).
    /// </summary>
    private static string? PlatformOf(JsonElement properties)
    {
        var library = VendorJson.Text(properties, "$lib")?.ToLowerInvariant();
        switch (library)
        {
            case "web": return "web";
            case "posthog-ios": return "ios";
            case "posthog-android": return "android";
            case "posthog-react-native" or "posthog-flutter":
                return VendorJson.Text(properties, "$os")?.ToLowerInvariant() switch
                {
                    "ios" or "ipados" => "ios",
                    "android" => "android",
                    _ => null,
                };
            default: return null;
        }
    }

    private static string Raw(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
