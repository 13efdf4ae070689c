namespace Sextant.Configuration;

/// <summary>Data-quality rules for <c>sextant check</c> (key <c>check</c>).</summary>
public sealed record CheckConfig
{
    /// <summary>Allowed values of user profile columns (key <c>check.accepted_values</c>).</summary>
    public AcceptedValuesConfig AcceptedValues { get; init; } = new();
}
