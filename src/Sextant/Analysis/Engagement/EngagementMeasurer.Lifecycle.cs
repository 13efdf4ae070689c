using Sextant.Events;

namespace Sextant.Analysis.Engagement;

/// <summary>
/// User lifecycle per period (SEMANTICS.md, Activity): new (active in the sign-up period, which is
/// their first active period), returning (active now and in the previous period), resurrecting
/// (active now, not in the previous period, not new) and dormant (active in the previous period,
/// not now; reported as a negative count in the period they went quiet).
/// </summary>
internal static partial class EngagementMeasurer
{
    private static List<LifecyclePeriod> Lifecycle(EventTable table, EngagementQuery query, MetricsWindow window, bool[] active, Func<int, bool>? include)
    {
        var periods = new CalendarPeriods(table.Calendar, query.LifecyclePeriod);
        if (window.IsEmpty) return [];
        var first = periods.Of(window.Start);
        var last = periods.Of(window.End);
        var span = last - first + 1;
        long[] fresh = new long[span], returning = new long[span], resurrecting = new long[span], dormant = new long[span];
        void Dormant(int period)
        {
            if (period >= first && period <= last) dormant[period - first]++;
        }
        for (var user = 0; user < table.SignedUpUserCount; user++)
        {
            if (include is not null && !include(user)) continue;
            var signupPeriod = table.SignupAt[user] == long.MinValue ? int.MinValue : periods.Of(table.SignupAt[user]);
            int previous = int.MinValue, firstActive = int.MinValue;
            for (var row = table.UserOffsets[user]; row < table.UserOffsets[user + 1]; row++)
            {
                var t = table.Timestamps[row];
                if (t > window.End) break;
                if (!active[table.EventCodes[row]]) continue;
                var period = periods.Of(t);
                if (period == previous) continue;
                // Activity before the window still decides whether a period in it is new or returning.
                if (firstActive == int.MinValue) firstActive = period;
                if (period >= first)
                {
                    var index = period - first;
                    if (period == signupPeriod && period == firstActive) fresh[index]++;
                    else if (previous == period - 1) returning[index]++;
                    else resurrecting[index]++;
                }
                if (previous != int.MinValue && previous != period - 1) Dormant(previous + 1);
                previous = period;
            }
            if (previous != int.MinValue) Dormant(previous + 1);
        }
        return Enumerable.Range(0, span).Select(i => new LifecyclePeriod(periods.Label(first + i), fresh[i], returning[i], resurrecting[i], -dormant[i],
            periods.IsComplete(first + i, window.End))).ToList();
    }
}
