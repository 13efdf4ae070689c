namespace Sextant.Analysis.Impact;

/// <summary>
/// Channel revenue attribution (<c>sextant attribution</c>, docs/IMPACT.md). A user's touches are
/// their events carrying the touch property up to their first paying subscription; a user
/// without any is credited to the profile's acquisition channel at sign-up, a single touch.
/// </summary>
/// <param name="TouchProperty">The event property naming a touch's channel.</param>
/// <param name="HalfLifeDays">Time-decay half-life before the first payment, in days.</param>
/// <param name="Range">
/// Users whose first paying subscription started in it are credited, with their subscription
/// revenue up to its end (the data end). All time by default.
/// </param>
/// <param name="Cohort">Only members of this cohort are credited; everyone when null.</param>
public sealed record ChannelAttributionQuery(string TouchProperty = "utm_source", double HalfLifeDays = 7, TimeRange Range = default, Cohort? Cohort = null)
    : IAnalysisQuery<ChannelAttributionMeasures, ChannelAttributionResult>, IScopedQuery
{
    /// <summary>Groups the credited users are split into, crossed (at most 3); none by default.</summary>
    public ValueList<Breakdown> Breakdowns { get; init; } = [];

    /// <summary>Groups kept, by credited users; the rest are merged into Other.</summary>
    public int BreakdownLimit { get; init; } = 10;
}
