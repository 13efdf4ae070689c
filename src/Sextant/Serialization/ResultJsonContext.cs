using System.Text.Json.Serialization;
using Sextant.Analysis.Refresh;

namespace Sextant.Serialization;

/// <summary>
/// Serialization code generated at build time for the results whose JSON is written on a hot
/// path, so writing them skips the reflection (and the just-in-time compiling it brings) that a
/// first serialization otherwise costs. <see cref="ResultJson.Options"/> consults it first; the
/// contract (names, converters, indentation) stays the options' own, so the text is the same.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(RefreshResult))]
internal sealed partial class ResultJsonContext : JsonSerializerContext
{
}
