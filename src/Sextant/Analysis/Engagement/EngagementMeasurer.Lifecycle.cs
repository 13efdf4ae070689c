namespace Sextant.Analysis.Engagement;

/// <summary>
/// User lifecycle per period (SEMANTICS.md, Activity): new (active in the sign-up period, which is
/// their first active period), returning (active now and in the previous period), resurrecting
/// (active now, not in the previous period, not new) and dormant (active in the previous period,
/// not now; reported as a negative count in the period they went quiet).
/// </summary>
internal static partial class EngagementMeasurer
{
    private static List<LifecyclePeriod> LifecycleOf(EngagementPlan plan, EngagementTally tally) =>
        plan.Window.IsEmpty ? [] : Enumerable.Range(0, plan.LifecycleSpan).Select(i => new LifecyclePeriod(plan.LifecyclePeriods.Label(plan.LifecycleFirst + i),
            tally.Fresh[i], tally.Returning[i], tally.Resurrecting[i], -tally.Dormant[i], plan.LifecyclePeriods.IsComplete(plan.LifecycleFirst + i, plan.Window.End))).ToList();
}
