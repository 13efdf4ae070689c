using Sextant.Analysis.Experiments;

namespace Sextant.Reports.Executive;

/// <summary>Strategic Recommendations: each follows from a finding and names the number it rests on.</summary>
internal static class RecommendationsSection
{
    public const string Heading = "Strategic Recommendations";

    public static ReportSection Build(Findings findings)
    {
        var items = new List<RichText>();
        if (findings.LifecycleDrop is { } stage)
            items.Add(RichText.Of($"Work first on the move from {Fig.Name(stage.From.Name)} to {Fig.Name(stage.To.Name)}, the largest lifecycle drop-off: {Fig.Complement(stage.To.ConversionFromPrevious)} of users are lost there ({Fig.Count(stage.To.DropOff)} users)."));
        if (findings.FunnelDrop is { } step)
            items.Add(RichText.Of($"In the product funnel, fix the step from {Fig.Name(step.From.Name)} to {Fig.Name(step.To.Name)}: {Fig.Complement(step.To.ConversionFromPrevious)} of users who reach {Fig.Name(step.From.Name)} do not go on."));
        items.AddRange(Experiments(findings));
        if (findings.TopLever is { } lever)
            items.Add(findings.HasRevenue
                ? RichText.Of($"Prioritise {Fig.Name(lever.Lever)}: the growth model ranks it first, {Phrases.Range(lever.P10, lever.P50, lever.P90, findings.Currency)} first-year revenue (modelled, extrapolated), at {Fig.Percent(lever.Confidence)} assumed confidence.")
                : RichText.Of($"Do not rank growth levers on money yet: with no revenue recorded, {Fig.Name(lever.Lever)}'s range ({Phrases.Range(lever.P10, lever.P50, lever.P90, findings.Currency)}) carries no information."));
        items.Add(Segments(findings));
        items.Add(Channels(findings));
        items.Add(Retention(findings));
        var impact = findings.Inputs.Impacts.Where(i => i.Adjusted.CiLow > 0).MaxBy(i => i.IncrementalAnnualRevenue);
        if (impact is not null)
            items.Add(RichText.Of($"Treat {Fig.Name(impact.Feature)} as a candidate, not a proven driver: its users differ by {Fig.Of(impact.Adjusted.Difference, ImpactStyle(impact))} after adjustment, an association that a controlled experiment must confirm before investing on it."));
        return new ReportSection(Heading, [new BulletList(items)]);
    }

    private static NumberStyle ImpactStyle(Analysis.Impact.ImpactResult impact) =>
        impact.Outcome == Analysis.Impact.ImpactOutcome.Revenue ? NumberStyle.Amount : NumberStyle.Points;

    private static IEnumerable<RichText> Experiments(Findings findings)
    {
        if (findings.Experiments.Count == 0)
        {
            yield return Fig.Text("Base no product decision on experiments: none was analysed. Test the changes above in controlled experiments.");
            yield break;
        }
        foreach (var e in findings.Experiments.Where(e => e.Decided && e.Primary is not null))
        {
            if (e.Winner is { } winner)
                yield return RichText.Of($"Ship {Fig.Name(winner.Variant)} of {Fig.Name(e.Result.Experiment)}: {ExperimentsSection.Lift(winner, e.Primary!)}.").As(Tone.Positive);
            else if (e.Result.Verdict.Decision == ExperimentDecision.DontShip)
                yield return RichText.Of($"Do not ship {Fig.Name(e.Result.Experiment)}'s treatment: {RichText.Join("; ", e.Primary!.Comparisons.Select(c => ExperimentsSection.Lift(c, e.Primary!)))}{(e.Result.Guardrails.Any(g => g.Harmed) ? Fig.Text(", and a guardrail is harmed") : Fig.Text(""))}.").As(Tone.Negative);
        }
        if (!findings.Experiments.Any(e => e.Decided))
            yield return RichText.Of($"Make no shipping decision from experiments yet: none of the {Fig.Count(findings.Experiments.Count)} has reached one.");
    }

    private static RichText Segments(Findings findings)
    {
        if (findings.LifecycleSegments is not { } c)
            return Fig.Text("Do not target by segment: the results have no segment comparison.");
        return c.BestIsClear
            ? RichText.Of($"Invest in the clearly best segment, {Phrases.Group(c.Best)} lifecycle conversion, against {Phrases.Group(c.Worst)} for the lowest ({Fig.Difference(c.Best.OverallConversion, c.Worst.OverallConversion, NumberStyle.Points)}).")
            : RichText.Of($"Do not re-target by segment on these data: the highest, {Phrases.Group(c.Best)}, is not clearly above the others.");
    }

    private static RichText Channels(Findings findings)
    {
        if (findings.Channels is not { } c)
            return Fig.Text("Do not move acquisition spend on these data: the results have no channel comparison.");
        return c.BestIsClear
            ? RichText.Of($"Shift acquisition towards {Fig.Name(c.Best.Value)}, the clearly best channel: {Phrases.Group(c.Best)} against {Phrases.Group(c.Worst)} for the lowest.")
            : RichText.Of($"Keep the channel mix for now: no channel is clearly best; the highest, {Phrases.Group(c.Best)}, overlaps with others{(c.WorstIsClear ? RichText.Of($", though {Phrases.Group(c.Worst)} is clearly lowest and worth reviewing") : Fig.Text(""))}.");
    }

    private static RichText Retention(Findings findings)
    {
        var health = findings.Inputs.Health;
        var atRisk = health.Users.Count == 0 ? Fig.Text("")
            : RichText.Of($"; {Fig.Ratio(health.AtRisk, health.Users.Count, NumberStyle.Percent)} of scored users are at risk and are the first to re-engage");
        if (findings.Cohorts is not { } c)
            return RichText.Of($"Retention: too few complete cohorts to judge a trend{atRisk}.");
        return findings.CohortTrend switch
        {
            Trend.Declining => RichText.Of($"Find out why recent cohorts retain less: month-1 retention fell by {Fig.Of(c.Difference, NumberStyle.Points)} and the intervals do not overlap{atRisk}.").As(Tone.Negative),
            Trend.Improving => RichText.Of($"Keep what changed for recent cohorts: month-1 retention rose by {Fig.Of(c.Difference, NumberStyle.Points)} and the intervals do not overlap{atRisk}.").As(Tone.Positive),
            _ => RichText.Of($"Do not claim a retention change: recent and early cohorts differ by {Fig.Of(c.Difference, NumberStyle.Points)} with overlapping intervals{atRisk}."),
        };
    }
}
