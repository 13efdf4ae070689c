using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sextant.Tests.Engine.Sql;

/// <summary>
/// Measures compared as JSON trees: counts and text equal, doubles to 1e-12 relative, since a
/// database adds a sum's terms in its own order.
/// </summary>
internal static class MeasuresAssert
{
    /// <summary>A funnel's measures as JSON with its groups in value order: engines may list breakdown groups in any order.</summary>
    public static string SortedJson(Sextant.Analysis.Funnels.FunnelMeasures measures) => JsonSerializer.Serialize(measures with
    {
        Groups = [.. measures.Groups.OrderBy(group => string.Join('\u0001', group.Values), StringComparer.Ordinal)],
    });

    public static void Close(object expected, object actual) =>
        Close(JsonSerializer.SerializeToNode(expected)!, JsonSerializer.SerializeToNode(actual)!, "measures");

    private static void Close(JsonNode expected, JsonNode actual, string path)
    {
        switch (expected)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    if (child is null) Assert.True(actual[key] is null, $"{path}.{key}: null vs {actual[key]?.ToJsonString()}");
                    else Close(child, actual[key]!, $"{path}.{key}");
                }
                break;
            case JsonArray array:
                Assert.True(array.Count == actual.AsArray().Count, $"{path}: {array.ToJsonString()} vs {actual.ToJsonString()}");
                for (var i = 0; i < array.Count; i++) Close(array[i]!, actual[i]!, $"{path}[{i}]");
                break;
            default:
                var value = expected.AsValue();
                if (value.GetValueKind() == JsonValueKind.Number && actual.AsValue().GetValueKind() == JsonValueKind.Number
                    && value.TryGetValue<double>(out var number) && actual.AsValue().TryGetValue<double>(out var other))
                    Assert.True(Math.Abs(number - other) <= 1e-12 * Math.Max(Math.Abs(number), Math.Abs(other)), $"{path}: {number:R} vs {other:R}");
                else Assert.Equal(expected.ToJsonString(), actual.ToJsonString());
                break;
        }
    }
}
