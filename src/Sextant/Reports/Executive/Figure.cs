namespace Sextant.Reports.Executive;

/// <summary>How a figure's value was obtained from result values.</summary>
public enum Derivation
{
    /// <summary>The value is a result value (or the count of a result list).</summary>
    Result,

    /// <summary>1 − the input (e.g. the share lost at a step, from its conversion).</summary>
    Complement,

    /// <summary>The first input minus the second.</summary>
    Difference,

    /// <summary>The first input divided by the second.</summary>
    Ratio,

    /// <summary>The relative change from the second input to the first: first / second − 1.</summary>
    Change,
}

/// <summary>A number printed in the report: the value it stands for, its formatted text and where it came from.</summary>
/// <param name="Value">The value (a rate as a fraction, a count, an amount).</param>
/// <param name="Formatted">The text printed, formatted with the invariant culture.</param>
/// <param name="Derivation">How <paramref name="Value"/> follows from <paramref name="Inputs"/>.</param>
/// <param name="Inputs">The result values it was derived from (for <see cref="Derivation.Result"/>, the value itself).</param>
public sealed record Figure(double Value, string Formatted, Derivation Derivation, IReadOnlyList<double> Inputs) : Inline
{
    /// <inheritdoc />
    public override string Text => Formatted;
}
