using System.Globalization;
using System.Text.Json;

namespace Sextant.Ingest.Vendors;

/// <summary>
/// Amplitude's Export API: a zip of gzipped JSON-lines files (one or more per hour, in a folder
/// named by the project id), or those JSON lines themselves. Each line is one event with
/// <c>event_type</c>, <c>event_time</c> (UTC text), <c>user_id</c>, <c>device_id</c> and the event's and
/// user's properties; an <c>$identify</c> line only sets user properties (docs/CONNECTORS.md, Amplitude).
/// </summary>
internal sealed class AmplitudeFormat : IVendorFormat
{
    /// <summary>Top-level fields that become canonical fields or the profile; every other one is kept among the properties.</summary>
    private static readonly HashSet<string> Consumed = new(StringComparer.Ordinal)
    {
        "uuid", "$insert_id", "event_type", "event_time", "user_id", "device_id", "session_id",
        "event_properties", "user_properties", "platform", "revenue",
    };

    /// <summary>The user-property operations of an identify payload; only $set and $setOnce can be read as values.</summary>
    private static readonly HashSet<string> Operations = new(StringComparer.Ordinal)
    {
        "$set", "$setOnce", "$add", "$append", "$prepend", "$unset", "$preInsert", "$postInsert", "$remove", "$clearAll",
    };

    private const string TimeExpected = "expected UTC text like 2024-03-01 09:00:00.123000";

    public string Name => "amplitude";

    /// <summary>
    /// <c>event_type</c> with a field only Amplitude writes (<c>amplitude_id</c>, <c>server_upload_time</c>,
    /// <c>client_event_time</c>): <c>event_type</c> and <c>event_time</c> alone are aliases a canonical file may use.
    /// </summary>
    public bool Recognises(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object
        && item.TryGetProperty("event_type", out var name) && name.ValueKind == JsonValueKind.String
        && !item.TryGetProperty("event", out _)
        && (item.TryGetProperty("amplitude_id", out _) || item.TryGetProperty("server_upload_time", out _) || item.TryGetProperty("client_event_time", out _));

    public string? Translate(JsonElement item, VendorDrafts output)
    {
        var name = VendorJson.Text(item, "event_type");
        var userId = VendorJson.Text(item, "user_id");
        switch (name)
        {
            case "$identify":
                // An identify call sets user properties and is not something the user did.
                if (userId is null) return "an $identify without user_id sets properties of an anonymous device, which are not kept (expected a user_id)";
                if (AddProfile(item, userId, output) is null) return "an $identify without user properties (expected a user_properties object)";
                return null;
            case "$groupidentify":
                return "a $groupidentify sets properties of a group, which are not read (expected a user's event)";
        }

        if (!item.TryGetProperty("event_time", out var time) || time.ValueKind == JsonValueKind.Null) return $"no event_time ({TimeExpected})";
        if (!VendorTime.TryText(time, out var instant))
            return $"event_time '{Raw(time)}' is not a timestamp ({TimeExpected})";
        var revenueError = Revenue(item, out var revenue, out var revenueKey);
        if (revenueError is not null) return revenueError;

        var draft = output.AddEvent();
        draft.Event = name;
        draft.Timestamp = VendorTime.Text(instant);
        draft.UserId = userId;
        draft.AnonymousId = VendorJson.Text(item, "device_id");
        draft.EventId = VendorEventIds.FromInsertId(VendorJson.Text(item, "$insert_id") ?? VendorJson.Text(item, "uuid"), name, instant);
        draft.SessionId = SessionOf(item);
        draft.Platform = PlatformOf(VendorJson.Text(item, "platform"));
        draft.Revenue = revenue;
        var eventProperties = VendorJson.Object(item, "event_properties");
        VendorJson.CopyExcept(eventProperties, draft.Properties, revenueKey is null ? [] : new HashSet<string>(StringComparer.Ordinal) { revenueKey });
        // Device and location fields go beside the event's own properties, which win a clash.
        foreach (var field in item.EnumerateObject())
        {
            if (Consumed.Contains(field.Name) || field.Value.ValueKind == JsonValueKind.Null || eventProperties.ValueKind == JsonValueKind.Object && eventProperties.TryGetProperty(field.Name, out _)) continue;
            draft.Properties[field.Name] = VendorJson.Node(field.Value);
        }
        if (userId is not null) AddProfile(item, userId, output);
        return null;
    }

    /// <summary>
    /// A profile update from <c>user_properties</c> and the device's country and platform (Amplitude's
    /// default user properties); null, and nothing added, when the row tells nothing about the user.
    /// </summary>
    private static ProfileDraft? AddProfile(JsonElement item, string userId, VendorDrafts output)
    {
        var profile = output.AddProfile();
        profile.UserId = userId;
        var properties = VendorJson.Object(item, "user_properties");
        // Identify payloads may carry operations: $setOnce first, so $set wins a clash; the
        // operations that add to or remove from a stored value ($add, $unset, …) cannot be replayed.
        FillProfile(profile, VendorJson.Object(properties, "$setOnce"));
        FillProfile(profile, VendorJson.Object(properties, "$set"));
        FillProfile(profile, properties);
        profile.Country ??= VendorJson.Text(item, "country");
        profile.Platform ??= PlatformOf(VendorJson.Text(item, "platform"));
        if (profile.Country is null && profile.Platform is null && profile.Plan is null && profile.Segment is null
            && profile.Channel is null && profile.WorkspaceId is null && profile.SignupAt is null && profile.Traits.Count == 0)
        {
            output.Records.Remove(profile);
            return null;
        }
        return profile;
    }

    private static void FillProfile(ProfileDraft profile, JsonElement properties)
    {
        if (properties.ValueKind != JsonValueKind.Object) return;
        foreach (var property in properties.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Null || Operations.Contains(property.Name)) continue;
            profile.Set(property.Name, property.Value, PlatformOf);
        }
    }

    /// <summary>
    /// The event's money: a top-level <c>revenue</c>, else <c>event_properties.$revenue</c> (what
    /// Amplitude's revenue charts read), else <c>$price</c> × <c>$quantity</c> (quantity 1 when absent).
    /// </summary>
    /// <returns>Null, or why the price or quantity cannot be used.</returns>
    private static string? Revenue(JsonElement item, out string? revenue, out string? consumedKey)
    {
        consumedKey = null;
        revenue = item.TryGetProperty("revenue", out var top) ? VendorJson.MoneyText(top) : null;
        if (revenue is not null) return null;
        var properties = VendorJson.Object(item, "event_properties");
        if (properties.ValueKind != JsonValueKind.Object) return null;
        if (properties.TryGetProperty("$revenue", out var stated) && VendorJson.MoneyText(stated) is { } statedText)
        {
            revenue = statedText;
            consumedKey = "$revenue";
            return null;
        }
        if (!properties.TryGetProperty("$price", out var price) || price.ValueKind == JsonValueKind.Null) return null;
        if (!TryNumber(price, out var priceValue)) return $"event_properties.$price '{Raw(price)}' is not a number (expected e.g. 9.99)";
        var quantityValue = 1m;
        if (properties.TryGetProperty("$quantity", out var quantity) && quantity.ValueKind != JsonValueKind.Null && !TryNumber(quantity, out quantityValue))
            return $"event_properties.$quantity '{Raw(quantity)}' is not a number (expected e.g. 2)";
        revenue = (priceValue * quantityValue).ToString(CultureInfo.InvariantCulture);
        return null;
    }

    /// <summary>Amplitude's session id (the session's start in ms since the epoch), or null for -1, its "no session".</summary>
    private static string? SessionOf(JsonElement item)
    {
        var session = VendorJson.Text(item, "session_id");
        return session is null or "-1" ? null : session;
    }

    /// <summary>Amplitude's platform (Web, iOS, Android, …) in the data model's lower-case names; other values lower-cased as given.</summary>
    private static string? PlatformOf(string? platform) => platform?.ToLowerInvariant() switch
    {
        null => null,
        "web" or "browser" => "web",
        "ios" or "ipados" => "ios",
        "android" => "android",
        "macos" or "mac os x" or "windows" or "linux" or "electron" => "desktop",
        var other => other,
    };

    private static bool TryNumber(JsonElement value, out decimal number)
    {
        number = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDecimal(out number),
            JsonValueKind.String => decimal.TryParse(value.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
    }

    private static string Raw(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
