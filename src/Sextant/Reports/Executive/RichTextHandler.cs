using System.Runtime.CompilerServices;

namespace Sextant.Reports.Executive;

/// <summary>
/// Collects an interpolated string into a <see cref="RichText"/>. There is deliberately no
/// overload for numbers or strings: a number must come in as a <see cref="Figure"/> and a
/// result's name as a <see cref="Label"/>, so that every printed number can be traced.
/// </summary>
[InterpolatedStringHandler]
internal ref struct RichTextHandler
{
    private readonly List<Inline> _parts;

    public RichTextHandler(int literalLength, int formattedCount)
    {
        _ = literalLength;
        _parts = new List<Inline>(2 * formattedCount + 1);
    }

    public readonly void AppendLiteral(string value) => _parts.Add(new Prose(value));

    public readonly void AppendFormatted(Inline value) => _parts.Add(value);

    public readonly void AppendFormatted(RichText value) => _parts.AddRange(value.Parts);

    public readonly RichText Build() => new(Merge(_parts));

    /// <summary>Adjacent prose pieces become one.</summary>
    internal static List<Inline> Merge(List<Inline> parts)
    {
        var merged = new List<Inline>(parts.Count);
        foreach (var part in parts)
        {
            if (part is Prose { Words: "" }) continue;
            if (part is Prose next && merged.Count > 0 && merged[^1] is Prose previous)
                merged[^1] = new Prose(previous.Words + next.Words);
            else
                merged.Add(part);
        }
        return merged;
    }
}
