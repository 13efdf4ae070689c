using System.Text.Json;

namespace Sextant.Ingest.Readers;

/// <summary>
/// Checks of JSON text that System.Text.Json lets through when parsing but that would make a
/// row ambiguous or unreadable later: a key given twice (which value counts is up to the
/// reader) and a <c>\ud800</c> escape without its pair (no UTF-8 text can hold it, so reading
/// the value fails, at ingest or later in an analysis).
/// </summary>
internal static class JsonTextChecks
{
    /// <summary>Parse options that refuse a repeated key; the repeat is then found by <see cref="DuplicateKey"/>.</summary>
    public static readonly JsonDocumentOptions NoDuplicateKeys = new() { AllowDuplicateProperties = false };

    /// <summary>
    /// The dotted path of the first key that an object of <paramref name="utf8"/> holds twice,
    /// or null when there is none or the text is not JSON.
    /// </summary>
    public static string? DuplicateKey(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8);
            return FirstDuplicate(document.RootElement, "");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// False when no object of <paramref name="utf8"/> (valid JSON) can hold a key twice: one
    /// pass of the reader comparing each key's bytes with the keys before it in its object,
    /// allocating nothing. True means "maybe" (a repeat, an escaped key, or too many keys to
    /// track) and <see cref="DuplicateKey"/> decides.
    /// </summary>
    public static bool MayRepeatKey(ReadOnlySpan<byte> utf8)
    {
        const int MaxKeys = 64;
        const int MaxDepth = 16;
        Span<int> keyStart = stackalloc int[MaxKeys];
        Span<int> keyLength = stackalloc int[MaxKeys];
        Span<int> objectFirstKey = stackalloc int[MaxDepth];
        var keys = 0;
        var depth = 0;
        var reader = new Utf8JsonReader(utf8);
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    if (depth == MaxDepth) return true;
                    objectFirstKey[depth++] = keys;
                    break;
                case JsonTokenType.EndObject:
                    keys = objectFirstKey[--depth];
                    break;
                case JsonTokenType.PropertyName:
                    if (reader.ValueIsEscaped || keys == MaxKeys) return true;
                    var name = reader.ValueSpan;
                    for (var k = objectFirstKey[depth - 1]; k < keys; k++)
                        if (utf8.Slice(keyStart[k], keyLength[k]).SequenceEqual(name)) return true;
                    keyStart[keys] = (int)reader.TokenStartIndex + 1;
                    keyLength[keys++] = name.Length;
                    break;
            }
        }
        return false;
    }

    /// <summary>Why a string of <paramref name="utf8"/> (valid JSON) cannot be read as text, or null.</summary>
    public static string? LoneSurrogate(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IndexOf("\\u"u8) < 0) return null;
        var reader = new Utf8JsonReader(utf8);
        string? key = null;
        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.PropertyName or JsonTokenType.String)) continue;
            string? text = null;
            try
            {
                text = reader.GetString();
            }
            catch (InvalidOperationException)
            {
                return reader.TokenType == JsonTokenType.PropertyName || key is null
                    ? "lone UTF-16 surrogate escape in a key"
                    : $"lone UTF-16 surrogate escape in the value of '{key}'";
            }
            if (reader.TokenType == JsonTokenType.PropertyName) key = text;
        }
        return null;
    }

    private static string? FirstDuplicate(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    var name = path.Length == 0 ? property.Name : path + "." + property.Name;
                    if (!seen.Add(property.Name)) return name;
                    if (FirstDuplicate(property.Value, name) is { } inner) return inner;
                }
                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FirstDuplicate(item, $"{path}[{index++}]") is { } inner) return inner;
                }
                return null;
            default:
                return null;
        }
    }
}
