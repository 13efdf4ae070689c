using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sextant.Serialization;

/// <summary>
/// The JSON contract of every result: snake_case keys, instants as ISO-8601 UTC strings, enum
/// values as snake_case strings, indented. The CLI's <c>--json</c> and <c>--out</c> files and the
/// demo's files are all written with it; docs/JSON.md documents the fields it produces.
/// </summary>
public static class ResultJson
{
    /// <summary>The serializer options of the contract. Treat them as read-only.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Serializes <paramref name="value"/> under the contract, without a final line break.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Writes <paramref name="value"/> under the contract to <paramref name="writer"/>, followed by a line break.</summary>
    public static void Write<T>(TextWriter writer, T value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(Serialize(value));
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = true,
            // Results carry names and labels in any script; escaping them would make the files hard to read.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters = { new TimestampJsonConverter(), new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        };
        // Frozen so that no caller can change the contract for everyone else.
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
