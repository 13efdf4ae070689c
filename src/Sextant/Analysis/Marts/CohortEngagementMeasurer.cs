using Sextant.Engine.InMemory;
using Sextant.Events;

namespace Sextant.Analysis.Marts;

/// <summary>
/// Counts engagement by sign-up cohort in memory: one pass over the signed-up users, on every core over ranges of users.
/// Activity follows the retention rule (active events at or after the sign-up instant, up to the data end), so a cohort's
/// active users in month k are the users <c>sextant retention --period month</c> counts in its period k.
/// </summary>
internal static class CohortEngagementMeasurer
{
    /// <exception cref="SextantException">The cohort filter names something the store does not have.</exception>
    public static CohortEngagementMeasures Measure(EventTable table, CohortEngagementQuery query)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(query);
        var dataEnd = query.Range.LastInstant ?? table.MaxTimestamp;
        var active = ActiveEvents.Mask(table, query.ExcludeEvents);
        var features = query.Features.Count > 0
            ? query.Features.ToArray()
            : table.EventNames.Where(name => active[table.EventCode(name)] && !SystemEvents.Is(name)).Order(StringComparer.Ordinal).ToArray();
        if (table.EventCount == 0 || dataEnd == long.MinValue) return new CohortEngagementMeasures(dataEnd, null, null, features, []);

        var featureOf = new int[table.EventNames.Length];
        Array.Fill(featureOf, -1);
        for (var f = 0; f < features.Length; f++)
            if (table.EventCode(features[f]) is >= 0 and var code && active[code]) featureOf[code] = f;
        var scope = UserScope.Of(table, query);
        var calendar = table.Calendar;
        var lastMonth = calendar.MonthOf(dataEnd);
        var parts = UserRanges.Run(UserRanges.Of(table, table.SignedUpUserCount), (from, to) =>
        {
            var cohorts = new Dictionary<int, Counts>();
            var adopted = new int[features.Length];
            var early = new int[features.Length];
            Array.Fill(adopted, -1);
            Array.Fill(early, -1);
            for (var user = from; user < to; user++)
            {
                var signup = table.SignupAt[user];
                if (!scope.Includes(user) || signup == long.MinValue || signup < query.Range.FromMicros || signup > dataEnd) continue;
                var signupDay = calendar.DayOf(signup);
                var cohort = ProjectCalendar.MonthOfDay(signupDay);
                if (!cohorts.TryGetValue(cohort, out var counts)) cohorts[cohort] = counts = new Counts(lastMonth - cohort + 1, features.Length);
                counts.Size++;
                var cursor = new DayCursor(calendar);
                int lastDay = int.MinValue, lastK = -1;
                for (var row = table.UserOffsets[user]; row < table.UserOffsets[user + 1]; row++)
                {
                    var t = table.Timestamps[row];
                    // Rows are in time order within a user: nothing later counts.
                    if (t > dataEnd) break;
                    var code = table.EventCodes[row];
                    if (!active[code]) continue;
                    cursor.MoveTo(t);
                    var day = cursor.Day;
                    var f = featureOf[code];
                    if (f >= 0)
                    {
                        if (adopted[f] != user)
                        {
                            adopted[f] = user;
                            counts.Adopters[f]++;
                        }
                        if (early[f] != user && day >= signupDay && day - signupDay < CohortEngagementQuery.EarlyAdoptionDays)
                        {
                            early[f] = user;
                            counts.EarlyAdopters[f]++;
                        }
                    }
                    if (t < signup || day == lastDay) continue;
                    lastDay = day;
                    var k = ProjectCalendar.MonthOfDay(day) - cohort;
                    counts.UserDays[k]++;
                    if (k != lastK)
                    {
                        lastK = k;
                        counts.Users[k]++;
                    }
                }
            }
            return cohorts;
        });
        var merged = new SortedDictionary<int, Counts>();
        foreach (var part in parts)
            foreach (var (cohort, counts) in part)
            {
                if (merged.TryGetValue(cohort, out var mine)) mine.Add(counts);
                else merged[cohort] = counts;
            }
        var endDay = calendar.DayOf(dataEnd);
        var lastComplete = calendar.DayStart(endDay + 1) <= dataEnd + 1 ? endDay : endDay - 1;
        return new CohortEngagementMeasures(dataEnd, DateOnly.FromDayNumber(endDay), DateOnly.FromDayNumber(lastComplete), features, [.. merged.Select(pair => new CohortCounts(
            DateOnly.FromDayNumber(ProjectCalendar.FirstDayOfMonth(pair.Key)), pair.Value.Size, pair.Value.Users, pair.Value.UserDays,
            pair.Value.Adopters, pair.Value.EarlyAdopters))]);
    }

    private sealed class Counts(int months, int features)
    {
        public long Size { get; set; }
        public long[] Users { get; } = new long[months];
        public long[] UserDays { get; } = new long[months];
        public long[] Adopters { get; } = new long[features];
        public long[] EarlyAdopters { get; } = new long[features];

        public void Add(Counts other)
        {
            Size += other.Size;
            for (var k = 0; k < Users.Length; k++)
            {
                Users[k] += other.Users[k];
                UserDays[k] += other.UserDays[k];
            }
            for (var f = 0; f < Adopters.Length; f++)
            {
                Adopters[f] += other.Adopters[f];
                EarlyAdopters[f] += other.EarlyAdopters[f];
            }
        }
    }
}
