namespace Sextant.Analysis.Funnels;

/// <summary>A condition on an event property: <c>property=value</c> or <c>property!=value</c>.</summary>
/// <param name="Property">Event property (platform, workspace_id, … or a key of the properties object).</param>
/// <param name="Value">The value compared with, as text.</param>
/// <param name="Equal">True for =, false for !=.</param>
public sealed record StepFilter(string Property, string Value, bool Equal)
{
    /// <summary>True when the event's value (null when absent) satisfies the condition; an absent value is never equal.</summary>
    public bool Holds(string? value) => Equal ? value == Value : value != Value;

    /// <inheritdoc/>
    public override string ToString() => Property + (Equal ? "=" : "!=") + Value;
}

/// <summary>
/// One funnel step: an event name, or a set of names any of which counts, with optional property
/// filters. <see cref="Syntax.FunnelStepText"/> reads the text form <c>edit_page|create_page[platform=ios]</c>.
/// </summary>
/// <param name="Name">Label of the step.</param>
/// <param name="Events">Event names that satisfy the step.</param>
/// <param name="Filters">Conditions the event's properties must all meet.</param>
public sealed record FunnelStep(string Name, ValueList<string> Events, ValueList<StepFilter> Filters)
{
    /// <summary>A step without filters.</summary>
    public FunnelStep(string name, ValueList<string> events) : this(name, events, []) { }
}
