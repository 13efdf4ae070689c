namespace Sextant.Reports.Executive;

/// <summary>Executive Summary: the headline finding of each later section, in one list.</summary>
internal static class SummarySection
{
    public const string Heading = "Executive Summary";

    public static ReportSection Build(Findings findings)
    {
        var star = findings.Inputs.Metrics.NorthStar;
        var items = new List<RichText>
        {
            findings.NorthStarWeek is null ? Fig.Text("North Star: no complete week yet, so no headline.")
                : star.CollaborationEvents.Count == 0 ? Fig.Text("North Star: not measured (set north_star.collaboration_events in sextant.yaml).")
                : findings.NorthStarWeek is { } week
                ? RichText.Of($"North Star: {Fig.Count(week.Users)} {Fig.Name(star.Name)} in the week of {Fig.Name(week.Period)}, the last complete week{(star.Extrapolated is { } scaled ? RichText.Of($" (about {Fig.Count(scaled.Value)} extrapolated to the business)") : Fig.Text(""))}.")
                : Fig.Text("North Star: no complete week yet, so no headline."),
            KeyMetricsSection.Activation(findings),
            findings.LifecycleDrop is { } drop
                ? RichText.Of($"Largest lifecycle drop-off: {Phrases.Drop(drop)}.").As(Tone.Negative)
                : Fig.Text("Largest lifecycle drop-off: none can be named (no stage has users before it)."),
            findings.MonthOne is { } m
                ? RichText.Of($"Month-1 retention {Fig.RateWithInterval(m.Rate, m.CiLow, m.CiHigh)}; cohort trend: {Fig.Text(TrendWords(findings))}.")
                : Fig.Text("Retention: no cohort has a complete first month, so no retention headline."),
            KeyMetricsSection.Revenue(findings),
            findings.Experiments.Count == 0
                ? Fig.Text("Experiments: none analysed.")
                : ExperimentsSection.Overview(findings),
            findings.TopLever is { } lever
                ? RichText.Of($"Top growth lever: {Phrases.Lever(lever, findings.Currency)}.")
                : Fig.Text("Growth levers: none modelled."),
        };
        return new ReportSection(Heading,
        [
            new Paragraph(RichText.Of($"What the analyses of {Fig.Name(findings.Inputs.Product)} say, up to the data end {Fig.Name(findings.Inputs.Metrics.DataEnd)}. Rates carry confidence intervals in brackets; incomplete periods are never used as headlines; money from the growth model is modelled and extrapolated, not measured.")),
            new BulletList(items),
        ]);
    }

    internal static string TrendWords(Findings findings) => findings.Cohorts is null
        ? "too few complete cohorts to compare"
        : findings.CohortTrend switch
        {
            Trend.Improving => "improving (recent cohorts' interval lies above the early cohorts')",
            Trend.Declining => "declining (recent cohorts' interval lies below the early cohorts')",
            _ => "no clear trend (the intervals of early and recent cohorts overlap)",
        };
}
