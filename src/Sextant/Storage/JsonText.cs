using System.Text.Json;

namespace Sextant.Storage;

/// <summary>How JSON property values become breakdown strings.</summary>
internal static class JsonText
{
    /// <summary>Strings as they are, numbers and booleans as their JSON text, null as null, objects and arrays as raw JSON.</summary>
    public static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };

    /// <summary>The value of a top-level key of a JSON object in UTF-8, without building a document.</summary>
    public static string? TopLevelValue(ReadOnlySpan<byte> json, ReadOnlySpan<byte> key)
    {
        if (json.Length <= 2) return null;
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject) return null;
            var matches = reader.ValueTextEquals(key);
            reader.Read();
            if (matches)
            {
                return reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Null => null,
                    JsonTokenType.True => "true",
                    JsonTokenType.False => "false",
                    JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
                    _ => RawValue(ref reader, json),
                };
            }
            reader.Skip();
        }
        return null;
    }

    private static string RawValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        var end = (int)reader.BytesConsumed;
        return System.Text.Encoding.UTF8.GetString(json[start..end]);
    }
}
