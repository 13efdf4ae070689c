namespace Sextant.Analysis.Impact;

/// <summary>What an engine returns for a <see cref="ChannelAttributionQuery"/>: the revenue each channel is credited under each model, in no particular order.</summary>
/// <param name="Credits">One row per channel credited anything.</param>
/// <param name="Groups">With breakdowns, every group that has a credited user, in no particular order; empty without.</param>
public sealed record ChannelAttributionMeasures(IReadOnlyList<ChannelCredit> Credits, IReadOnlyList<ChannelAttributionGroupMeasures> Groups);

/// <summary>The credit of one breakdown group's users.</summary>
/// <param name="Values">The group's value of each breakdown.</param>
/// <param name="Users">Paying users credited in the group.</param>
/// <param name="Credits">One row per channel credited anything by the group's users.</param>
public sealed record ChannelAttributionGroupMeasures(ValueList<string> Values, long Users, IReadOnlyList<ChannelCredit> Credits);
