namespace Sextant.Reports.Executive;

/// <summary>A line of report text made of prose, labels and figures.</summary>
/// <param name="Parts">The pieces in reading order.</param>
/// <param name="Tone">How the line reads.</param>
public sealed record RichText(IReadOnlyList<Inline> Parts, Tone Tone = Tone.Neutral)
{
    /// <summary>The plain text of every part, concatenated.</summary>
    public string Plain => string.Concat(Parts.Select(p => p.Text));

    /// <summary>The figures of the line.</summary>
    public IEnumerable<Figure> Figures => Parts.OfType<Figure>();

    /// <summary>Builds a line from an interpolated string whose holes are figures, labels or other lines.</summary>
    internal static RichText Of(ref RichTextHandler text) => text.Build();

    /// <summary>This line with another tone.</summary>
    internal RichText As(Tone tone) => this with { Tone = tone };

    /// <summary>Joins lines with a separator.</summary>
    internal static RichText Join(string separator, IEnumerable<RichText> lines)
    {
        var parts = new List<Inline>();
        foreach (var line in lines)
        {
            if (parts.Count > 0) parts.Add(new Prose(separator));
            parts.AddRange(line.Parts);
        }
        return new RichText(RichTextHandler.Merge(parts));
    }
}
