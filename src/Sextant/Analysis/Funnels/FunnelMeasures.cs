namespace Sextant.Analysis.Funnels;

/// <summary>One step of one group: who reached it and how long they took.</summary>
/// <param name="Users">Users who reached the step.</param>
/// <param name="MicrosFromPrevious">Per user who reached it (after step 1): µs from the previous step, in the earliest attempt that reached it; any order.</param>
/// <param name="MicrosFromStart">The same users' µs from step 1; any order.</param>
public sealed record FunnelStepMeasures(long Users, IReadOnlyList<long> MicrosFromPrevious, IReadOnlyList<long> MicrosFromStart)
{
    /// <summary>A step measured by its users alone (no timings).</summary>
    public static FunnelStepMeasures Count(long users) => new(users, [], []);
}

/// <summary>The steps of the users of one breakdown group.</summary>
/// <param name="Values">The group's value of each breakdown, in query order (empty without breakdowns).</param>
/// <param name="Steps">Each step, in order.</param>
public sealed record FunnelGroupMeasures(ValueList<string> Values, IReadOnlyList<FunnelStepMeasures> Steps);

/// <summary>What an engine returns for a <see cref="FunnelQuery"/>.</summary>
/// <param name="Groups">
/// Every breakdown group with at least one step-1 user (one group with no values without
/// breakdowns), in any order: no group is merged into Other here.
/// </param>
/// <param name="ExcludedUsers">Users removed by an exclusion event.</param>
public sealed record FunnelMeasures(IReadOnlyList<FunnelGroupMeasures> Groups, long ExcludedUsers);
