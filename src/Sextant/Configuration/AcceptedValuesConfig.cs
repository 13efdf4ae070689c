using System.Collections.ObjectModel;

namespace Sextant.Configuration;

/// <summary>
/// Allowed values of user profile columns (key <c>check.accepted_values</c>). An empty list
/// accepts every value; a non-empty list makes <c>sextant check</c> fail the rows whose
/// value is not in it. Comparison is exact (case-sensitive); a missing value is not checked.
/// </summary>
public sealed record AcceptedValuesConfig
{
    /// <summary>Allowed segments (key <c>check.accepted_values.segment</c>).</summary>
    public IReadOnlyList<string> Segment { get; init; } = ReadOnlyCollection<string>.Empty;

    /// <summary>Allowed acquisition channels (key <c>check.accepted_values.channel</c>).</summary>
    public IReadOnlyList<string> Channel { get; init; } = ReadOnlyCollection<string>.Empty;

    /// <summary>Allowed plans (key <c>check.accepted_values.plan</c>).</summary>
    public IReadOnlyList<string> Plan { get; init; } = ReadOnlyCollection<string>.Empty;
}
