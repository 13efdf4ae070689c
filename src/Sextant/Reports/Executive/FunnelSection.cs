using Sextant.Analysis.Funnels;

namespace Sextant.Reports.Executive;

/// <summary>Funnel Analysis: the lifecycle funnel, the product funnel, where each loses most, and segments and channels compared.</summary>
internal static class FunnelSection
{
    public const string Heading = "Funnel Analysis";

    public static ReportSection Build(Findings findings)
    {
        var inputs = findings.Inputs;
        var blocks = new List<Block>();

        blocks.Add(new Paragraph(RichText.Of($"Lifecycle funnel (users whose {Fig.Count(inputs.Lifecycle.ObservationDays)}-day observation window has ended; {Fig.Count(inputs.Lifecycle.CensoredUsers)} more recent sign-ups are left out until it has):")));
        if (inputs.Lifecycle.Steps.Count > 0) blocks.Add(StepTable("Stage", inputs.Lifecycle.Steps));
        blocks.Add(new Paragraph(findings.LifecycleDrop is { } stage
            ? RichText.Of($"Largest drop-off between stages: {Phrases.Drop(stage)}.").As(Tone.Negative)
            : Fig.Text("The lifecycle funnel has no stage with users before it, so there is no largest drop-off.")));

        blocks.Add(new Paragraph(RichText.Of($"Product funnel ({RichText.Join(" → ", inputs.Funnel.Steps.Select(s => new RichText([Fig.Name(s.Name)])))}):")));
        if (inputs.Funnel.Steps.Count > 0) blocks.Add(StepTable("Step", inputs.Funnel.Steps));
        blocks.Add(new Paragraph(findings.FunnelDrop is { } step
            ? RichText.Of($"Largest drop-off between steps: {Phrases.Drop(step)}.").As(Tone.Negative)
            : Fig.Text("The product funnel has no step with users before it, so there is no largest drop-off.")));

        blocks.AddRange(Groups(findings.LifecycleSegments, inputs.Lifecycle.Breakdown, "segment",
            RichText.Of($"Segments, overall conversion through the lifecycle funnel to {Last(inputs.Lifecycle.Steps)} ({First(inputs.Lifecycle.Breakdown)} counts a segment's signed-up users only):")));
        blocks.AddRange(Groups(findings.FunnelSegments, inputs.Funnel.Breakdown, "segment",
            RichText.Of($"Segments, overall conversion of the product funnel ({First(inputs.Funnel.Breakdown)} to {Last(inputs.Funnel.Steps)}):")));
        blocks.AddRange(Groups(findings.Channels, inputs.ChannelFunnel.Breakdown, "acquisition channel",
            RichText.Of($"Acquisition channels, overall conversion of the product funnel ({First(inputs.ChannelFunnel.Breakdown)} to {Last(inputs.ChannelFunnel.Steps)}):")));
        return new ReportSection(Heading, blocks);
    }

    private static Inline First(IReadOnlyList<FunnelBreakdown> breakdown) =>
        breakdown.FirstOrDefault(b => b.Steps.Count > 0) is { } group ? Fig.Name(group.Steps[0].Name) : new Prose("the first step");

    private static Inline Last(IReadOnlyList<FunnelStepResult> steps) => steps.Count == 0 ? new Prose("the last step") : Fig.Name(steps[^1].Name);

    private static Table StepTable(string name, IReadOnlyList<FunnelStepResult> steps) => new(
        [name, "Users", "From previous", "Interval", "Lost"],
        steps.Select((s, i) => (IReadOnlyList<RichText>)(i == 0
            ? [new RichText([Fig.Name(s.Name)]), Cell(Fig.Count(s.Users)), Fig.Text(""), Fig.Text(""), Fig.Text("")]
            : [new RichText([Fig.Name(s.Name)]), Cell(Fig.Count(s.Users)), Cell(Fig.Percent(s.ConversionFromPrevious)), Fig.Interval(s.CiLow, s.CiHigh), Cell(Fig.Count(s.DropOff))])).ToList(),
        [1, 2, 4]);

    private static IEnumerable<Block> Groups(GroupContrast? contrast, IReadOnlyList<FunnelBreakdown> breakdown, string noun, RichText intro)
    {
        if (contrast is null)
        {
            yield return new Paragraph(RichText.Of($"No {Fig.Text(noun)} comparison: fewer than two {Fig.Text(noun)} values have users."));
            yield break;
        }
        yield return new Paragraph(intro);
        yield return new Table([Capital(noun), "Users", "Converted", "Conversion", "Interval"],
            breakdown.Where(b => b.Steps.Count > 0).Select(b => (IReadOnlyList<RichText>)
                [new RichText([Fig.Name(b.Value)]), Cell(Fig.Count(b.Steps[0].Users)), Cell(Fig.Count(b.Steps[^1].Users)), Cell(Fig.Percent(b.OverallConversion)),
                 Fig.Interval(GroupContrast.Low(b), GroupContrast.High(b))]).ToList(),
            [1, 2, 3]);
        yield return new BulletList(Phrases.Contrast(contrast, noun));
    }

    private static string Capital(string noun) => char.ToUpperInvariant(noun[0]) + noun[1..];

    private static RichText Cell(Inline value) => new([value]);
}
