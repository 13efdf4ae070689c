namespace Sextant.Analysis.Funnels;

/// <summary>A computed lifecycle funnel (see <see cref="LifecycleFunnelShaper"/>).</summary>
/// <param name="DataEnd">The data end the windows were judged against (ISO 8601, UTC), or null for an empty table.</param>
/// <param name="ObservationDays">
/// Calendar days from the sign-up day (a visitor's first-event day) that must have ended by the data
/// end for an entity to be in the funnel: the longer of the Engagement and Habit windows. The
/// activation window, counted from the sign-up instant, must have ended too.
/// </param>
/// <param name="Steps">
/// The seven stages in order. Timings are null: milestones are not ordered in time, so time from
/// the previous stage is not defined.
/// </param>
/// <param name="BiggestDropStage">Index of the stage with the lowest conversion from its previous stage (≥ 1), or null when no stage has a previous stage with users.</param>
/// <param name="CensoredUsers">Signed-up users left out because their windows had not ended by the data end.</param>
/// <param name="CensoredVisitors">Visitors left out because the same span from their first event had not ended by the data end.</param>
/// <param name="UsersWithoutSignup">Profiles with neither a sign-up instant nor any event: nothing to anchor their windows to, so they are in no stage.</param>
/// <param name="Breakdown">Per group when breakdowns were asked for, else empty. Stage 1 of a group counts its signed-up users only (visitors have no profile).</param>
public sealed record LifecycleFunnelResult(
    string? DataEnd,
    int ObservationDays,
    IReadOnlyList<FunnelStepResult> Steps,
    int? BiggestDropStage,
    long CensoredUsers,
    long CensoredVisitors,
    long UsersWithoutSignup,
    IReadOnlyList<FunnelBreakdown> Breakdown)
{
    /// <summary>
    /// Names from sextant.yaml that the store does not contain, one line each; the figures that
    /// depend on them count 0. Empty when every name is stored or nothing came from sextant.yaml.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
