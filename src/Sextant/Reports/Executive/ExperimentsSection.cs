using Sextant.Analysis.Experiments;

namespace Sextant.Reports.Executive;

/// <summary>Experiments: each verdict with the primary metric's relative lift and interval, the sample-ratio check and guardrails.</summary>
internal static class ExperimentsSection
{
    public const string Heading = "Experiments";

    public static ReportSection Build(Findings findings)
    {
        var experiments = findings.Experiments;
        if (experiments.Count == 0)
            return new ReportSection(Heading, [new Paragraph(Fig.Text("No experiments were analysed, so there is no experiment evidence in this report."))]);
        var blocks = new List<Block> { new Paragraph(Overview(findings)) };
        foreach (var experiment in experiments)
        {
            var lines = Lines(experiment);
            blocks.Add(new Paragraph(lines[0]));
            blocks.Add(new BulletList(lines.Skip(1).ToList()));
        }
        return new ReportSection(Heading, blocks);
    }

    /// <summary>How many experiments were decided and which variants win.</summary>
    internal static RichText Overview(Findings findings)
    {
        var experiments = findings.Experiments;
        var decided = experiments.Count(e => e.Decided);
        var winners = experiments.Where(e => e.Winner is not null).ToList();
        var count = RichText.Of($"{Fig.Count(experiments.Count)} experiments analysed; {Fig.Count(decided)} reached a ship or don't-ship decision.");
        if (decided == 0)
            return RichText.Of($"{count} No experiment has a decision yet: none is ready to ship or to stop.");
        if (winners.Count == 0)
            return RichText.Of($"{count} No experiment has a winner to ship.");
        return RichText.Of($"{count} Winners: {RichText.Join(", ", winners.Select(w => RichText.Of($"{Fig.Name(w.Winner!.Variant)} in {Fig.Name(w.Result.Experiment)}")))}.").As(Tone.Positive);
    }

    /// <summary>"treatment +5.5% [-8.3%, +19.4%] on conversion:…".</summary>
    internal static RichText Lift(Comparison comparison, MetricResult metric) => comparison.RelativeLift is { } lift
        ? RichText.Of($"{Fig.Name(comparison.Variant)} {Fig.Signed(lift)} {Interval(comparison)} relative to control on {Fig.Name(MetricLabels.Of(metric.Name))}{(comparison.Significant ? Fig.Text(", significant") : Fig.Text(", not significant"))}")
        : RichText.Of($"{Fig.Name(comparison.Variant)} {Fig.Of(comparison.AbsoluteLift, NumberStyle.Decimal)} {Fig.Interval(comparison.CiLow, comparison.CiHigh, NumberStyle.Decimal)} absolute on {Fig.Name(MetricLabels.Of(metric.Name))} (the control mean is zero, so there is no relative lift)");

    private static RichText Interval(Comparison c) => c.RelativeCiLow is { } low && c.RelativeCiHigh is { } high
        ? Fig.Interval(low, high, NumberStyle.SignedPercent)
        : Fig.Text("(no interval)");

    private static List<RichText> Lines(ExperimentFinding finding)
    {
        var result = finding.Result;
        var tone = result.Verdict.Decision switch { ExperimentDecision.Ship => Tone.Positive, ExperimentDecision.DontShip => Tone.Negative, _ => Tone.Neutral };
        var lines = new List<RichText>
        {
            RichText.Of($"{Fig.Name(result.Experiment)}: {Fig.Text(Phrases.Decision(result.Verdict.Decision))}.").As(tone),
        };
        if (finding.Primary is { } primary)
        {
            lines.Add(primary.Comparisons.Count == 0
                ? RichText.Of($"Primary metric {Fig.Name(MetricLabels.Of(primary.Name))}: no comparison (an arm is empty).")
                : RichText.Of($"Primary metric: {RichText.Join("; ", primary.Comparisons.Select(c => Lift(c, primary)))}."));
        }
        if (finding.Winner is { } winner)
            lines.Add(RichText.Of($"Winner: {Fig.Name(winner.Variant)}.").As(Tone.Positive));
        lines.Add(result.Srm.Mismatch
            ? RichText.Of($"Sample ratio: mismatch (χ² {Fig.Of(result.Srm.Chi2, NumberStyle.Decimal)}, {Fig.Of(result.Srm.PValue, NumberStyle.PValue)}): the assignment is broken and no result of it can be trusted.").As(Tone.Negative)
            : RichText.Of($"Sample ratio: no mismatch (χ² {Fig.Of(result.Srm.Chi2, NumberStyle.Decimal)}, {Fig.Of(result.Srm.PValue, NumberStyle.PValue)}); arms {RichText.Join(", ", result.Arms.Select(a => RichText.Of($"{Fig.Name(a.Variant)} {Fig.Count(a.Users)}")))}."));
        var harmed = result.Guardrails.Where(g => g.Harmed).ToList();
        if (harmed.Count > 0)
            lines.Add(RichText.Of($"Guardrails harmed: {RichText.Join("; ", harmed.Select(g => RichText.Of($"{Fig.Name(MetricLabels.Of(g.Metric))} in {Fig.Name(g.Variant)}{(g.Segment is null ? Fig.Text("") : RichText.Of($" for {Fig.Name(g.Segment)}"))}")))}.").As(Tone.Negative));
        else if (result.Guardrails.Count > 0)
            lines.Add(Fig.Text("Guardrails: none harmed."));
        return lines;
    }
}
