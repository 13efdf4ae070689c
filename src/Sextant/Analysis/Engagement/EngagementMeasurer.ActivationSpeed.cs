using Sextant.Events;

namespace Sextant.Analysis.Engagement;

/// <summary>
/// Month-1 retention counts by activation speed: users active in the calendar month after their
/// sign-up month among fast activators (under 24 hours), slow activators and users who did not
/// activate, whose activation window and month 1 have both ended.
/// </summary>
internal static partial class EngagementMeasurer
{
    // hoursToActivate per signed-up user: hours to activate, +∞ when eligible but not activated, NaN when not eligible or not included.
    private static ActivationSpeedCounts ActivationSpeed(EventTable table, MetricsWindow window, bool[] active, double[] hoursToActivate)
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
        return new ActivationSpeedCounts(users, retained);
    }
}
