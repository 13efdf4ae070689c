using Sextant.Events;
using Sextant.Stats;

namespace Sextant.Analysis.Engagement;

/// <summary>
/// Activation speed against retention: month-1 retention (active in the calendar month after
/// the sign-up month) of fast activators (under 24 hours), slow activators and users who did not
/// activate, among users whose activation window and month 1 have both ended. Fast activators are
/// compared with slow ones (activated after 24 h): against everyone else, the users who never
/// activated (and barely return) would inflate the ratio, so they are reported apart as the third
/// group. Observational: the comparison is an association, not an effect of activating faster.
/// </summary>
internal static class ActivationSpeedRunner
{
    public static ActivationSpeed Run(EventTable table, MetricsWindow window, bool[] active, double[] hoursToActivate)
    {
        var months = new CalendarPeriods(table.Calendar, CalendarPeriod.Month);
        long[] users = new long[3], retained = new long[3];
        for (var user = 0; user < table.SignedUpUserCount; user++)
        {
            var hours = hoursToActivate[user];
            if (double.IsNaN(hours)) continue;
            var monthOne = months.Of(table.SignupAt[user]) + 1;
            if (!months.IsComplete(monthOne, window.End)) continue;
            var group = double.IsPositiveInfinity(hours) ? 2 : hours < 24 ? 0 : 1;
            users[group]++;
            for (var row = table.UserOffsets[user]; row < table.UserOffsets[user + 1]; row++)
            {
                var t = table.Timestamps[row];
                if (t > window.End || !active[table.EventCodes[row]] || months.Of(t) != monthOne) continue;
                retained[group]++;
                break;
            }
        }
        string[] names = ["fast activators (< 24 h)", "slow activators", "not activated"];
        var groups = names.Select((name, g) =>
        {
            var ci = Proportions.Wilson(retained[g], users[g]);
            return new GroupShare(name, retained[g], users[g], users[g] == 0 ? 0 : retained[g] / (double)users[g], ci.Low, ci.High);
        }).ToList();
        var ratio = Proportions.RiskRatio(retained[1], users[1], retained[0], users[0]);
        var test = Proportions.TwoProportionZ(retained[1], users[1], retained[0], users[0]);
        return new ActivationSpeed("month-1 retention", groups, ratio?.Ratio, ratio?.Interval.Low, ratio?.Interval.High, test.PValue,
            "association: fast activators differ from slow ones in more than speed");
    }
}
