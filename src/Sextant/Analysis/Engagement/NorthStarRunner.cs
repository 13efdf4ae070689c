using System.Globalization;
using Sextant.Events;

namespace Sextant.Analysis.Engagement;

/// <summary>
/// Weekly active collaborative workspaces (SEMANTICS.md, North Star): per ISO week, workspaces
/// with at least the minimum number of distinct active members and at least one collaboration
/// event by a member in that week. A user's workspace is the profile's workspace_id; users
/// without one never count.
/// </summary>
internal static class NorthStarRunner
{
    public static NorthStar Run(EventTable table, EngagementQuery query, MetricsWindow window, bool[] active, IReadOnlyList<DailyCount> mau)
    {
        var workspaces = table.Attributes["workspace_id"];
        var collaboration = new bool[table.EventNames.Length];
        foreach (var name in query.CollaborationEvents ?? [])
            if (table.EventCode(name) is >= 0 and var code) collaboration[code] = true;

        // (week, workspace) → distinct active members and whether anyone collaborated.
        var cells = new Dictionary<long, (int Members, bool Collaborated)>();
        var calendar = table.Calendar;
        for (var user = 0; user < table.SignedUpUserCount && workspaces is not null; user++)
        {
            var workspace = workspaces.Codes[user];
            if (workspace == 0) continue;
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

        bool Complete(int monday) => calendar.DayStart(monday + 7) <= window.End + 1;
        var weeks = counts.Select(pair => new PeriodCount(Label(pair.Key), pair.Value, Complete(pair.Key))).ToList();
        var headlineMonday = counts.Keys.LastOrDefault(Complete, int.MinValue);
        var headline = headlineMonday == int.MinValue ? null : weeks.Last(w => w.Complete);
        Extrapolation? scaled = null;
        if (headline is not null && query.BusinessMau is { } businessMau)
        {
            // The sample MAU is the rolling 30-day count on the headline week's last day.
            var sunday = Label(headlineMonday + 6);
            var sampleMau = mau.FirstOrDefault(d => d.Date == sunday)?.Users ?? 0;
            scaled = Extrapolation.Of(headline.Users, sampleMau, businessMau);
        }
        return new NorthStar("weekly active collaborative workspaces", query.NorthStarMinMembers,
            query.CollaborationEvents ?? [], headline, scaled, weeks);
    }

    private static void Flush(Dictionary<long, (int Members, bool Collaborated)> cells, int week, int workspace, bool collaborated)
    {
        if (week == int.MinValue) return;
        var key = ((long)week << 32) | (uint)workspace;
        var cell = cells.GetValueOrDefault(key);
        cells[key] = (cell.Members + 1, cell.Collaborated || collaborated);
    }

    private static string Label(int dayNumber) => DateOnly.FromDayNumber(dayNumber).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
