using System.Globalization;
using Sextant.Stats;

namespace Sextant.Analysis.Engagement;

/// <summary>The North Star, feature adoption, power users, concentration and activation speed from their counts.</summary>
public static partial class EngagementShaper
{
    /// <summary>The headline is the last complete week; with business.mau it is also extrapolated by the MAU on that week's Sunday.</summary>
    private static NorthStar NorthStarOf(EngagementQuery query, EngagementMeasures measures)
    {
        var weeks = measures.NorthStarWeeks;
        var headline = weeks.LastOrDefault(w => w.Complete);
        Extrapolation? scaled = null;
        if (headline is not null && query.BusinessMau is { } businessMau)
        {
            // The sample MAU is the rolling 30-day count on the headline week's last day.
            var sunday = DateOnly.ParseExact(headline.Period, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var sampleMau = measures.Activity.Days.FirstOrDefault(d => d.Date == sunday)?.Mau ?? 0;
            scaled = Extrapolation.Of(headline.Users, sampleMau, businessMau);
        }
        return new NorthStar("weekly active collaborative workspaces", query.NorthStarMinMembers, [.. query.CollaborationEvents], headline, scaled, weeks);
    }

    /// <summary>
    /// Adoption per feature with Wilson intervals; per group, the groups with the most signed-up
    /// users (ties by label) keep their row and the rest are summed into Other, which is last.
    /// </summary>
    private static List<FeatureAdoption> FeatureAdoptionOf(EngagementQuery query, EngagementMeasures measures)
    {
        var groups = measures.AdoptionGroups;
        var (kept, other) = TopGroups.Split([.. groups.Select(g => g.Values)], i => groups[i].Users, query.BreakdownLimit);
        var signedUp = measures.SignedUp;
        return measures.Features.Select(feature =>
        {
            var interval = Proportions.Wilson(feature.Adopters, signedUp);
            var monthly = feature.Monthly.Select(m => new PeriodShare(m.Period, m.Users, m.Active, m.Users / (double)m.Active, m.Complete)).ToList();
            var byGroup = groups.Count == 0 ? [] : kept.Select(g => Share(Breakdowns.Label(groups[g].Values), groups[g].Values, feature.AdoptersByGroup[g], groups[g].Users)).ToList();
            if (groups.Count > 0 && other.Count > 0)
                byGroup.Add(Share(Breakdowns.OtherValues, [Breakdowns.OtherValues], other.Sum(g => feature.AdoptersByGroup[g]), other.Sum(g => groups[g].Users)));
            return new FeatureAdoption(feature.Feature, feature.Adopters, signedUp, signedUp == 0 ? 0 : feature.Adopters / (double)signedUp, interval.Low, interval.High,
                feature.DaysToFirstUse.Median, monthly, byGroup);
        }).ToList();

        static GroupShare Share(string label, IReadOnlyList<string> values, long users, long of)
        {
            var ci = Proportions.Wilson(users, of);
            return new GroupShare(label, users, of, of == 0 ? 0 : users / (double)of, ci.Low, ci.High) { Values = values };
        }
    }

    private static PowerUsers PowerUsersOf(PowerUserCounts counts) => new(counts.EndDate, Curve(counts.L7), Curve(counts.L30));

    private static List<ActiveDaysBin> Curve(IReadOnlyList<long> counts)
    {
        var activeUsers = counts.Skip(1).Sum();
        return Enumerable.Range(1, counts.Count - 1)
            .Select(days => new ActiveDaysBin(days, counts[days], activeUsers == 0 ? 0 : counts[days] / (double)activeUsers)).ToList();
    }

    /// <summary>Top-10% share (the top ⌊n/10⌋ users, at least one) and Gini = Σ(2i − n − 1)·xᵢ / (n·Σx) over ascending xᵢ.</summary>
    /// <param name="eventsPerUser">Active events of each active user.</param>
    internal static Concentration ConcentrationOf(IEnumerable<long> eventsPerUser)
    {
        var sorted = eventsPerUser.Order().ToList();
        var n = sorted.Count;
        if (n == 0) return new Concentration(0, 0, 0, 0);
        double total = 0, weighted = 0, top = 0;
        var topCount = Math.Max(1, n / 10);
        for (var i = 0; i < n; i++)
        {
            total += sorted[i];
            weighted += (2.0 * (i + 1) - n - 1) * sorted[i];
            if (i >= n - topCount) top += sorted[i];
        }
        return new Concentration(n, topCount, top / total, weighted / (n * total));
    }

    /// <summary>
    /// Month-1 retention of fast activators (under 24 hours), slow activators and users who did not
    /// activate. Fast activators are compared with slow ones: against everyone else, the users who
    /// never activated (and barely return) would inflate the ratio, so they are reported apart as
    /// the third group. Observational: an association, not an effect of activating faster.
    /// </summary>
    private static ActivationSpeed ActivationSpeedOf(ActivationSpeedCounts counts)
    {
        string[] names = ["fast activators (< 24 h)", "slow activators", "not activated"];
        var users = counts.Users;
        var retained = counts.Retained;
        var groups = names.Select((name, g) =>
        {
            var ci = Proportions.Wilson(retained[g], users[g]);
            return new GroupShare(name, retained[g], users[g], users[g] == 0 ? 0 : retained[g] / (double)users[g], ci.Low, ci.High);
        }).ToList();
        var ratio = Proportions.RiskRatio(retained[1], users[1], retained[0], users[0]);
        var test = Proportions.TwoProportionZ(retained[1], users[1], retained[0], users[0]);
        return new ActivationSpeed("month-1 retention", groups, ratio?.Ratio, ratio?.Interval.Low, ratio?.Interval.High, test.PValue,
            "association: fast activators differ from slow ones in more than speed");
    }
}
