using System.Globalization;
using Sextant.Stats;

namespace Sextant.Analysis.Marts;

/// <summary>
/// Cohort engagement rows from their counts: per cohort and month the MAU, the mean DAU over the month's observed days,
/// stickiness (mean DAU / MAU) and the retained share (MAU / cohort size, Wilson 95% interval); per cohort and feature the
/// adoption rate ever and within 30 days of sign-up, with Wilson intervals. A month not over at the data end, and early
/// adoption of a cohort whose last member's 30 days are not over, are marked incomplete (docs/MARTS.md).
/// </summary>
public static class CohortEngagementShaper
{
    /// <summary>The result of <paramref name="query"/> from its measures.</summary>
    public static CohortEngagementResult Shape(CohortEngagementQuery query, CohortEngagementMeasures measures)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(measures);
        if (measures.DataEndDay is not { } endDay || measures.LastCompleteDay is not { } lastComplete)
            return new CohortEngagementResult("", measures.Features, [], []);
        var months = new List<CohortEngagementRow>();
        var adoption = new List<CohortFeatureAdoptionRow>();
        foreach (var cohort in measures.Cohorts)
        {
            var label = MonthLabel(cohort.Month);
            for (var k = 0; k < cohort.ActiveUsers.Count; k++)
            {
                var start = cohort.Month.AddMonths(k);
                var last = start.AddMonths(1).AddDays(-1);
                var complete = last <= lastComplete;
                var days = (last < endDay ? last : endDay).DayNumber - start.DayNumber + 1;
                var users = cohort.ActiveUsers[k];
                var meanDau = days <= 0 ? 0 : cohort.ActiveUserDays[k] / (double)days;
                var retained = Proportions.Wilson(users, cohort.Size);
                months.Add(new CohortEngagementRow(label, cohort.Size, MonthLabel(start), k, Math.Max(0, days), users, meanDau,
                    users == 0 ? 0 : meanDau / users, cohort.Size == 0 ? 0 : users / (double)cohort.Size, retained.Low, retained.High, complete));
            }
            // The cohort's last member signed up on the month's last day; their days 0 … 29 end 29 days later.
            var lastSignupDay = cohort.Month.AddMonths(1).AddDays(-1);
            var earlyComplete = lastSignupDay.AddDays(CohortEngagementQuery.EarlyAdoptionDays - 1) <= lastComplete;
            for (var f = 0; f < measures.Features.Count; f++)
            {
                var ever = Proportions.Wilson(cohort.Adopters[f], cohort.Size);
                var early = Proportions.Wilson(cohort.EarlyAdopters[f], cohort.Size);
                adoption.Add(new CohortFeatureAdoptionRow(label, cohort.Size, measures.Features[f], cohort.Adopters[f], Rate(cohort.Adopters[f], cohort.Size), ever.Low, ever.High,
                    cohort.EarlyAdopters[f], Rate(cohort.EarlyAdopters[f], cohort.Size), early.Low, early.High, earlyComplete));
            }
        }
        return new CohortEngagementResult(endDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), measures.Features, months, adoption);
    }

    /// <summary>yyyy-MM of a month's first day.</summary>
    internal static string MonthLabel(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static double Rate(long users, long of) => of == 0 ? 0 : users / (double)of;
}
