namespace Sextant.Reports.Executive;

/// <summary>
/// Builds the executive report from the analyses' result records. A renderer only: every number
/// is a result value or a simple comparison of two (a difference, a complement, a share), carried
/// as a <see cref="Figure"/> so it can be traced.
/// </summary>
public static class ExecutiveReport
{
    /// <summary>The section headings, in report order.</summary>
    public static IReadOnlyList<string> Headings { get; } =
    [
        SummarySection.Heading, NorthStarSection.Heading, KeyMetricsSection.Heading, FunnelSection.Heading, RetentionSection.Heading,
        ExperimentsSection.Heading, GrowthSection.Heading, RecommendationsSection.Heading, NextStepsSection.Heading,
    ];

    /// <summary>The report's document model.</summary>
    /// <param name="inputs">The result records.</param>
    public static ExecutiveDocument Build(ReportInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var findings = Findings.From(inputs);
        return new ExecutiveDocument(
            "Analytics Framework Report",
            RichText.Of($"{Fig.Name(inputs.Product)}, data to {Fig.Name(inputs.Metrics.DataEnd)}"),
            [
                SummarySection.Build(findings),
                NorthStarSection.Build(findings),
                KeyMetricsSection.Build(findings),
                FunnelSection.Build(findings),
                RetentionSection.Build(findings),
                ExperimentsSection.Build(findings),
                GrowthSection.Build(findings),
                RecommendationsSection.Build(findings),
                NextStepsSection.Build(findings),
                .. Warnings(inputs.Warnings),
            ]);
    }

    /// <summary>The heading of the section listing sextant.yaml names missing from the store (only when there are some).</summary>
    public const string WarningsHeading = "Warnings";

    /// <summary>A last section listing the warnings, so a figure of 0 that comes from a missing name is never silent.</summary>
    private static IEnumerable<ReportSection> Warnings(IReadOnlyList<string> warnings)
    {
        if (warnings.Count == 0) yield break;
        yield return new ReportSection(WarningsHeading, [new BulletList(warnings.Select(w => new RichText([new Label(w)], Tone.Negative)).ToList())]);
    }
}
