using Sextant.Events;
using Sextant.Stats;

namespace Sextant.Analysis.Revenue;

/// <summary>
/// Turns monthly and cohort revenue sums into the result (SEMANTICS.md, Revenue and LTV): ARPU and
/// ARPPU per month, observed LTV per cohort, and projected LTV from a shifted-beta-geometric model
/// fitted to pooled on-or-after retention of complete cohort months (<see cref="LtvModel"/>).
/// Months that have not ended by the data end are partial and never enter an average.
/// </summary>
public static class RevenueShaper
{
    private const string ModelName = "shifted-beta-geometric";
    // The sBG fit takes survivor counts; pooled rates are scaled to a nominal cohort of this size.
    private const double NominalCohort = 1000;

    /// <summary>The result of <paramref name="query"/> from its measures.</summary>
    public static RevenueResult Shape(RevenueQuery query, RevenueMeasures measures)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(measures);
        if (measures.DataEnd is not { } dataEnd)
            return new RevenueResult("", measures.Currency, measures.SkippedSubscriptions, measures.UnmatchedSubscriptions, [], [], null);
        var (model, fit) = Fit(measures.Cohorts);
        var cohorts = measures.Cohorts.Select(cohort => Row(cohort, model, fit)).ToList();
        return new RevenueResult(new Timestamp(dataEnd).ToString(), measures.Currency, measures.SkippedSubscriptions, measures.UnmatchedSubscriptions,
            Months(measures.Months), cohorts, model)
        {
            BreakdownBy = query.Breakdowns.Count == 0 ? null : Breakdowns.Label(query.Breakdowns.Select(b => b.ToString()).ToList()),
            Breakdown = query.Breakdowns.Count == 0 ? null : Groups(query, measures.Groups),
        };
    }

    private static List<RevenueMonth> Months(IReadOnlyList<RevenueMonthCounts> months) =>
        months.Select(m => new RevenueMonth(m.Month, m.Revenue, m.ActiveUsers, m.PayingUsers, Ratio(m.Revenue, m.ActiveUsers), Ratio(m.Revenue, m.PayingUsers), m.Complete)).ToList();

    /// <summary>The largest groups by signed-up users (ties by label), the rest added up month by month as Other.</summary>
    private static List<RevenueBreakdown> Groups(RevenueQuery query, IReadOnlyList<RevenueGroupCounts> groups)
    {
        var (kept, other) = TopGroups.Split(groups.Select(g => g.Key).ToList(), i => groups[i].Users, query.BreakdownLimit);
        var rows = kept.Select(i => new RevenueBreakdown(Breakdowns.Label(groups[i].Key), groups[i].Key, groups[i].Users, Months(groups[i].Months))).ToList();
        if (other.Count == 0) return rows;
        var merged = groups[other[0]].Months.Select((month, m) => month with
        {
            Revenue = other.Sum(i => groups[i].Months[m].Revenue),
            ActiveUsers = other.Sum(i => groups[i].Months[m].ActiveUsers),
            PayingUsers = other.Sum(i => groups[i].Months[m].PayingUsers),
        }).ToList();
        rows.Add(new RevenueBreakdown(Breakdowns.OtherValues, [Breakdowns.OtherValues], other.Sum(i => groups[i].Users), Months(merged)));
        return rows;
    }

    private static double Ratio(double value, double count) => count == 0 ? 0 : value / count;

    /// <summary>Fits sBG to pooled on-or-after retention over complete cohort months; null when the fit is undefined.</summary>
    private static (LtvModel? Model, ShiftedBetaGeometricFit? Fit) Fit(IReadOnlyList<RevenueCohortCounts> cohorts)
    {
        if (cohorts.Count == 0) return (null, null);
        var pooled = new List<double>();
        double revenue = 0, retainedMonths = 0;
        // Offset k has a complete cell in the oldest cohort first, so the series stops where the oldest cohort's data do.
        for (var k = 0; k < cohorts[0].CompletePeriods; k++)
        {
            long retained = 0, size = 0;
            foreach (var cohort in cohorts)
            {
                // Younger cohorts have fewer complete months, so none after this one has month k complete either.
                if (k >= cohort.CompletePeriods) break;
                retained += cohort.Retained[k];
                size += cohort.Size;
                revenue += cohort.Revenue[k];
            }
            retainedMonths += retained;
            // Pooling different cohort mixes per offset can make the curve rise; survival cannot, so keep the running minimum.
            pooled.Add(Math.Min(retained / (double)size, pooled.Count == 0 ? 1 : pooled[^1]));
        }
        var fit = ShiftedBetaGeometric.Fit(pooled.Select(rate => rate * NominalCohort).ToList());
        return (fit is null ? null : new LtvModel(ModelName, fit.Alpha, fit.Beta, fit.RootMeanSquareError, fit.Periods, Ratio(revenue, retainedMonths), pooled), fit);
    }

    private static RevenueCohort Row(RevenueCohortCounts cohort, LtvModel? model, ShiftedBetaGeometricFit? fit)
    {
        var cells = new List<LtvCell>(cohort.Revenue.Count);
        var cumulative = 0.0;
        for (var k = 0; k < cohort.Revenue.Count; k++)
        {
            cumulative += cohort.Revenue[k];
            cells.Add(new LtvCell(k, cohort.Revenue[k], cumulative / cohort.Size, cohort.Retained[k], k < cohort.CompletePeriods));
        }
        var m = cohort.CompletePeriods - 1;
        if (model is null || fit is null || m < 0) return new RevenueCohort(cohort.Cohort, cohort.Size, cells, null, null);

        var share = cohort.Retained[m] / (double)cohort.Size;
        var atM = fit.Survival(m);
        double Project(int horizon)
        {
            if (m >= horizon - 1) return cells[horizon - 1].Ltv;
            var tail = 0.0;
            for (var k = m + 1; k < horizon; k++) tail += atM > 0 ? fit.Survival(k) / atM : 0;
            return cells[m].Ltv + model.RevenuePerRetainedUserMonth * share * tail;
        }
        return new RevenueCohort(cohort.Cohort, cohort.Size, cells, Project(12), Project(24));
    }
}
