using Sextant.Analysis.Experiments;

namespace Sextant.Reports.Executive;

/// <summary>Next Steps: concrete follow-ups of the recommendations, each with the number to watch.</summary>
internal static class NextStepsSection
{
    public const string Heading = "Next Steps";

    public static ReportSection Build(Findings findings)
    {
        var items = new List<RichText>();
        if (findings.LifecycleDrop is { } stage)
            items.Add(RichText.Of($"Design an experiment aimed at {Fig.Name(stage.To.Name)}; success is conversion from {Fig.Name(stage.From.Name)} above today's {Fig.RateWithInterval(stage.To.ConversionFromPrevious, stage.To.CiLow, stage.To.CiHigh)}."));
        foreach (var e in findings.Experiments)
        {
            var primary = e.Primary;
            if (e.Winner is { } winner)
                items.Add(RichText.Of($"Roll out {Fig.Name(winner.Variant)} of {Fig.Name(e.Result.Experiment)} and confirm the gain holds (measured: {ExperimentsSection.Lift(winner, primary!)})."));
            else if (e.Result.Verdict.Decision == ExperimentDecision.KeepRunning && primary is not null && primary.Comparisons.Count > 0)
                items.Add(RichText.Of($"Keep {Fig.Name(e.Result.Experiment)} running: {Interval(primary.Comparisons[0], primary)}."));
            else if (e.Result.Srm.Mismatch)
                items.Add(RichText.Of($"Fix the assignment of {Fig.Name(e.Result.Experiment)} (sample ratio {Fig.Of(e.Result.Srm.PValue, NumberStyle.PValue)}) and restart it."));
        }
        if (findings.TopLever is { } lever)
            items.Add(RichText.Of($"Scope {Fig.Name(lever.Lever)}: {Fig.Of(lever.EffortMonths, NumberStyle.OneDecimal)} person-months assumed, ramp-up {Fig.Of(lever.RampUpMonths, NumberStyle.OneDecimal)} months; replace the assumed uplift ({Fig.Signed(lever.UpliftLow)} to {Fig.Signed(lever.UpliftHigh)}) with a measured one."));
        foreach (var impact in findings.Inputs.Impacts.Where(i => i.Adjusted.CiLow > 0))
            items.Add(RichText.Of($"Randomise exposure to {Fig.Name(impact.Feature)} to test whether its association ({Fig.Interval(impact.Adjusted.CiLow, impact.Adjusted.CiHigh, impact.Outcome == Analysis.Impact.ImpactOutcome.Revenue ? NumberStyle.Amount : NumberStyle.Points)}) is causal."));
        if (findings.LifecycleSegments is { BestIsClear: false } || findings.Channels is { BestIsClear: false })
            items.Add(Fig.Text("Re-run the segment and channel comparisons with more users before reallocating effort: their intervals overlap today."));
        if (findings.PartialWeek is { } week)
            items.Add(RichText.Of($"Re-run this report after the week of {Fig.Name(week.Period)} is complete to update the North Star headline."));
        if (items.Count == 0)
            items.Add(Fig.Text("Collect more data: the results support no specific next step yet."));
        return new ReportSection(Heading, [new BulletList(items)]);
    }

    /// <summary>Why an experiment still runs: its interval on the primary metric.</summary>
    private static RichText Interval(Analysis.Experiments.Comparison comparison, Analysis.Experiments.MetricResult metric) =>
        comparison.RelativeCiLow is { } low && comparison.RelativeCiHigh is { } high
            ? RichText.Of($"the interval of {Fig.Name(comparison.Variant)}'s relative lift on {Fig.Name(MetricLabels.Of(metric.Name))}, {Fig.Interval(low, high, NumberStyle.SignedPercent)}, is still too wide to decide")
            : RichText.Of($"the interval of {Fig.Name(comparison.Variant)}'s lift on {Fig.Name(MetricLabels.Of(metric.Name))}, {Fig.Interval(comparison.CiLow, comparison.CiHigh, NumberStyle.Decimal)}, is still too wide to decide");
}
