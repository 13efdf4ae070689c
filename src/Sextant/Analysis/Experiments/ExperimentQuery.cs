namespace Sextant.Analysis.Experiments;

/// <summary>A guardrail metric and how much worse it may get (relative).</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Margin">Non-inferiority margin, e.g. 0.02 for 2%.</param>
public sealed record Guardrail(MetricSpec Metric, double Margin);

/// <summary>The expected share of one variant in the sample-ratio check.</summary>
/// <param name="Variant">Variant name.</param>
/// <param name="Share">Its share (any positive weight; shares are normalised over the variants).</param>
public sealed record VariantShare(string Variant, double Share);

/// <summary>What experiment analysis to run (SEMANTICS.md, Experiments; docs/EXPERIMENTS.md).</summary>
/// <param name="Name">The experiment, as in the assignments.</param>
/// <param name="Metrics">The metrics; the first is the primary metric the verdict is about.</param>
/// <param name="Control">The control variant.</param>
/// <param name="Split">Expected share per variant for the sample-ratio check; empty means equal shares.</param>
/// <param name="Guardrails">Metrics that must not get worse beyond their margin.</param>
/// <param name="Segments">Dimensions to analyse each metric within, each on its own (profile attribute, event property or cohort).</param>
/// <param name="Alpha">Significance level (two-sided).</param>
/// <param name="Window">Analysis window after exposure; null means up to the range end (the data end).</param>
/// <param name="Cuped">Adjust with the same metric measured before exposure.</param>
/// <param name="Sequential">Report always-valid intervals (asymptotic confidence sequences).</param>
/// <param name="SequentialTuning">N* of the confidence sequence: the sample size where it is tightest.</param>
/// <param name="MinimumEffect">Relative effect worth detecting: while the interval still allows it, the verdict is keep running.</param>
/// <param name="ExcludeEvents">Events that never make a user active.</param>
/// <param name="Range">
/// Users whose first exposure falls in it are analysed; events from its end on are not seen (its
/// last instant is the data end). All time by default: every exposure up to the latest event.
/// </param>
/// <param name="VariantAttribute">
/// Take each user's variant from this profile attribute instead of the assignments, exposed at sign-up
/// (for experiments exported as one row per user, such as a warehouse table).
/// </param>
/// <param name="Alternative">Two-sided (default), or one-sided: the treatment is greater / less than the control.</param>
/// <param name="Relative">
/// Report the relative lift's interval and p-value as the comparison's <c>CiLow</c>, <c>CiHigh</c> and
/// <c>PValue</c> (Holm and significance then follow them); the absolute ones move to <c>AbsoluteCiLow</c>, … .
/// </param>
/// <param name="Cohort">Only exposed members of this cohort are analysed; everyone exposed when null.</param>
/// <param name="Breakdowns">Up to three dimensions crossed into one more set of segment rows (in addition to <paramref name="Segments"/>).</param>
/// <param name="BreakdownLimit">Segment rows kept per dimension set (largest by signed-up users) before the rest are Other.</param>
public sealed record ExperimentQuery(
    string Name,
    ValueList<MetricSpec> Metrics,
    string Control = "control",
    ValueList<VariantShare> Split = default,
    ValueList<Guardrail> Guardrails = default,
    ValueList<Breakdown> Segments = default,
    double Alpha = 0.05,
    TimeSpan? Window = null,
    bool Cuped = false,
    bool Sequential = false,
    double SequentialTuning = 5000,
    double MinimumEffect = 0.05,
    ValueList<string> ExcludeEvents = default,
    TimeRange Range = default,
    string? VariantAttribute = null,
    Stats.Alternative Alternative = Stats.Alternative.TwoSided,
    bool Relative = false,
    Cohort? Cohort = null,
    ValueList<Breakdown> Breakdowns = default,
    int BreakdownLimit = ExperimentQuery.DefaultBreakdownLimit) : IAnalysisQuery<ExperimentMeasures, ExperimentResult>, IScopedQuery
{
    /// <summary>Segment rows kept per dimension set unless asked otherwise.</summary>
    public const int DefaultBreakdownLimit = 10;

    /// <summary>Every metric measured: the metrics, then guardrail metrics not already among them.</summary>
    public IReadOnlyList<MetricSpec> MeasuredMetrics => Metrics.Concat(Guardrails.Select(g => g.Metric)).DistinctBy(m => m.Text).ToList();

    /// <summary>The dimension sets segment rows are reported for: each segment alone, then the crossed breakdowns.</summary>
    public IReadOnlyList<ValueList<Breakdown>> SegmentSets =>
        [.. Segments.Select(s => (ValueList<Breakdown>)[s]), .. Breakdowns.Count > 0 ? new[] { Breakdowns } : []];
}
