using Sextant.Events;

namespace Sextant.Analysis.Engagement;

/// <summary>
/// Weekly active collaborative workspaces (SEMANTICS.md, North Star): per ISO week, workspaces
/// with at least the minimum number of distinct active members and at least one collaboration
/// event by a member in that week. A user's workspace is the profile's workspace_id; users
/// without one never count, and with a cohort filter only the cohort's members do.
/// </summary>
internal static partial class EngagementMeasurer
{
    private static List<PeriodCount> NorthStarWeeks(EventTable table, EngagementQuery query, MetricsWindow window, bool[] active, Func<int, bool>? include)
    {
        var workspaces = table.Attributes["workspace_id"];
        var collaboration = new bool[table.EventNames.Length];
        foreach (var name in query.CollaborationEvents)
            if (table.EventCode(name) is >= 0 and var code) collaboration[code] = true;

        // (week, workspace) → distinct active members and whether anyone collaborated.
        var cells = new Dictionary<long, (int Members, bool Collaborated)>();
        var calendar = table.Calendar;
        for (var user = 0; user < table.SignedUpUserCount && workspaces is not null; user++)
        {
            var workspace = workspaces.Codes[user];
            if (workspace == 0 || (include is not null && !include(user))) continue;
            // One dictionary update per (user, week): the user's rows are in time order.
            int week = int.MinValue, day = int.MinValue;
            var collaborated = false;
            for (var row = table.UserOffsets[user]; row < table.UserOffsets[user + 1]; row++)
            {
                var t = table.Timestamps[row];
                var code = table.EventCodes[row];
                if (!window.Contains(t) || !active[code]) continue;
                var rowDay = calendar.DayOf(t);
                if (rowDay != day)
                {
                    day = rowDay;
                    var rowWeek = ProjectCalendar.WeekOfDay(rowDay);
                    if (rowWeek != week)
                    {
                        Flush(cells, week, workspace, collaborated);
                        week = rowWeek;
                        collaborated = false;
                    }
                }
                collaborated |= collaboration[code];
            }
            Flush(cells, week, workspace, collaborated);
        }

        var counts = new SortedDictionary<int, long>();
        if (!window.IsEmpty)
            for (var week = calendar.WeekOf(window.Start); week <= calendar.WeekOf(window.End); week += 7) counts[week] = 0;
        foreach (var (key, cell) in cells)
            if (cell.Members >= query.NorthStarMinMembers && cell.Collaborated) counts[(int)(key >> 32)]++;
        return counts.Select(pair => new PeriodCount(Label(pair.Key), pair.Value, calendar.DayStart(pair.Key + 7) <= window.End + 1)).ToList();
    }

    private static void Flush(Dictionary<long, (int Members, bool Collaborated)> cells, int week, int workspace, bool collaborated)
    {
        if (week == int.MinValue) return;
        var key = ((long)week << 32) | (uint)workspace;
        var cell = cells.GetValueOrDefault(key);
        cells[key] = (cell.Members + 1, cell.Collaborated || collaborated);
    }
}
