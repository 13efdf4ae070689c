using System.Text.Json;
using System.Text.Json.Nodes;
using Sextant.Storage;

namespace Sextant.Ingest.Vendors;

/// <summary>Small readers of vendor JSON shared by the formats.</summary>
internal static class VendorJson
{
    /// <summary>A field's text: a string as is, a number or boolean as written; null when absent, null or blank.</summary>
    public static string? Text(JsonElement item, string name)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(name, out var value)) return null;
        return Text(value);
    }

    /// <summary>A value's text: a string as is, a number or boolean as written; null for null, objects, arrays and blanks.</summary>
    public static string? Text(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => JsonText.Scalar(value),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>The object under <paramref name="name"/>, or an undefined element.</summary>
    public static JsonElement Object(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : default;

    /// <summary>Copies an object's members into <paramref name="target"/>, except the named ones and nulls.</summary>
    public static void CopyExcept(JsonElement source, JsonObject target, IReadOnlySet<string> except)
    {
        if (source.ValueKind != JsonValueKind.Object) return;
        foreach (var property in source.EnumerateObject())
        {
            if (except.Contains(property.Name) || property.Value.ValueKind == JsonValueKind.Null) continue;
            target[property.Name] = Node(property.Value);
        }
    }

    /// <summary>
    /// A node over an element, without parsing its text again. It reads the element's document,
    /// so it must be written out before the item's document is disposed (drafts are parsed at once).
    /// </summary>
    public static JsonNode? Node(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => JsonObject.Create(value),
        JsonValueKind.Array => JsonArray.Create(value),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => JsonValue.Create(value),
    };

    /// <summary>A money value's text: a JSON number as written, a string as given (so a bad one is quarantined, not dropped).</summary>
    public static string? MoneyText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.String => string.IsNullOrWhiteSpace(value.GetString()) ? null : value.GetString()!.Trim(),
        _ => null,
    };

    /// <summary>A money value as a JSON number's text, or null when absent or not a number.</summary>
    public static string? Number(JsonElement item, string name)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.String when decimal.TryParse(value.GetString(), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
                => parsed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        };
    }
}
