using System.Collections.ObjectModel;

namespace Sextant.Configuration;

/// <summary>When a signed-up user counts as activated (key <c>activation</c>; SEMANTICS.md, Activation and adoption).</summary>
public sealed record ActivationConfig
{
    /// <summary>The demo product's activation criteria, create_page and edit_page: never assumed for other data.</summary>
    public static readonly IReadOnlyList<string> DefaultEvents = new ReadOnlyCollection<string>(["create_page", "edit_page"]);

    /// <summary>Allowed values of <see cref="Match"/>.</summary>
    public static readonly IReadOnlyList<string> Matches = ["all", "any"];

    /// <summary>
    /// The criteria events (key <c>activation.events</c>); empty by default, since which events
    /// activate a user depends on the product: activation is then not measured and says so.
    /// </summary>
    public IReadOnlyList<string> Events { get; init; } = ReadOnlyCollection<string>.Empty;

    /// <summary>all: every criteria event; any: one of them (key <c>activation.match</c>, default all).</summary>
    public string Match { get; init; } = "all";

    /// <summary>Days after sign-up the criteria must be met in (key <c>activation.window_days</c>, default 7).</summary>
    public int WindowDays { get; init; } = 7;
}
