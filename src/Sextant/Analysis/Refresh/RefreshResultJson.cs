using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sextant.Serialization;

namespace Sextant.Analysis.Refresh;

/// <summary>
/// Writes a <see cref="RefreshResult"/> under the JSON contract (<see cref="ResultJson"/>) with a
/// plain JSON writer. A refresh runs after every ingest and takes a few tenths of a second; the
/// serializer's first use (reading the type, building converters, compiling them) costs about
/// 30 ms of that, the writer almost nothing. A test holds the two texts equal.
/// </summary>
public static class RefreshResultJson
{
    /// <summary>The result's JSON, exactly as <see cref="ResultJson.Serialize{T}"/> writes it.</summary>
    public static string Serialize(RefreshResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("mode", JsonNamingPolicy.SnakeCaseLower.ConvertName(result.Mode.ToString()));
            WriteNullable(json, "reason", result.Reason);
            json.WriteNumber("new_events", result.NewEvents);
            json.WriteNumber("store_events", result.StoreEvents);
            WritePartitions(json, "days", result.Days);
            WritePartitions(json, "cohorts", result.Cohorts);
            if (result.Verified is { } verified) json.WriteBoolean("verified", verified);
            else json.WriteNull("verified");
            json.WriteNumber("seconds", result.Seconds);
            json.WriteString("directory", result.Directory);
            json.WriteStartArray("files");
            foreach (var file in result.Files) json.WriteStringValue(file);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Writes the result's JSON to <paramref name="writer"/>, followed by a line break (as <see cref="ResultJson.Write{T}"/>).</summary>
    public static void Write(TextWriter writer, RefreshResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(Serialize(result));
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }

    private static void WritePartitions(Utf8JsonWriter json, string name, RefreshPartitions partitions)
    {
        json.WriteStartObject(name);
        json.WriteNumber("total", partitions.Total);
        json.WriteNumber("kept", partitions.Kept);
        json.WriteNumber("recomputed", partitions.Recomputed);
        json.WriteEndObject();
    }
}
