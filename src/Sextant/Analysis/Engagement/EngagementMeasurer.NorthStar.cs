using Sextant.Engine.InMemory;
using Sextant.Events;

namespace Sextant.Analysis.Engagement;

/// <summary>
/// Weekly active collaborative workspaces (SEMANTICS.md, North Star): per ISO week, workspaces
/// with at least the minimum number of distinct active members and at least one collaboration
/// event by a member in that week. A user's workspace is the profile's workspace_id; users
/// without one never count, and with a cohort filter only the cohort's members do.
/// Users are grouped by workspace first, so each workspace's weeks are counted in small arrays
/// of its own, on every core over ranges of workspaces, with no table keyed by (week, workspace).
/// </summary>
internal static partial class EngagementMeasurer
{
    private static List<PeriodCount> NorthStarWeeks(EventTable table, EngagementQuery query, MetricsWindow window, bool[] active, UserScope? cohort)
    {
        var calendar = table.Calendar;
        var firstWeek = window.IsEmpty ? 0 : calendar.WeekOf(window.Start);
        var weeks = window.IsEmpty ? 0 : (calendar.WeekOf(window.End) - firstWeek) / 7 + 1;
        var counts = new long[weeks];
        var workspaces = table.Attributes["workspace_id"];
        if (workspaces is not null && weeks > 0)
        {
            var collaboration = new bool[table.EventNames.Length];
            foreach (var name in query.CollaborationEvents)
                if (table.EventCode(name) is >= 0 and var code) collaboration[code] = true;
            var (starts, members) = MembersByWorkspace(table, workspaces.Codes, cohort);
            var ranges = WorkspaceRanges(starts);
            var parts = new long[ranges.Length][];
            Parallel.For(0, ranges.Length, r => parts[r] = CountWorkspaces(table, query, window, active, collaboration, starts, members, ranges[r], firstWeek, weeks));
            foreach (var part in parts)
                for (var w = 0; w < weeks; w++) counts[w] += part[w];
        }
        return Enumerable.Range(0, weeks).Select(w => firstWeek + 7 * w)
            .Select(week => new PeriodCount(Label(week), counts[(week - firstWeek) / 7], calendar.DayStart(week + 7) <= window.End + 1)).ToList();
    }

    /// <summary>Signed-up users with a workspace (in the cohort, when one filters), grouped by workspace code: workspace c's members are members[starts[c] .. starts[c + 1]).</summary>
    private static (int[] Starts, int[] Members) MembersByWorkspace(EventTable table, int[] workspaceOf, UserScope? cohort)
    {
        var workspaceCount = 0;
        for (var user = 0; user < table.SignedUpUserCount; user++) workspaceCount = Math.Max(workspaceCount, workspaceOf[user]);
        var starts = new int[workspaceCount + 2];
        for (var user = 0; user < table.SignedUpUserCount; user++)
            if (workspaceOf[user] != 0 && (cohort is null || cohort.Includes(user))) starts[workspaceOf[user] + 1]++;
        for (var c = 0; c <= workspaceCount; c++) starts[c + 1] += starts[c];
        var members = new int[starts[^1]];
        var next = starts[..^1];
        for (var user = 0; user < table.SignedUpUserCount; user++)
            if (workspaceOf[user] != 0 && (cohort is null || cohort.Includes(user))) members[next[workspaceOf[user]]++] = user;
        return (starts, members);
    }

    /// <summary>Workspace codes in ranges of about equal numbers of members.</summary>
    private static (int From, int To)[] WorkspaceRanges(int[] starts)
    {
        var workspaces = starts.Length - 1;
        var count = Math.Max(1, Math.Min(workspaces, Environment.ProcessorCount * 4));
        var ranges = new (int From, int To)[count];
        var from = 0;
        for (var r = 0; r < count; r++)
        {
            var to = r == count - 1 ? workspaces : from;
            var target = (long)starts[^1] * (r + 1) / count;
            while (to < workspaces && starts[to] < target) to++;
            ranges[r] = (from, to);
            from = to;
        }
        return ranges;
    }

    /// <summary>North Star workspaces per week of the window among workspace codes [range.From, range.To).</summary>
    private static long[] CountWorkspaces(EventTable table, EngagementQuery query, MetricsWindow window, bool[] active, bool[] collaboration,
        int[] starts, int[] members, (int From, int To) range, int firstWeek, int weeks)
    {
        var counts = new long[weeks];
        var days = new DayLookup(table);
        var weekMembers = new int[weeks];
        var weekCollaborated = new bool[weeks];
        var touched = new List<int>();
        for (var workspace = range.From; workspace < range.To; workspace++)
        {
            for (var m = starts[workspace]; m < starts[workspace + 1]; m++)
            {
                var user = members[m];
                // Rows are in time order: a user's weeks come one after another, so each counts the user once.
                var week = -1;
                var cursor = new DayCursor(table.Calendar);
                for (var row = table.UserOffsets[user]; row < table.UserOffsets[user + 1]; row++)
                {
                    var t = table.Timestamps[row];
                    var code = table.EventCodes[row];
                    if (!window.Contains(t) || !active[code]) continue;
                    if (cursor.MoveTo(t))
                    {
                        var rowWeek = (days.WeekOfDay(cursor.Day) - firstWeek) / 7;
                        if (rowWeek != week)
                        {
                            week = rowWeek;
                            if (weekMembers[week]++ == 0) touched.Add(week);
                        }
                    }
                    weekCollaborated[week] |= collaboration[code];
                }
            }
            foreach (var week in touched)
            {
                if (weekMembers[week] >= query.NorthStarMinMembers && weekCollaborated[week]) counts[week]++;
                weekMembers[week] = 0;
                weekCollaborated[week] = false;
            }
            touched.Clear();
        }
        return counts;
    }
}
