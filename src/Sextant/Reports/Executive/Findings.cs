using Sextant.Analysis.Engagement;
using Sextant.Analysis.Experiments;
using Sextant.Analysis.Funnels;
using Sextant.Analysis.Growth;
using Sextant.Analysis.Retention;
using Sextant.Analysis.Revenue;

namespace Sextant.Reports.Executive;

/// <summary>A step or stage and the one before it: where users are lost.</summary>
/// <param name="From">The previous step.</param>
/// <param name="To">The step with the lowest conversion from its previous one.</param>
internal sealed record Drop(FunnelStepResult From, FunnelStepResult To);

/// <summary>The highest and lowest overall conversion among breakdown values, and whether their intervals set them apart.</summary>
/// <param name="Best">Highest overall conversion.</param>
/// <param name="Worst">Lowest overall conversion.</param>
/// <param name="BestIsClear">Best's interval lies above every other value's interval.</param>
/// <param name="WorstIsClear">Worst's interval lies below every other value's interval.</param>
internal sealed record GroupContrast(FunnelBreakdown Best, FunnelBreakdown Worst, bool BestIsClear, bool WorstIsClear)
{
    public static double Low(FunnelBreakdown group) => group.Steps[^1].CiLowFromStart;

    public static double High(FunnelBreakdown group) => group.Steps[^1].CiHighFromStart;

    /// <summary>Null when fewer than two values have users at the first step.</summary>
    public static GroupContrast? Of(IReadOnlyList<FunnelBreakdown> breakdown)
    {
        var groups = breakdown.Where(b => b.Steps.Count > 0 && b.Steps[0].Users > 0).ToList();
        if (groups.Count < 2) return null;
        var best = groups.MaxBy(g => g.OverallConversion)!;
        var worst = groups.MinBy(g => g.OverallConversion)!;
        return new GroupContrast(best, worst,
            groups.Where(g => g != best).All(g => Low(best) > High(g)),
            groups.Where(g => g != worst).All(g => High(worst) < Low(g)));
    }
}

/// <summary>Direction of month-1 retention between early and recent cohorts.</summary>
internal enum Trend
{
    /// <summary>The intervals overlap.</summary>
    NoClearTrend,

    /// <summary>Recent cohorts' interval lies above the early cohorts'.</summary>
    Improving,

    /// <summary>Recent cohorts' interval lies below the early cohorts'.</summary>
    Declining,
}

/// <summary>An experiment with its primary metric and the variant to ship, if any.</summary>
/// <param name="Result">The experiment.</param>
/// <param name="Primary">Its first metric, or null when it has none.</param>
/// <param name="Winner">The shipped variant's comparison when the verdict is ship.</param>
internal sealed record ExperimentFinding(ExperimentResult Result, MetricResult? Primary, Comparison? Winner)
{
    public bool Decided => Result.Verdict.Decision is ExperimentDecision.Ship or ExperimentDecision.DontShip;
}

/// <summary>
/// The findings every section draws on, chosen once from the results so that the summary,
/// the recommendations and the next steps rest on the same numbers. Nothing here is computed
/// from events: each finding picks or compares result values.
/// </summary>
internal sealed record Findings(
    ReportInputs Inputs,
    PeriodCount? NorthStarWeek,
    IReadOnlyList<PeriodCount> RecentWeeks,
    PeriodCount? PartialWeek,
    string? LastCompleteDay,
    Drop? LifecycleDrop,
    Drop? FunnelDrop,
    GroupContrast? LifecycleSegments,
    GroupContrast? FunnelSegments,
    GroupContrast? Channels,
    RetentionRate? MonthOne,
    CohortComparison? Cohorts,
    Trend CohortTrend,
    RevenueMonth? RevenueMonth,
    IReadOnlyList<ExperimentFinding> Experiments,
    LeverImpact? TopLever)
{
    /// <summary>How many recent complete weeks the North Star trend shows.</summary>
    public const int TrendWeeks = 6;

    public bool HasRevenue => Inputs.Revenue.Currency is not null && RevenueMonth is { Revenue: > 0 };

    public string Currency => Inputs.Revenue.Currency ?? "";

    public static Findings From(ReportInputs inputs)
    {
        var metrics = inputs.Metrics;
        var star = metrics.NorthStar;
        var completeWeeks = star.Weeks.Where(w => w.Complete).ToList();
        var lastDay = metrics.PowerUsers.EndDate is { Length: > 0 } end && metrics.Dau.Any(d => d.Date == end) ? end : null;
        var monthOne = inputs.Retention.Average.FirstOrDefault(r => r.Period == 1 && r.Eligible > 0);
        var cohorts = inputs.Retention.EarlyVsLate;
        var trend = cohorts is null ? Trend.NoClearTrend
            : cohorts.Late.CiLow > cohorts.Early.CiHigh ? Trend.Improving
            : cohorts.Late.CiHigh < cohorts.Early.CiLow ? Trend.Declining
            : Trend.NoClearTrend;
        return new Findings(
            inputs,
            star.Headline is { Complete: true } headline ? headline : null,
            completeWeeks.TakeLast(TrendWeeks).ToList(),
            star.Weeks.LastOrDefault(w => !w.Complete),
            lastDay,
            DropAt(inputs.Lifecycle.Steps, inputs.Lifecycle.BiggestDropStage),
            DropAt(inputs.Funnel.Steps, inputs.Funnel.BiggestDropStep),
            GroupContrast.Of(inputs.Lifecycle.Breakdown),
            GroupContrast.Of(inputs.Funnel.Breakdown),
            GroupContrast.Of(inputs.ChannelFunnel.Breakdown),
            monthOne,
            cohorts,
            trend,
            inputs.Revenue.Months.LastOrDefault(m => m.Complete),
            inputs.Experiments.Select(Experiment).ToList(),
            inputs.Growth.Levers.Count == 0 ? null : inputs.Growth.Levers.MinBy(l => l.Rank));
    }

    private static Drop? DropAt(IReadOnlyList<FunnelStepResult> steps, int? index) =>
        index is { } i && i >= 1 && i < steps.Count && steps[i - 1].Users > 0 ? new Drop(steps[i - 1], steps[i]) : null;

    private static ExperimentFinding Experiment(ExperimentResult result)
    {
        var primary = result.Metrics.Count == 0 ? null : result.Metrics[0];
        var winner = result.Verdict.Decision == ExperimentDecision.Ship && primary is not null
            ? primary.Comparisons.Where(c => c.Significant && c.AbsoluteLift > 0).MaxBy(c => c.AbsoluteLift)
            : null;
        return new ExperimentFinding(result, primary, winner);
    }
}
