using Sextant.Analysis.Marts;
using Sextant.Reports.Charts;

namespace Sextant.Reports.Dashboards;

/// <summary>
/// The cohort marts' panels (docs/MARTS.md): conversion by sign-up month on the funnel dashboard, DAU/MAU and retained
/// share by sign-up month on the engagement dashboard, upsell candidates by plan on the health dashboard. None without marts.
/// </summary>
internal static class MartPanels
{
    /// <summary>A heatmap of each step's conversion from the cohort, one row per sign-up month; partial cohorts drawn faded.</summary>
    public static IEnumerable<Chart> CohortFunnel(MartsResult? marts)
    {
        if (marts?.Funnel is not { Cohorts.Count: > 0 } funnel) yield break;
        var rows = funnel.Cohorts.Select(c => $"{c.Cohort} ({Text.Count(c.CohortSize)})").ToList();
        var cells = funnel.Cohorts.Select(c => (IReadOnlyList<ChartPoint>)c.Steps.Select(s => new ChartPoint(s.FromCohort,
            $"{c.Cohort}, {s.Name}: {Text.Percent(s.FromCohort)} {Text.PercentInterval(s.CohortCiLow, s.CohortCiHigh)} of {Text.Count(c.CohortSize)} users ({Text.Count(s.Users)})"
            + (c.Complete ? "" : "; partial: windows still open"), s.CohortCiLow, s.CohortCiHigh, Incomplete: !c.Complete)).ToList()).ToList();
        yield return new HeatmapChart("cohort_funnel", "Product funnel by sign-up month: share of the cohort reaching each step", rows, [.. funnel.Steps], cells, ValueFormat.Percent)
        {
            Note = $"Faded rows are cohorts whose {funnel.WindowSeconds / 86400.0:0.##}-day windows had not all closed at the data end; they are left out of averages.",
            LegendTitle = "share of the cohort",
        };
    }

    /// <summary>Heatmaps of DAU/MAU and of the retained share by sign-up month and month since sign-up; partial months drawn faded.</summary>
    public static IEnumerable<Chart> CohortEngagement(MartsResult? marts)
    {
        if (marts?.Engagement is not { Months.Count: > 0 } engagement) yield break;
        var cohorts = engagement.Months.GroupBy(r => r.Cohort).ToList();
        var months = engagement.Months.Max(r => r.MonthsSinceSignup) + 1;
        var columns = Enumerable.Range(0, months).Select(k => $"month {k}").ToList();
        var rows = cohorts.Select(c => $"{c.Key} ({Text.Count(c.First().CohortSize)})").ToList();
        IReadOnlyList<IReadOnlyList<ChartPoint>> Cells(Func<CohortEngagementRow, ChartPoint> point) => cohorts.Select(c =>
            (IReadOnlyList<ChartPoint>)Enumerable.Range(0, months).Select(k => c.FirstOrDefault(r => r.MonthsSinceSignup == k) is { } row
                ? point(row)
                : new ChartPoint(null, $"{c.Key}, month {k}: not yet observed")).ToList()).ToList();
        static string Partial(CohortEngagementRow r) => r.Complete ? "" : $" (partial: {r.Days} days observed)";
        yield return new HeatmapChart("cohort_dau_mau", "Stickiness (mean DAU / MAU) by sign-up month", rows, columns,
            Cells(r => new ChartPoint(r.ActiveUsers == 0 ? null : r.Stickiness,
                $"{r.Cohort}, {r.Month}: DAU/MAU {Text.Percent(r.Stickiness)}, mean DAU {Text.Number(Math.Round(r.MeanDau, 2))}, MAU {Text.Count(r.ActiveUsers)}{Partial(r)}", Incomplete: !r.Complete)),
            ValueFormat.Percent)
        { Note = "Mean daily active users of the cohort over the month's days, over its monthly active users. Faded cells are months not over at the data end.", LegendTitle = "DAU / MAU" };
        yield return new HeatmapChart("cohort_retained_share", "Share of each sign-up cohort active, by month since sign-up", rows, columns,
            Cells(r => new ChartPoint(r.RetainedShare,
                $"{r.Cohort}, {r.Month}: {Text.Percent(r.RetainedShare)} {Text.PercentInterval(r.CiLow, r.CiHigh)} of {Text.Count(r.CohortSize)} active{Partial(r)}",
                r.CiLow, r.CiHigh, Incomplete: !r.Complete)),
            ValueFormat.Percent)
        { Note = "MAU of the cohort over its size, with 95% Wilson intervals in the tooltips. Faded cells are months not over at the data end.", LegendTitle = "share of the cohort active" };
    }

    /// <summary>Upsell candidates (expansion-ready) and at-risk users by plan, the plan read from subscriptions.</summary>
    public static IEnumerable<Chart> UpsellByPlan(MartsResult? marts)
    {
        if (marts?.Health is not { Plans.Count: > 0 } health) yield break;
        var plans = health.Plans;
        yield return new BarChart("upsell_by_plan", "Upsell candidates and at-risk users by plan (plan from subscriptions)", plans.Select(p => p.Plan).ToList(),
            [new ChartSeries("expansion-ready", plans.Select(p => new ChartPoint(p.ExpansionReady, $"{p.Plan}: {Text.Count(p.ExpansionReady)} of {Text.Count(p.Users)} scored users expansion-ready")).ToList()),
             new ChartSeries("at risk", plans.Select(p => new ChartPoint(p.AtRisk, $"{p.Plan}: {Text.Count(p.AtRisk)} of {Text.Count(p.Users)} at risk")).ToList())],
            ValueFormat.Count)
        {
            Note = $"Plan: the subscription live at {health.DataEndDay} (the profile's only for users with no subscription). Expansion-ready: plan in "
                + $"{(health.ExpansionPlans.Count == 0 ? "(none named)" : string.Join(", ", health.ExpansionPlans))}, ≥ {health.MinFeatures} features and ≥ {health.MinActiveDays} active days in the last 30.",
        };
    }
}
