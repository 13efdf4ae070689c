using Sextant.Analysis.Engagement;
using Sextant.Analysis.Funnels;
using Sextant.Analysis.Retention;
using Sextant.Analysis.Revenue;
using static Sextant.Reports.Tables.TableColumnType;

namespace Sextant.Reports.Tables;

/// <summary>
/// The engagement, funnel, retention and revenue results as plain tables — the same rows the CSV
/// files of <see cref="AnalysisFiles"/> hold, since those files are these tables rendered.
/// </summary>
public static class AnalysisTables
{
    /// <summary>engagement_metrics: date, dau, wau, mau, stickiness.</summary>
    public static ResultTable Engagement(EngagementResult engagement)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        var rows = Enumerable.Range(0, engagement.Dau.Count).Select(i => new object?[]
            { engagement.Dau[i].Date, engagement.Dau[i].Users, engagement.Wau[i].Users, engagement.Mau[i].Users, engagement.Stickiness.Daily[i].Value });
        return ResultTable.Of("engagement_metrics", rows, ("date", Text), ("dau", Integer), ("wau", Integer), ("mau", Integer), ("stickiness", Real));
    }

    /// <summary>
    /// feature_adoption: per feature one "ever" row (adopters of signed-up users), one "month" row per
    /// month (users of active users) and one row per breakdown value (scope = the attribute).
    /// </summary>
    public static ResultTable FeatureAdoption(EngagementResult engagement)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        var scope = engagement.BreakdownBy ?? "segment";
        var rows = new List<object?[]>();
        foreach (var feature in engagement.FeatureAdoption)
        {
            rows.Add([feature.Feature, "ever", "all", feature.Adopters, feature.SignedUp, feature.Rate, feature.CiLow, feature.CiHigh, true, feature.MedianDaysToFirstUse]);
            foreach (var month in feature.Monthly)
                rows.Add([feature.Feature, "month", month.Period, month.Users, month.Active, month.Rate, null, null, month.Complete, null]);
            foreach (var group in feature.ByGroup)
                rows.Add([feature.Feature, scope, group.Value, group.Users, group.Of, group.Rate, group.CiLow, group.CiHigh, true, null]);
        }
        return ResultTable.Of("feature_adoption", rows, ("feature", Text), ("scope", Text), ("key", Text), ("users", Integer), ("of", Integer),
            ("rate", Real), ("ci_low", Real), ("ci_high", Real), ("complete", Flag), ("median_days_to_first_use", Real));
    }

    /// <summary>funnel_metrics: one row per step of the overall funnel.</summary>
    public static ResultTable FunnelSteps(FunnelResult funnel)
    {
        ArgumentNullException.ThrowIfNull(funnel);
        return ResultTable.Of("funnel_metrics", funnel.Steps.Select(StepValues), StepColumns);
    }

    /// <summary>segment_funnel: one row per breakdown value and step, with the value's comparison to the rest.</summary>
    public static ResultTable FunnelBreakdown(FunnelResult funnel)
    {
        ArgumentNullException.ThrowIfNull(funnel);
        var rows = funnel.Breakdown.SelectMany(value => value.Steps.Select((step, k) => (object?[])
            [value.Value, .. StepValues(step, k), value.OverallConversion, value.RatioToRest, value.RatioLow, value.RatioHigh, value.PValueVsRest]));
        return ResultTable.Of("segment_funnel", rows,
            [("value", Text), .. StepColumns, ("overall_conversion", Real), ("ratio_to_rest", Real), ("ratio_low", Real), ("ratio_high", Real), ("p_value_vs_rest", Real)]);
    }

    /// <summary>cohort_retention: the average curve and day-N retention.</summary>
    public static ResultTable CohortRetention(RetentionResult retention)
    {
        ArgumentNullException.ThrowIfNull(retention);
        var average = "average_" + retention.Period.ToString().ToLowerInvariant();
        var rows = retention.Average.Select(rate => RateValues(average, rate)).Concat(retention.DayN.Select(rate => RateValues("day_n", rate)));
        return ResultTable.Of("cohort_retention", rows, ("kind", Text), ("period", Integer), ("users", Integer), ("eligible", Integer),
            ("rate", Real), ("ci_low", Real), ("ci_high", Real));
    }

    /// <summary>retention_matrix: one row per cohort cell, partial cells marked incomplete.</summary>
    public static ResultTable RetentionMatrix(RetentionResult retention)
    {
        ArgumentNullException.ThrowIfNull(retention);
        var rows = retention.Cohorts.SelectMany(cohort => cohort.Periods.Select(cell => new object?[]
            { cohort.Cohort, cohort.Size, cell.Period, cell.Users, cell.Rate, cell.CiLow, cell.CiHigh, cell.Complete }));
        return ResultTable.Of("retention_matrix", rows, ("cohort", Text), ("size", Integer), ("period", Integer), ("users", Integer),
            ("rate", Real), ("ci_low", Real), ("ci_high", Real), ("complete", Flag));
    }

    /// <summary>revenue_metrics: month, revenue, active_users, paying_users, arpu, arppu, complete.</summary>
    public static ResultTable RevenueMonths(RevenueResult revenue)
    {
        ArgumentNullException.ThrowIfNull(revenue);
        var rows = revenue.Months.Select(m => new object?[] { m.Month, m.Revenue, m.ActiveUsers, m.PayingUsers, m.Arpu, m.Arppu, m.Complete });
        return ResultTable.Of("revenue_metrics", rows, ("month", Text), ("revenue", Real), ("active_users", Integer), ("paying_users", Integer),
            ("arpu", Real), ("arppu", Real), ("complete", Flag));
    }

    /// <summary>
    /// ltv_by_cohort: one observed row per cohort month, then the projected LTV at 12 and 24 months
    /// (kind projected_sbg, an extrapolation by the fitted model).
    /// </summary>
    public static ResultTable LtvByCohort(RevenueResult revenue)
    {
        ArgumentNullException.ThrowIfNull(revenue);
        var rows = new List<object?[]>();
        foreach (var cohort in revenue.Cohorts)
        {
            foreach (var cell in cohort.Periods)
                rows.Add([cohort.Cohort, cohort.Size, (long)cell.Period, cell.Revenue, cell.Ltv, cell.Retained, cell.Complete, "observed"]);
            if (cohort.ProjectedLtv12 is { } ltv12) rows.Add([cohort.Cohort, cohort.Size, 12L, null, ltv12, null, false, "projected_sbg"]);
            if (cohort.ProjectedLtv24 is { } ltv24) rows.Add([cohort.Cohort, cohort.Size, 24L, null, ltv24, null, false, "projected_sbg"]);
        }
        return ResultTable.Of("ltv_by_cohort", rows, ("cohort", Text), ("size", Integer), ("month", Integer), ("revenue", Real), ("ltv", Real),
            ("retained", Integer), ("complete", Flag), ("kind", Text));
    }

    private static readonly (string, TableColumnType)[] StepColumns =
    [
        ("step", Integer), ("name", Text), ("users", Integer), ("conversion_from_previous", Real), ("conversion_from_start", Real),
        ("ci_low", Real), ("ci_high", Real), ("ci_low_from_start", Real), ("ci_high_from_start", Real), ("drop_off", Integer),
        ("median_seconds_from_previous", Real), ("p90_seconds_from_previous", Real), ("median_seconds_from_start", Real), ("p90_seconds_from_start", Real),
    ];

    private static object?[] StepValues(FunnelStepResult step, int index) =>
    [
        (long)index, step.Name, step.Users, step.ConversionFromPrevious, step.ConversionFromStart, step.CiLow, step.CiHigh,
        step.CiLowFromStart, step.CiHighFromStart, step.DropOff, step.MedianSecondsFromPrevious, step.P90SecondsFromPrevious,
        step.MedianSecondsFromStart, step.P90SecondsFromStart,
    ];

    private static object?[] RateValues(string kind, RetentionRate rate) =>
        [kind, (long)rate.Period, rate.Users, rate.Eligible, rate.Rate, rate.CiLow, rate.CiHigh];
}
