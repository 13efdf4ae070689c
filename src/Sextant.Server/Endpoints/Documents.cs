using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Sextant.Server.Endpoints;

/// <summary>Reads a JSON object body within a size limit.</summary>
internal static class Documents
{
    /// <summary>The body as one JSON object.</summary>
    /// <exception cref="BadHttpRequestException">The body is larger than <paramref name="maxBytes"/> (413).</exception>
    /// <exception cref="SextantException">The body is not a JSON object.</exception>
    public static async Task<JsonElement> ReadObject(HttpContext context, int maxBytes)
    {
        var body = await Bodies.Read(context, maxBytes);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new SextantException($"the body is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}: expected an object");
            RequireText(document.RootElement);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new SextantException($"the body is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>
    /// Checks every name and string decodes to text: JSON may escape half of a surrogate pair
    /// (<c>"\ud800"</c>), which parses but is no string, and reading it later would fail as a bug.
    /// </summary>
    /// <exception cref="SextantException">A name or string is such an escape.</exception>
    private static void RequireText(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    break;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        _ = property.Name;
                        RequireText(property.Value);
                    }
                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray()) RequireText(item);
                    break;
            }
        }
        catch (InvalidOperationException e)
        {
            throw new SextantException("the body holds a string that is not text: an escaped half of a surrogate pair (\\uD800 to \\uDFFF) stands alone", e);
        }
    }
}
