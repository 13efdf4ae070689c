using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sextant.Ingest.Vendors;

/// <summary>
/// Segment messages (the Spec: track, identify, page, screen, group, alias), one per line as
/// Segment's archives and warehouses keep them, or <c>/v1/batch</c> payloads as the libraries send
/// them. <c>messageId</c> is the insert id Segment forwards to other tools, so an event also
/// exported from one of them is stored once (<see cref="VendorEventIds"/>). Identify, alias and
/// group are identity bookkeeping: profile updates and <c>$identify</c>, <c>$create_alias</c> and
/// <c>$groupidentify</c> events that never count as activity (docs/CONNECTORS.md, Segment).
/// </summary>
internal sealed class SegmentFormat : IVendorFormat
{
    private static readonly string[] Types = ["track", "identify", "page", "screen", "group", "alias"];

    /// <summary>Batch fields a message takes when it has none of its own.</summary>
    private static readonly string[] Inherited = ["context", "sentAt", "receivedAt"];

    /// <summary>Traits that fill profile columns (the rest stay traits).</summary>
    private static readonly HashSet<string> ProfileTraits = new(StringComparer.Ordinal)
    {
        "plan", "segment", "channel", "country", "platform", "workspace_id", "createdAt", "created_at",
    };

    private static readonly HashSet<string> Nothing = [];

    /// <summary>The property that becomes the revenue column when it holds a number.</summary>
    private static readonly HashSet<string> Revenue = new(StringComparer.Ordinal) { "revenue" };

    public string Name => "segment";

    public bool Recognises(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object) return false;
        if (item.TryGetProperty("batch", out var batch)) return batch.ValueKind == JsonValueKind.Array;
        return VendorJson.Text(item, "type") is { } type && Types.Contains(type)
            && (item.TryGetProperty("messageId", out _) || item.TryGetProperty("anonymousId", out _) || item.TryGetProperty("userId", out _));
    }

    /// <summary>A batch payload's messages, each with the batch's context, sentAt and receivedAt where it lacks its own; any other item is itself.</summary>
    public IEnumerable<JsonElement> Expand(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("batch", out var batch) || batch.ValueKind != JsonValueKind.Array)
        {
            yield return item;
            yield break;
        }
        foreach (var message in batch.EnumerateArray())
        {
            var missing = message.ValueKind != JsonValueKind.Object ? [] : Inherited.Where(n => !message.TryGetProperty(n, out _) && item.TryGetProperty(n, out _)).ToList();
            if (missing.Count == 0)
            {
                yield return message;
                continue;
            }
            var whole = JsonNode.Parse(message.GetRawText())!.AsObject();
            foreach (var name in missing) whole[name] = JsonNode.Parse(item.GetProperty(name).GetRawText());
            yield return JsonSerializer.SerializeToElement(whole);
        }
    }

    public string? Translate(JsonElement item, VendorDrafts output)
    {
        if (item.ValueKind != JsonValueKind.Object) return $"expected a JSON object, found {item.ValueKind.ToString().ToLowerInvariant()}";
        var type = VendorJson.Text(item, "type");
        if (type is null) return $"no type (expected one of: {string.Join(", ", Types)})";
        if (!Types.Contains(type)) return $"unknown type '{type}' (expected one of: {string.Join(", ", Types)})";
        if (TimeOf(item, out var instant) is { } timeError) return timeError;

        var userId = VendorJson.Text(item, "userId");
        var anonymousId = VendorJson.Text(item, "anonymousId");
        switch (type)
        {
            case "identify":
                return Identify(item, output, instant, userId, anonymousId);
            case "alias":
                var previousId = VendorJson.Text(item, "previousId");
                if (previousId is null) return "alias has no previousId (the id being merged into userId)";
                Event(item, output, "$create_alias", instant, userId, previousId);
                return null;
            case "group":
                return Group(item, output, instant, userId, anonymousId);
            case "page" or "screen":
                var view = Event(item, output, type == "page" ? "$pageview" : "$screen", instant, userId, anonymousId);
                CopyProperties(item, view);
                foreach (var name in (ReadOnlySpan<string>)["name", "category"])
                    if (VendorJson.Text(item, name) is { } value) view.Properties[name] = value;
                return null;
            default:
                var track = Event(item, output, VendorJson.Text(item, "event"), instant, userId, anonymousId);
                CopyProperties(item, track);
                return null;
        }
    }

    /// <summary>
    /// A profile update from the traits (the message's, then <c>context.traits</c> for keys it lacks),
    /// and, when the message carries both ids, an <c>$identify</c> event that links them.
    /// </summary>
    private static string? Identify(JsonElement item, VendorDrafts output, long instant, string? userId, string? anonymousId)
    {
        if (userId is null) return "identify has no userId (traits of an anonymous visitor are not stored; profiles belong to users)";
        var traits = new JsonObject();
        VendorJson.CopyExcept(VendorJson.Object(item, "traits"), traits, Nothing);
        foreach (var trait in Members(VendorJson.Object(VendorJson.Object(item, "context"), "traits")))
            if (!traits.ContainsKey(trait.Name) && trait.Value.ValueKind != JsonValueKind.Null) traits[trait.Name] = VendorJson.Node(trait.Value);

        var profile = output.AddProfile();
        profile.UserId = userId;
        profile.Plan = Text(traits, "plan");
        profile.Segment = Text(traits, "segment");
        profile.Channel = Text(traits, "channel");
        profile.Country = Text(traits, "country") ?? (traits["address"] as JsonObject is { } address ? Text(address, "country") : null);
        profile.Platform = Text(traits, "platform");
        profile.WorkspaceId = Text(traits, "workspace_id");
        profile.SignupAt = Text(traits, "createdAt") ?? Text(traits, "created_at");
        foreach (var (key, value) in traits)
            if (!ProfileTraits.Contains(key)) profile.Traits[key] = value?.DeepClone();

        if (anonymousId is not null) Event(item, output, "$identify", instant, userId, anonymousId);
        return null;
    }

    /// <summary>The user's workspace becomes the group, and a <c>$groupidentify</c> event keeps when they joined it with the group's traits.</summary>
    private static string? Group(JsonElement item, VendorDrafts output, long instant, string? userId, string? anonymousId)
    {
        var groupId = VendorJson.Text(item, "groupId");
        if (groupId is null) return "group has no groupId";
        if (userId is not null)
        {
            var profile = output.AddProfile();
            profile.UserId = userId;
            profile.WorkspaceId = groupId;
        }
        var joined = Event(item, output, "$groupidentify", instant, userId, anonymousId);
        joined.WorkspaceId = groupId;
        VendorJson.CopyExcept(VendorJson.Object(item, "traits"), joined.Properties, Nothing);
        return null;
    }

    /// <summary>An event with the message's ids, its time, platform and workspace; the id is made from messageId.</summary>
    private static EventDraft Event(JsonElement item, VendorDrafts output, string? name, long instant, string? userId, string? anonymousId)
    {
        var context = VendorJson.Object(item, "context");
        var draft = output.AddEvent();
        draft.Event = name;
        draft.Timestamp = VendorTime.Text(instant);
        draft.UserId = userId;
        draft.AnonymousId = anonymousId;
        draft.Platform = PlatformOf(context);
        draft.WorkspaceId = VendorJson.Text(context, "groupId");
        draft.EventId = VendorEventIds.FromInsertId(VendorJson.Text(item, "messageId"), name, instant);
        return draft;
    }

    /// <summary>
    /// The message's properties (<c>revenue</c> into the revenue column), then the page and the
    /// campaign from the context as <c>page_*</c> and <c>utm_*</c> properties where the message has
    /// no property of that name.
    /// </summary>
    private static void CopyProperties(JsonElement item, EventDraft draft)
    {
        var properties = VendorJson.Object(item, "properties");
        draft.Revenue = VendorJson.Number(properties, "revenue");
        VendorJson.CopyExcept(properties, draft.Properties, draft.Revenue is null ? Nothing : Revenue);
        var context = VendorJson.Object(item, "context");
        foreach (var field in Members(VendorJson.Object(context, "page")))
            AddIfAbsent(draft.Properties, "page_" + field.Name, VendorJson.Text(field.Value));
        foreach (var field in Members(VendorJson.Object(context, "campaign")))
            AddIfAbsent(draft.Properties, "utm_" + (field.Name == "name" ? "campaign" : field.Name), VendorJson.Text(field.Value));
    }

    private static void AddIfAbsent(JsonObject properties, string name, string? value)
    {
        if (value is not null && !properties.ContainsKey(name)) properties[name] = value;
    }

    /// <summary><c>context.device.type</c> (ios, android, …), else the operating system, else web for a browser's page context.</summary>
    private static string? PlatformOf(JsonElement context)
    {
        if (VendorJson.Text(VendorJson.Object(context, "device"), "type") is { } type) return type.ToLowerInvariant();
        var os = VendorJson.Text(VendorJson.Object(context, "os"), "name")?.ToLowerInvariant();
        if (os is "ios" or "iphone os" or "ipados") return "ios";
        if (os == "android") return "android";
        if (VendorJson.Object(context, "page").ValueKind == JsonValueKind.Object) return "web";
        return os;
    }

    private static string? Text(JsonObject traits, string name) => traits[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>() is { Length: > 0 } text ? text : null,
        JsonValue value => value.ToJsonString(),
        _ => null,
    };

    private static IEnumerable<JsonProperty> Members(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object ? value.EnumerateObject() : [];

    /// <summary>
    /// When the event happened, corrected for the device's clock as Segment does:
    /// <c>receivedAt − (sentAt − device time)</c>. A message as a library sent it carries the
    /// device time in <c>timestamp</c>; an archived one keeps it in <c>originalTimestamp</c> and
    /// has <c>timestamp</c> already corrected, which is then taken as it is. Without sentAt and
    /// receivedAt the device time stands; without any time, receivedAt.
    /// </summary>
    /// <returns>Null, or why the message has no usable time.</returns>
    private static string? TimeOf(JsonElement item, out long instant)
    {
        instant = 0;
        string?[] errors =
        [
            Read(item, "timestamp", out var timestamp), Read(item, "originalTimestamp", out var original),
            Read(item, "sentAt", out var sentAt), Read(item, "receivedAt", out var receivedAt),
        ];
        if (errors.FirstOrDefault(e => e is not null) is { } error) return error;
        if (original is not null && timestamp is { } corrected)
        {
            instant = corrected;
            return null;
        }
        if ((original ?? timestamp) is { } device)
        {
            instant = sentAt is { } sent && receivedAt is { } received ? received - (sent - device) : device;
            return null;
        }
        if (receivedAt is { } arrival)
        {
            instant = arrival;
            return null;
        }
        return "no timestamp (expected timestamp, originalTimestamp or receivedAt)";
    }

    /// <summary>An ISO-8601 time field: null when absent or null, else its instant or why it is not one.</summary>
    private static string? Read(JsonElement item, string name, out long? instant)
    {
        instant = null;
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (!VendorTime.TryText(value, out var parsed))
            return $"{name} '{VendorJson.Text(value) ?? value.GetRawText()}' is not an ISO-8601 time (expected e.g. 2024-03-01T12:00:00.000Z)";
        instant = parsed;
        return null;
    }
}
