namespace Sextant.Reports.Executive;

/// <summary>How a line reads: good news, bad news, or neither (the HTML colours it from the palette).</summary>
public enum Tone
{
    /// <summary>Neither good nor bad.</summary>
    Neutral,

    /// <summary>Good news.</summary>
    Positive,

    /// <summary>Bad news.</summary>
    Negative,
}
