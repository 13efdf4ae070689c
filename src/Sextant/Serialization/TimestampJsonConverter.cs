using System.Text.Json;
using System.Text.Json.Serialization;
using Sextant.Events;

namespace Sextant.Serialization;

/// <summary>A <see cref="Timestamp"/> as its ISO-8601 UTC text, the form <see cref="Timestamp.ToString"/> gives.</summary>
internal sealed class TimestampJsonConverter : JsonConverter<Timestamp>
{
    public override Timestamp Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Timestamp.FromDateTimeOffset(reader.GetDateTimeOffset());

    public override void Write(Utf8JsonWriter writer, Timestamp value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
