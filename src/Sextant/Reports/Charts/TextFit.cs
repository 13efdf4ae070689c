namespace Sextant.Reports.Charts;

/// <summary>
/// Estimates text width without a font engine (an average sans-serif glyph is about 0.6 em wide)
/// and shortens or wraps text to fit.
/// </summary>
internal static class TextFit
{
    private const double GlyphWidth = 0.6;

    public static double Width(string text, double fontSize) => text.Length * fontSize * GlyphWidth;

    public static double WidestOf(IEnumerable<string> texts, double fontSize)
    {
        var widest = 0.0;
        foreach (var text in texts) widest = Math.Max(widest, Width(text, fontSize));
        return widest;
    }

    /// <summary>The text cut to at most <paramref name="maxChars"/> characters, ending in an ellipsis when cut.</summary>
    public static string Truncate(string text, int maxChars)
    {
        if (text.Length <= maxChars) return text;
        var keep = Math.Max(0, maxChars - 1);
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1])) keep--;
        return text[..keep] + "…";
    }

    /// <summary>The text cut to fit <paramref name="width"/> pixels at <paramref name="fontSize"/>.</summary>
    public static string ToWidth(string text, double fontSize, double width) =>
        Truncate(text, Math.Max(1, (int)(width / (fontSize * GlyphWidth))));

    /// <summary>Splits text at spaces into lines of at most <paramref name="maxChars"/> (longer words are cut).</summary>
    public static List<string> Wrap(string text, int maxChars)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > maxChars)
            {
                lines.Add(line);
                line = "";
            }
            line = line.Length == 0 ? Truncate(word, maxChars) : line + " " + word;
        }
        if (line.Length > 0) lines.Add(line);
        return lines;
    }
}
