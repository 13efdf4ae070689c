using Sextant.Events;

namespace Sextant.Analysis.Engagement;

/// <summary>
/// Feature adoption counts (SEMANTICS.md, Activation and adoption): per feature event, the
/// signed-up users who used it in the range, the days from sign-up to their first use, the
/// monthly users out of the month's active users, and adopters per group.
/// </summary>
internal static partial class EngagementMeasurer
{
    /// <summary>Feature counts of the users of <paramref name="tallies"/>, the first holding the totals; days to first use sorted.</summary>
    private static List<FeatureCounts> FeaturesOf(EngagementPlan plan, EngagementTally[] tallies)
    {
        var tally = tallies[0];
        var daysToFirstUse = new double[plan.Features.Length][];
        Parallel.For(0, plan.Features.Length, f => daysToFirstUse[f] = SortedRuns.Merge([.. tallies.Select(t => t.MicrosToFirstUse[f])], Timestamp.MicrosPerDay));
        var groupCount = tally.GroupSizes.Length;
        var present = PresentGroups(plan, tally);
        var periods = new CalendarPeriods(plan.Table.Calendar, CalendarPeriod.Month);
        var features = new List<FeatureCounts>(plan.Features.Length);
        for (var f = 0; f < plan.Features.Length; f++)
        {
            var monthly = new List<MonthUse>(plan.Months);
            for (var m = 0; m < plan.Months; m++)
                if (tally.MonthlyActive[m] > 0)
                    monthly.Add(new MonthUse(periods.Label(plan.FirstMonth + m), tally.MonthlyUsers[f * plan.Months + m], tally.MonthlyActive[m], periods.IsComplete(plan.FirstMonth + m, plan.Window.End)));
            var feature = f;
            features.Add(new FeatureCounts(plan.Features[f], tally.Adopters[f], DurationQuantiles.OfSorted(daysToFirstUse[f]), monthly, present.Select(g => tally.AdoptersByGroup[feature * groupCount + g]).ToList()));
        }
        return features;
    }

    /// <summary>Only groups with signed-up users are groups of adoption, as a GROUP BY over them returns.</summary>
    private static List<GroupSize> AdoptionGroupsOf(EngagementPlan plan, EngagementTally tally) =>
        PresentGroups(plan, tally).Select(g => new GroupSize(plan.AdoptionScope!.Keys[g], tally.GroupSizes[g])).ToList();

    /// <summary>
    /// The groups with signed-up users, by label in ordinal order: the shaper ranks them by size
    /// itself, so the order only makes every engine's measures list them alike.
    /// </summary>
    private static List<int> PresentGroups(EngagementPlan plan, EngagementTally tally) => Enumerable.Range(0, tally.GroupSizes.Length)
        .Where(g => tally.GroupSizes[g] > 0).OrderBy(g => Breakdowns.Label(plan.AdoptionScope!.Keys[g]), StringComparer.Ordinal).ToList();
}
