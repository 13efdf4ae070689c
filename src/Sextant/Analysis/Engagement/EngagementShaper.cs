using Sextant.Events;
using Sextant.Stats;

namespace Sextant.Analysis.Engagement;

/// <summary>
/// Turns engagement counts into <c>sextant metrics</c>' result: stickiness, rates with Wilson
/// intervals, quantiles of times, the North Star headline, concentration, and the largest
/// breakdown groups with the rest merged into Other.
/// </summary>
public static partial class EngagementShaper
{
    /// <summary>The result of <paramref name="query"/> from its measures.</summary>
    public static EngagementResult Shape(EngagementQuery query, EngagementMeasures measures)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(measures);
        var days = measures.Activity.Days;
        return new EngagementResult(new Timestamp(measures.DataEnd).ToString(),
            [.. days.Select(d => new DailyCount(d.Date, d.Dau))],
            [.. days.Select(d => new DailyCount(d.Date, d.Wau))],
            [.. days.Select(d => new DailyCount(d.Date, d.Mau))],
            StickinessOf(days), measures.Activity.Weekly, measures.Activity.Monthly,
            ActivationOf(query, measures.Activation), ActivationSpeedOf(measures.ActivationSpeed),
            NorthStarOf(query, measures), FeatureAdoptionOf(query, measures),
            PowerUsersOf(measures.PowerUsers), ConcentrationOf(measures.PowerUsers.EventsPerUser.SelectMany(b => Enumerable.Repeat(b.Events, checked((int)b.Users)))),
            new Lifecycle(query.LifecyclePeriod, measures.Lifecycle),
            query.Breakdowns.Count == 0 ? null : Breakdowns.Label([.. query.Breakdowns.Select(b => b.ToString())]),
            BreakdownOf(query, measures))
        {
            ExcludedEvents = [.. query.ExcludeEvents],
            Cohort = query.Cohort?.Name,
        };
    }

    /// <summary>DAU/MAU per day; the headline is its mean over the final 30 complete days.</summary>
    private static Stickiness StickinessOf(IReadOnlyList<DayCounts> days)
    {
        var ratios = days.Select(d => new DailyRatio(d.Date, d.Mau == 0 ? 0 : d.Dau / (double)d.Mau)).ToList();
        var headlineDays = Enumerable.Range(0, days.Count).Where(i => days[i].Complete).TakeLast(30).ToList();
        var headline = headlineDays.Count == 0 ? 0 : headlineDays.Average(i => ratios[i].Value);
        return new Stickiness(headline, headlineDays.Count, ratios);
    }

    private static Activation ActivationOf(EngagementQuery query, ActivationCounts counts)
    {
        var interval = Proportions.Wilson(counts.Activated, counts.Eligible);
        return new Activation([.. query.ActivationEvents], query.ActivationMatchAll ? "all" : "any", query.ActivationWindowDays, counts.Eligible, counts.Activated,
            counts.Eligible == 0 ? 0 : counts.Activated / (double)counts.Eligible, interval.Low, interval.High,
            counts.HoursToActivate.Median, counts.HoursToActivate.P90, counts.Fast, counts.Activated == 0 ? 0 : counts.Fast / (double)counts.Activated);
    }

    /// <summary>
    /// Headline figures per breakdown group: the groups with the most signed-up users (ties by
    /// label) keep their row, the rest are summed into Other, which is last.
    /// </summary>
    private static List<EngagementBreakdown> BreakdownOf(EngagementQuery query, EngagementMeasures measures)
    {
        var groups = measures.Groups;
        if (groups.Count == 0) return [];
        var (kept, other) = TopGroups.Split([.. groups.Select(g => g.Values)], i => groups[i].Users, query.BreakdownLimit);
        var rows = kept.Select(i => Row(Breakdowns.Label(groups[i].Values), groups[i].Values, [groups[i]])).ToList();
        if (other.Count > 0) rows.Add(Row(Breakdowns.OtherValues, [Breakdowns.OtherValues], [.. other.Select(i => groups[i])]));
        return rows;

        EngagementBreakdown Row(string label, IReadOnlyList<string> values, IReadOnlyList<EngagementGroupCounts> parts)
        {
            // Groups are disjoint sets of users, so their daily, rolling and activation counts add up.
            var days = measures.Activity.Days.Select((day, d) => new DayCounts(day.Date,
                parts.Sum(p => p.Days[d].Dau), parts.Sum(p => p.Days[d].Wau), parts.Sum(p => p.Days[d].Mau), day.Complete)).ToList();
            var last = days.Count - 1;
            return new EngagementBreakdown(label, parts.Sum(p => p.Users),
                last < 0 ? 0 : days[last].Dau, last < 0 ? 0 : days[last].Wau, last < 0 ? 0 : days[last].Mau,
                StickinessOf(days).Headline, ActivationOf(query, ActivationCounts.Sum(parts.Select(p => p.Activation))))
            { Values = values };
        }
    }
}
