using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Sextant.Events;

namespace Sextant.Cli.Output;

/// <summary>Stable JSON for results: snake_case keys, ISO-8601 instants, lower-case enum names.</summary>
internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new TimestampConverter(), new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static void Write<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Options));

    private sealed class TimestampConverter : JsonConverter<Timestamp>
    {
        public override Timestamp Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Timestamp.FromDateTimeOffset(reader.GetDateTimeOffset());

        public override void Write(Utf8JsonWriter writer, Timestamp value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }
}
