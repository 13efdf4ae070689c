namespace Sextant.Reports.Executive;

/// <summary>A piece of a line of report text: prose, a name copied from a result, or a number.</summary>
public abstract record Inline
{
    /// <summary>The text as printed.</summary>
    public abstract string Text { get; }
}

/// <summary>Prose written by the report itself; it carries no number.</summary>
/// <param name="Words">The words.</param>
public sealed record Prose(string Words) : Inline
{
    /// <inheritdoc />
    public override string Text => Words;
}

/// <summary>A name or period label copied verbatim from a result (a step, a segment, a week, a currency).</summary>
/// <param name="Value">The string as it appears in the result.</param>
public sealed record Label(string Value) : Inline
{
    /// <inheritdoc />
    public override string Text => Value;
}
