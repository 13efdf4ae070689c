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
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new SextantException($"the body is not valid JSON: {e.Message}", e);
        }
    }
}
