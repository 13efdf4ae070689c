namespace Sextant.Analysis.Funnels;

/// <summary>What an engine returns for a <see cref="LifecycleFunnelQuery"/>.</summary>
/// <param name="DataEnd">The data end windows were judged against (UTC µs, inclusive), or null for an empty table and open range.</param>
/// <param name="Stages">Entities (users and visitors) reaching each of the seven stages.</param>
/// <param name="Groups">
/// Per breakdown group, the signed-up users reaching each stage (visitors have no profile), for
/// every group with at least one user in the funnel, in any order (one group with no values
/// without breakdowns).
/// </param>
/// <param name="CensoredUsers">Signed-up users left out because their windows had not ended by the data end.</param>
/// <param name="CensoredVisitors">Visitors left out for the same reason.</param>
/// <param name="UsersWithoutSignup">Profiles with neither a sign-up instant nor any event.</param>
public sealed record LifecycleFunnelMeasures(
    long? DataEnd,
    IReadOnlyList<long> Stages,
    IReadOnlyList<FunnelGroupMeasures> Groups,
    long CensoredUsers,
    long CensoredVisitors,
    long UsersWithoutSignup);
