using System.Globalization;
using Sextant.Events;

namespace Sextant.Analysis.Engagement;

/// <summary>
/// Power-user histograms (SEMANTICS.md, Activity): among the final 7 / 30 complete days, how
/// many users were active on 0, 1, 2, … of them, and how many users made each number of active
/// events in the range (concentration is computed from it).
/// </summary>
internal static partial class EngagementMeasurer
{
    private static PowerUserCounts PowerUsers(EventTable table, MetricsWindow window, bool[] active, Func<int, bool>? include)
    {
        var calendar = table.Calendar;
        var l7 = new long[8];
        var l30 = new long[31];
        if (window.IsEmpty) return new PowerUserCounts("", l7, l30, []);
        // The last complete day: the data end's day when the data end is that day's last instant, else the day before.
        var endDay = calendar.DayOf(window.End);
        var lastDay = calendar.DayStart(endDay + 1) <= window.End + 1 ? endDay : endDay - 1;
        var eventsPerUser = new SortedDictionary<long, long>();
        for (var user = 0; user < table.SignedUpUserCount; user++)
        {
            if (include is not null && !include(user)) continue;
            int days7 = 0, days30 = 0, previousDay = int.MinValue;
            long events = 0;
            for (var row = table.UserOffsets[user]; row < table.UserOffsets[user + 1]; row++)
            {
                var t = table.Timestamps[row];
                if (!window.Contains(t) || !active[table.EventCodes[row]]) continue;
                events++;
                var day = calendar.DayOf(t);
                if (day == previousDay || day > lastDay) continue;
                previousDay = day;
                if (day > lastDay - 7) days7++;
                if (day > lastDay - 30) days30++;
            }
            l7[days7]++;
            l30[days30]++;
            if (events > 0) eventsPerUser[events] = eventsPerUser.GetValueOrDefault(events) + 1;
        }
        return new PowerUserCounts(DateOnly.FromDayNumber(lastDay).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), l7, l30,
            eventsPerUser.Select(p => new EventCountBin(p.Key, p.Value)).ToList());
    }
}
