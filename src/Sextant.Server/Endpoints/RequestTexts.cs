using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Sextant.Application.Requests;

namespace Sextant.Server.Endpoints;

/// <summary>Request parameters from a query string or from a query document's fields.</summary>
internal static class RequestTexts
{
    /// <summary>Every query-string field; a repeated one keeps its values in order.</summary>
    public static RequestParameters FromQuery(IQueryCollection query, params string[] skip) =>
        new(Fields(query).Where(q => !skip.Contains(q.Key, StringComparer.Ordinal)));

    /// <summary>The query string as field → values, a repeated field's values in order.</summary>
    public static IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> Fields(IQueryCollection query) =>
        query.Select(q => new KeyValuePair<string, IReadOnlyList<string>>(q.Key, [.. q.Value.Select(v => v ?? "")]));

    /// <summary>
    /// The fields of a query document other than <paramref name="skip"/>: a string, number or
    /// boolean is one value, an array of them several.
    /// </summary>
    /// <exception cref="SextantException">A field holds an object, null, or an array of anything else.</exception>
    public static RequestParameters FromDocument(JsonElement document, params string[] skip)
    {
        var values = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        foreach (var field in document.EnumerateObject())
        {
            if (skip.Contains(field.Name, StringComparer.Ordinal)) continue;
            IReadOnlyList<string> texts = field.Value.ValueKind == JsonValueKind.Array
                ? [.. field.Value.EnumerateArray().Select(v => Scalar(field.Name, v))]
                : [Scalar(field.Name, field.Value)];
            values.Add(new(field.Name, texts));
        }
        return new RequestParameters(values);
    }

    private static string Scalar(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => throw RequestParameters.Invalid(name, $"{name} holds {value.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture)}: expected a string, a number, a boolean or an array of them"),
    };
}
