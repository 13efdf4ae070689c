namespace Sextant.Analysis.Impact;

/// <summary>What an engine returns for a <see cref="ChannelAttributionQuery"/>: the revenue each channel is credited under each model, in no particular order.</summary>
/// <param name="Credits">One row per channel credited anything.</param>
public sealed record ChannelAttributionMeasures(IReadOnlyList<ChannelCredit> Credits);
