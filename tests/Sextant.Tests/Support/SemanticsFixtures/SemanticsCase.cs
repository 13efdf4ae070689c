namespace Sextant.Tests.Support.SemanticsFixtures;

/// <summary>
/// One question a semantics test asks of its hand-made data: the data set, the query and the zone whose
/// calendar the paper-computed answer uses (UTC unless the case is about another zone's days). The label
/// is unique within its analysis: the replay suites name their cases by it.
/// </summary>
public sealed record SemanticsCase<TQuery>(string Label, SemanticsData Data, TQuery Query, string Zone = "UTC")
{
    /// <summary>The data set's EventTable in the case's zone.</summary>
    public Sextant.Events.EventTable Load() => Data.Load(TimeZoneInfo.FindSystemTimeZoneById(Zone));
}

/// <summary>A question that must fail, with the same message on every engine.</summary>
public sealed record SemanticsError<TQuery>(string Label, SemanticsData Data, TQuery Query);
