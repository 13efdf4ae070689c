using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Sextant.Ingest.Readers;

namespace Sextant.Ingest.Mapping;

/// <summary>
/// Builds the properties (or traits) JSON object of a record from its properties column and its
/// extra columns. CSV text is typed: true/false become booleans and plain decimal numbers
/// without leading zeros become numbers; everything else stays a string (so ids like "007"
/// survive). Keys in the properties column win over extra columns of the same name.
/// </summary>
internal sealed class PropertiesJson
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    /// <summary>Returns the compact JSON object, or an error text when the properties column is not a JSON object.</summary>
    public string Build(string? propertiesText, List<(string Name, string? Text, JsonElement? Json)> extras, out string? error)
    {
        error = null;
        if (extras.Count == 0)
        {
            if (propertiesText is null) return "{}";
            error = ValidateObject(propertiesText);
            return propertiesText;
        }

        _buffer.Clear();
        _keys.Clear();
        using (var writer = new Utf8JsonWriter(_buffer))
        {
            writer.WriteStartObject();
            if (propertiesText is not null)
            {
                error = ValidateObject(propertiesText);
                if (error is not null) return propertiesText;
                using var document = JsonDocument.Parse(propertiesText);
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    _keys.Add(property.Name);
                    property.WriteTo(writer);
                }
            }
            foreach (var (name, text, json) in extras)
            {
                if (!_keys.Add(name)) continue;
                writer.WritePropertyName(name);
                if (json is { } element) element.WriteTo(writer);
                else WriteTyped(writer, text!);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    private static void WriteTyped(Utf8JsonWriter writer, string text)
    {
        if (text == "true") writer.WriteBooleanValue(true);
        else if (text == "false") writer.WriteBooleanValue(false);
        else if (IsPlainNumber(text) && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            writer.WriteNumberValue(number);
        else writer.WriteStringValue(text);
    }

    private static bool IsPlainNumber(string text)
    {
        var span = text.AsSpan();
        if (span.Length is 0 or > 28) return false;
        if (span[0] == '-') span = span[1..];
        if (span.Length == 0 || !char.IsAsciiDigit(span[0])) return false;
        if (span[0] == '0' && span.Length > 1 && span[1] != '.') return false;
        var dot = false;
        foreach (var c in span)
        {
            if (c == '.' && !dot) dot = true;
            else if (!char.IsAsciiDigit(c)) return false;
        }
        return span[^1] != '.';
    }

    private static string? ValidateObject(string text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var utf8 = buffer.AsMemory(0, Encoding.UTF8.GetBytes(text, buffer));
            var reader = new Utf8JsonReader(utf8.Span);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return $"properties are not a JSON object: {Shorten(text)}";
            reader.Skip();
            if (reader.Read()) return $"malformed properties JSON: text after the object: {Shorten(text)}";
            if (JsonTextChecks.LoneSurrogate(utf8.Span) is { } surrogate) return $"properties: {surrogate}";
            return JsonTextChecks.MayRepeatKey(utf8.Span) && HasDuplicateKey(utf8, out var key)
                ? $"properties: duplicate key '{key}' (which value to keep is ambiguous)"
                : null;
        }
        catch (JsonException exception)
        {
            return $"malformed properties JSON ({FirstSentence(exception.Message)}): {Shorten(text)}";
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool HasDuplicateKey(ReadOnlyMemory<byte> utf8, out string? key)
    {
        key = null;
        try
        {
            using var strict = JsonDocument.Parse(utf8, JsonTextChecks.NoDuplicateKeys);
            return false;
        }
        catch (JsonException)
        {
            key = JsonTextChecks.DuplicateKey(utf8);
            return key is not null;
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
