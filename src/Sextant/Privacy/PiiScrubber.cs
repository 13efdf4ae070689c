using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sextant.Privacy;

/// <summary>
/// Scrubs the string values of a properties or traits object, at any depth and inside arrays:
/// e-mail addresses, IP addresses and phone numbers become <c>[email]</c>, <c>[ip]</c> and
/// <c>[phone]</c> (<see cref="PiiPatterns"/>). A key on the allow-list keeps its value, and
/// everything under it, as it is; an entry matches a key's name at any depth or its dotted path
/// from the top (<c>device.ip</c>). Keys, numbers and booleans are never changed. An object with
/// nothing to scrub comes back as the same text, byte for byte.
/// </summary>
public sealed class PiiScrubber
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly System.Buffers.SearchValues<char> Triggers = System.Buffers.SearchValues.Create("@0123456789");
    private readonly HashSet<string> _allowed;

    /// <summary>Creates a scrubber that leaves the values of <paramref name="allow"/> keys alone.</summary>
    public PiiScrubber(IEnumerable<string> allow)
    {
        ArgumentNullException.ThrowIfNull(allow);
        _allowed = new HashSet<string>(allow.Where(key => !string.IsNullOrWhiteSpace(key)).Select(key => key.Trim()), StringComparer.Ordinal);
    }

    /// <summary>The scrubbed JSON object text; <paramref name="counts"/> grows by what was replaced.</summary>
    public string Scrub(string json, ref PiiCounts counts)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.AsSpan().IndexOfAny(Triggers) < 0) return json;
        var before = counts;
        var root = JsonNode.Parse(json);
        if (root is not JsonObject properties) return json;
        ScrubObject(properties, "", ref counts);
        return counts == before ? json : properties.ToJsonString(Compact);
    }

    private void ScrubObject(JsonObject node, string path, ref PiiCounts counts)
    {
        foreach (var (key, value) in node.ToList())
        {
            var keyPath = path.Length == 0 ? key : path + "." + key;
            if (_allowed.Contains(key) || _allowed.Contains(keyPath)) continue;
            var scrubbed = ScrubValue(value, keyPath, ref counts);
            if (!ReferenceEquals(scrubbed, value)) node[key] = scrubbed;
        }
    }

    /// <returns>The node to store in place of <paramref name="value"/> (itself when unchanged or changed in place).</returns>
    private JsonNode? ScrubValue(JsonNode? value, string path, ref PiiCounts counts)
    {
        switch (value)
        {
            case JsonObject inner:
                ScrubObject(inner, path, ref counts);
                return value;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var item = array[i];
                    var scrubbed = ScrubValue(item, path, ref counts);
                    if (!ReferenceEquals(scrubbed, item)) array[i] = scrubbed;
                }
                return value;
            case JsonValue leaf when leaf.GetValueKind() == JsonValueKind.String:
                var text = leaf.GetValue<string>();
                var clean = PiiPatterns.Scrub(text, ref counts);
                return ReferenceEquals(clean, text) ? value : JsonValue.Create(clean);
            default:
                return value;
        }
    }
}
