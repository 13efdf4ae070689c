using Sextant.Engine.InMemory;
using Sextant.Events;

namespace Sextant.Analysis.Retention;

/// <summary>
/// Counts retention in memory: one pass over the signed-up users, on every core over ranges of
/// users, each added to the cohort of the calendar period of their sign-up (or first start event)
/// within their breakdown group; the ranges' integer counts are added at the end.
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
        var days = new DayLookup(table);
        var parts = UserRanges.Run(UserRanges.Of(table, table.SignedUpUserCount), (from, to) =>
        {
            var groups = Enumerable.Range(0, scope.GroupCount).Select(_ => new Group(dayN.Count)).ToArray();
            var activeDays = new List<int>();
            for (var user = from; user < to; user++)
            {
                if (!scope.Includes(user)) continue;
                var group = groups[scope.GroupOf(user)];
                group.Users++;
                var start = table.UserOffsets[user];
                var end = table.UserOffsets[user + 1];
                var cohortInstant = startCode < 0 ? table.SignupAt[user] : FirstOf(table, start, end, startCode);
                if (cohortInstant == long.MinValue || cohortInstant < query.Range.FromMicros || cohortInstant > dataEnd) continue;
                var cohort = days.PeriodOfDay(query.Period, calendar.DayOf(cohortInstant));
                if (!group.Cohorts.TryGetValue(cohort, out var row)) group.Cohorts[cohort] = row = new Row(lastPeriod - cohort + 1);
                row.Size++;

                // Rows are in time order, so periods and days only grow: each distinct one is counted once.
                var latest = -1;
                activeDays.Clear();
                var cursor = new DayCursor(calendar);
                for (var i = start; i < end; i++)
                {
                    var t = table.Timestamps[i];
                    if (t < cohortInstant || !active[table.EventCodes[i]]) continue;
                    if (t > dataEnd) break;
                    if (!cursor.MoveTo(t)) continue;
                    var k = days.PeriodOfDay(query.Period, cursor.Day) - cohort;
                    if (k != latest)
                    {
                        if (query.Mode == RetentionMode.On) row.Retained[k]++;
                        latest = k;
                    }
                    activeDays.Add(cursor.Day);
                }
                // On or after: retained in every period up to the latest one active.
                if (query.Mode != RetentionMode.On && latest >= 0) row.ActiveUntil[latest]++;

                var signupDay = calendar.DayOf(cohortInstant);
                for (var n = 0; n < dayN.Count; n++)
                {
                    var day = signupDay + dayN[n];
                    if (calendar.DayStart(day + 1) > dataEnd + 1) continue;
                    group.DayEligible[n]++;
                    if (activeDays.BinarySearch(day) >= 0) group.DayRetained[n]++;
                }
            }
            return groups;
        });
        var groups = parts[0];
        foreach (var part in parts.Skip(1))
            for (var g = 0; g < groups.Length; g++) groups[g].Add(part[g]);
        if (query.Mode != RetentionMode.On)
            foreach (var row in groups.SelectMany(group => group.Cohorts.Values)) row.RetainUntilActive();

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

        /// <summary>Adds the counts of the same group among other users.</summary>
        public void Add(Group other)
        {
            Users += other.Users;
            foreach (var (cohort, row) in other.Cohorts)
            {
                if (Cohorts.TryGetValue(cohort, out var mine)) mine.Add(row);
                else Cohorts[cohort] = row;
            }
            for (var n = 0; n < DayRetained.Length; n++)
            {
                DayRetained[n] += other.DayRetained[n];
                DayEligible[n] += other.DayEligible[n];
            }
        }
    }

    private sealed class Row(int length)
    {
        public long Size { get; set; }
        public long[] Retained { get; } = new long[length];

        private long[]? _activeUntil;

        /// <summary>Users whose latest active period is k (on-or-after retention counts them in 0 .. k); made on first use.</summary>
        public long[] ActiveUntil => _activeUntil ??= new long[Retained.Length];

        public void Add(Row other)
        {
            Size += other.Size;
            for (var k = 0; k < Retained.Length; k++) Retained[k] += other.Retained[k];
            if (other._activeUntil is { } until)
                for (var k = 0; k < until.Length; k++) ActiveUntil[k] += until[k];
        }

        /// <summary>On-or-after retention: period k counts every user active in k or later.</summary>
        public void RetainUntilActive()
        {
            if (_activeUntil is null) return;
            long later = 0;
            for (var k = Retained.Length - 1; k >= 0; k--)
            {
                later += _activeUntil[k];
                Retained[k] = later;
            }
        }
    }
}
