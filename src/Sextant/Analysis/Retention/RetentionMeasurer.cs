using Sextant.Engine.InMemory;
using Sextant.Events;

namespace Sextant.Analysis.Retention;

/// <summary>
/// Counts retention in memory: one pass over the signed-up users, each added to the cohort of
/// the calendar period of their sign-up (or first start event) within their breakdown group.
/// </summary>
internal static class RetentionMeasurer
{
    /// <exception cref="SextantException">A start or return event, breakdown or cohort names something the store does not have.</exception>
    public static RetentionMeasures Measure(EventTable table, RetentionQuery query)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(query);
        var dataEnd = query.Range.LastInstant ?? table.MaxTimestamp;
        var active = ActiveCodes(table, query);
        var startCode = query.StartEvent is null ? -1 : Code(table, query.StartEvent, "start event");
        var scope = UserScope.Of(table, query);
        var calendar = table.Calendar;
        var periods = new CalendarPeriods(calendar, query.Period);
        var lastPeriod = table.EventCount == 0 ? 0 : periods.Of(dataEnd);
        var dayN = RetentionQuery.DayN;
        var groups = Enumerable.Range(0, scope.GroupCount).Select(_ => new Group(dayN.Count)).ToArray();
        var activeDays = new List<int>();
        for (var user = 0; user < table.SignedUpUserCount; user++)
        {
            if (!scope.Includes(user)) continue;
            var group = groups[scope.GroupOf(user)];
            group.Users++;
            var start = table.UserOffsets[user];
            var end = table.UserOffsets[user + 1];
            var cohortInstant = startCode < 0 ? table.SignupAt[user] : FirstOf(table, start, end, startCode);
            if (cohortInstant == long.MinValue || cohortInstant < query.Range.FromMicros || cohortInstant > dataEnd) continue;
            var cohort = periods.Of(cohortInstant);
            if (!group.Cohorts.TryGetValue(cohort, out var row)) group.Cohorts[cohort] = row = new Row(lastPeriod - cohort + 1);
            row.Size++;

            var seen = new bool[row.Retained.Length];
            var latest = -1;
            activeDays.Clear();
            for (var i = start; i < end; i++)
            {
                var t = table.Timestamps[i];
                if (t < cohortInstant || t > dataEnd || !active[table.EventCodes[i]]) continue;
                var k = periods.Of(t) - cohort;
                seen[k] = true;
                latest = Math.Max(latest, k);
                var day = calendar.DayOf(t);
                if (activeDays.Count == 0 || activeDays[^1] != day) activeDays.Add(day);
            }
            for (var k = 0; k < seen.Length; k++)
                if (query.Mode == RetentionMode.On ? seen[k] : k <= latest) row.Retained[k]++;

            var signupDay = calendar.DayOf(cohortInstant);
            for (var n = 0; n < dayN.Count; n++)
            {
                var day = signupDay + dayN[n];
                if (calendar.DayStart(day + 1) > dataEnd + 1) continue;
                group.DayEligible[n]++;
                if (activeDays.BinarySearch(day) >= 0) group.DayRetained[n]++;
            }
        }

        // Without breakdowns the one group stands for everyone and is kept even when empty.
        var counts = groups.Select((group, g) => new RetentionGroupCounts(scope.Keys[g], group.Users,
                group.Cohorts.Select(pair => new RetentionCohortCounts(periods.Label(pair.Key), pair.Value.Size, pair.Value.Retained,
                    CompletePeriods(periods, pair.Key, pair.Value.Retained.Length, dataEnd))).ToList(),
                group.DayRetained, group.DayEligible))
            .Where(group => query.Breakdowns.Count == 0 || group.Users > 0).ToList();
        return new RetentionMeasures(dataEnd, counts);
    }

    /// <summary>Leading periods of a cohort that have ended by the data end.</summary>
    private static int CompletePeriods(CalendarPeriods periods, int cohort, int length, long dataEnd)
    {
        var complete = 0;
        while (complete < length && periods.Start(cohort + complete + 1) <= dataEnd + 1) complete++;
        return complete;
    }

    private static bool[] ActiveCodes(EventTable table, RetentionQuery query)
    {
        if (query.ReturnEvent is null) return ActiveEvents.Mask(table, query.ExcludeEvents);
        var active = new bool[table.EventNames.Length];
        active[Code(table, query.ReturnEvent, "return event")] = true;
        return active;
    }

    private static int Code(EventTable table, string name, string what)
    {
        var code = table.EventCode(name);
        return code >= 0 ? code : throw new SextantException(NameCheck.Unknown(what, name, null, table.EventNames));
    }

    private static long FirstOf(EventTable table, int start, int end, int code)
    {
        for (var i = start; i < end; i++) if (table.EventCodes[i] == code) return table.Timestamps[i];
        return long.MinValue;
    }

    private sealed class Group(int days)
    {
        public long Users { get; set; }
        public SortedDictionary<int, Row> Cohorts { get; } = [];
        public long[] DayRetained { get; } = new long[days];
        public long[] DayEligible { get; } = new long[days];
    }

    private sealed class Row(int length)
    {
        public long Size { get; set; }
        public long[] Retained { get; } = new long[length];
    }
}
