using System.Text.Json.Serialization;

namespace Sextant.Analysis.Impact;

/// <summary>Revenue credited to channels, overall and, with breakdowns, per group.</summary>
/// <param name="Credits">Every channel's credit, largest first-touch credit first, ties by channel name.</param>
/// <param name="Groups">With breakdowns, the largest groups by credited users and then Other; null without.</param>
public sealed record ChannelAttributionResult(
    IReadOnlyList<ChannelCredit> Credits,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ChannelAttributionGroup>? Groups = null);

/// <summary>The credit of one breakdown group's users.</summary>
/// <param name="Value">The group's label: its values joined by " / ", or "Other".</param>
/// <param name="Values">The group's value of each breakdown; ["Other"] for Other.</param>
/// <param name="Users">Paying users credited in the group.</param>
/// <param name="Credits">The group's channel credits, ordered as the overall ones.</param>
public sealed record ChannelAttributionGroup(string Value, ValueList<string> Values, long Users, IReadOnlyList<ChannelCredit> Credits);
