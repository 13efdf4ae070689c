using Sextant.Analysis.Impact;

namespace Sextant.Reports.Executive;

/// <summary>Growth Opportunities: levers as the growth model ranks them, with P10–P90 ranges, and feature impacts as associations.</summary>
internal static class GrowthSection
{
    public const string Heading = "Growth Opportunities";

    public static ReportSection Build(Findings findings)
    {
        var growth = findings.Inputs.Growth;
        var currency = findings.Currency;
        var blocks = new List<Block>();
        if (growth.Levers.Count == 0)
        {
            blocks.Add(new Paragraph(Fig.Text("No growth levers were modelled: list them under growth.levers in sextant.yaml.")));
        }
        else
        {
            blocks.Add(new Paragraph(RichText.Of($"Levers ranked by the growth model (expected first-year revenue if it works × confidence / effort). Every money figure is {Fig.Name(growth.Label)}.")));
            if (!findings.HasRevenue)
                blocks.Add(new Paragraph(Fig.Text("The data record no revenue in a complete month, so the levers' revenue ranges carry no information.").As(Tone.Negative)));
            blocks.Add(new Table(["Rank", "Lever", "P10", "P50", "P90", "Confidence", "Effort (person-months)"],
                growth.Levers.OrderBy(l => l.Rank).Select(l => (IReadOnlyList<RichText>)
                [
                    Cell(Fig.Count(l.Rank)), Cell(Fig.Name(l.Lever)), Cell(Fig.Money(l.P10)), Cell(Fig.Money(l.P50)), Cell(Fig.Money(l.P90)),
                    Cell(Fig.Percent(l.Confidence)), Cell(Fig.Of(l.EffortMonths, NumberStyle.OneDecimal)),
                ]).ToList(),
                [0, 2, 3, 4, 5, 6]));
            var items = new List<RichText>();
            if (findings.TopLever is { } top)
                items.Add(RichText.Of($"Top lever: {Phrases.Lever(top, currency)}.").As(Tone.Positive));
            if (growth.TopLevers.Count > 0)
                items.Add(RichText.Of($"Top levers together ({RichText.Join(", ", growth.TopLevers.Select(l => new RichText([Fig.Name(l)])))}), additional revenue over the projection's {Fig.Count(growth.Projection.Count)} months: {Phrases.Range(growth.CompoundAdditionalP10, growth.CompoundAdditionalP50, growth.CompoundAdditionalP90, currency)} {(growth.Baseline.Extrapolated
                    ? RichText.Of($"(modelled, extrapolated from {Fig.Money(growth.Baseline.SampleAnnualRevenue)}{Phrases.Currency(currency)} sample annual revenue × {Fig.Of(growth.Baseline.ScaleFactor, NumberStyle.OneDecimal)})")
                    : RichText.Of($"(modelled on {Fig.Money(growth.Baseline.SampleAnnualRevenue)}{Phrases.Currency(currency)} sample annual revenue; nothing extrapolated)"))}.").As(Tone.Neutral));
            blocks.Add(new BulletList(items));
        }
        blocks.Add(Impacts(findings));
        return new ReportSection(Heading, blocks);
    }

    private static Block Impacts(Findings findings)
    {
        var impacts = findings.Inputs.Impacts;
        if (impacts.Count == 0) return new Paragraph(Fig.Text("No feature impact estimates were made."));
        return new BulletList(impacts.Select(i => Impact(i, findings.Currency)).ToList());
    }

    /// <summary>A feature's adjusted difference, called an association.</summary>
    internal static RichText Impact(ImpactResult impact, string currency)
    {
        var style = impact.Outcome == ImpactOutcome.Revenue ? NumberStyle.Amount : NumberStyle.Points;
        var outcome = impact.Outcome switch
        {
            ImpactOutcome.Retention => "second-month retention",
            ImpactOutcome.Upgrade => "first-year upgrade rate",
            _ => "first-year revenue",
        };
        return RichText.Of($"Association, not a cause: users of {Fig.Name(impact.Feature)} differ in {Fig.Text(outcome)} by {Fig.Of(impact.Adjusted.Difference, style)} {Fig.Interval(impact.Adjusted.CiLow, impact.Adjusted.CiHigh, style)} from similar non-users after adjustment ({Fig.Of(impact.Naive.Difference, style)} before adjustment); {(impact.IncrementalAnnualRevenueExtrapolated is { } scaled
            ? RichText.Of($"worth about {Fig.Money(scaled)}{Phrases.Currency(currency)} a year only if it were causal (extrapolated; {Fig.Money(impact.IncrementalAnnualRevenue)}{Phrases.Currency(currency)} in the sample)")
            : RichText.Of($"worth about {Fig.Money(impact.IncrementalAnnualRevenue)}{Phrases.Currency(currency)} a year in the sample only if it were causal"))}. Caveat: {Fig.Name(impact.Statement)}.");
    }

    private static RichText Cell(Inline value) => new([value]);
}
