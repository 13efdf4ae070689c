using System.Globalization;

namespace Sextant.Analysis.Engagement;

/// <summary>
/// Power-user histograms (SEMANTICS.md, Activity): among the final 7 / 30 complete days, how
/// many users were active on 0, 1, 2, … of them, and how many users made each number of active
/// events in the range (concentration is computed from it).
/// </summary>
internal static partial class EngagementMeasurer
{
    private static PowerUserCounts PowerUsersOf(EngagementPlan plan, EngagementTally tally)
    {
        if (plan.Window.IsEmpty) return new PowerUserCounts("", new long[8], new long[31], []);
        var bins = new List<EventCountBin>();
        for (var events = 1; events < tally.EventsPerUser.Length; events++)
            if (tally.EventsPerUser[events] > 0) bins.Add(new EventCountBin(events, tally.EventsPerUser[events]));
        bins.AddRange(tally.ManyEventsPerUser.OrderBy(p => p.Key).Select(p => new EventCountBin(p.Key, p.Value)));
        return new PowerUserCounts(DateOnly.FromDayNumber(plan.LastCompleteDay).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), tally.Last7, tally.Last30, bins);
    }
}
