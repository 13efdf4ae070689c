using System.Text.Json.Serialization;

namespace Sextant.Analysis.Experiments;

/// <summary>Sample-ratio mismatch: Pearson χ² of arm sizes against the configured split.</summary>
/// <param name="Chi2">χ² statistic.</param>
/// <param name="PValue">Its p-value.</param>
/// <param name="Mismatch">True when p &lt; 0.001: the assignment is broken and the results cannot be trusted.</param>
/// <param name="ExpectedShares">The split tested against, in arm order.</param>
public sealed record SampleRatio(double Chi2, double PValue, bool Mismatch, IReadOnlyList<double> ExpectedShares);

/// <summary>Users in one arm.</summary>
/// <param name="Variant">Variant name.</param>
/// <param name="Users">Users whose only variant it is.</param>
public sealed record ArmCount(string Variant, long Users);

/// <summary>Sufficient statistics of one arm for one metric.</summary>
/// <param name="Variant">Variant name.</param>
/// <param name="N">Eligible users.</param>
/// <param name="Mean">Mean per user (for a ratio: the ratio of sums).</param>
/// <param name="Variance">Variance per user (p(1 − p) for proportions; n·Var(ratio) for ratios).</param>
public sealed record ArmStatistics(string Variant, long N, double Mean, double Variance);

/// <summary>One treatment against the control on one metric.</summary>
/// <param name="Variant">The treatment.</param>
/// <param name="AbsoluteLift">Treatment mean − control mean.</param>
/// <param name="RelativeLift">Absolute lift / |control mean|; null when the control mean is 0.</param>
/// <param name="CiLow">Lower bound of the absolute lift (sequential when asked for).</param>
/// <param name="CiHigh">Upper bound of the absolute lift.</param>
/// <param name="RelativeCiLow">Lower bound of the relative lift (delta method).</param>
/// <param name="RelativeCiHigh">Upper bound of the relative lift.</param>
/// <param name="PValue">p-value of the test named in the metric (of the relative lift when the analysis is relative).</param>
/// <param name="AdjustedPValue">Holm-adjusted over the treatments (Benjamini–Hochberg over metrics × segments for segment rows).</param>
/// <param name="ChanceToWin">Bayesian probability that the treatment is better (flat prior).</param>
/// <param name="ExpectedLoss">Expected loss of shipping the treatment, in the metric's units.</param>
/// <param name="Significant">Adjusted p below α (or, sequentially, the always-valid interval excludes 0).</param>
/// <param name="RelativePValue">p-value of the relative lift: Student's t at the Welch–Satterthwaite degrees of freedom (GrowthBook's frequentist engine); null when the control mean is 0.</param>
/// <param name="AbsoluteCiLow">In a relative analysis, where <paramref name="CiLow"/> is the relative lift's: the absolute lift's lower bound; otherwise null.</param>
/// <param name="AbsoluteCiHigh">In a relative analysis: the absolute lift's upper bound; otherwise null.</param>
/// <param name="AbsolutePValue">In a relative analysis: the p-value of the test named in the metric; otherwise null.</param>
public sealed record Comparison(string Variant, double AbsoluteLift, double? RelativeLift, double CiLow, double CiHigh, double? RelativeCiLow, double? RelativeCiHigh,
    double PValue, double AdjustedPValue, double ChanceToWin, double ExpectedLoss, bool Significant, double? RelativePValue = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? AbsoluteCiLow = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? AbsoluteCiHigh = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? AbsolutePValue = null);

/// <summary>One metric of an experiment.</summary>
/// <param name="Name">The metric as written.</param>
/// <param name="Kind">conversion, count, sum, ratio or active_on_day.</param>
/// <param name="Test">welch_t or fisher_exact.</param>
/// <param name="SmallSample">True when an arm has under 30 users or a proportion under 5 successes or failures.</param>
/// <param name="CupedTheta">θ of the CUPED adjustment, or null without CUPED.</param>
/// <param name="Sequential">True when intervals are always-valid confidence sequences.</param>
/// <param name="Arms">Per-arm statistics.</param>
/// <param name="Comparisons">Each treatment vs the control.</param>
public sealed record MetricResult(string Name, MetricKind Kind, string Test, bool SmallSample, double? CupedTheta, bool Sequential,
    IReadOnlyList<ArmStatistics> Arms, IReadOnlyList<Comparison> Comparisons);

/// <summary>A metric's comparisons within one segment value (one breakdown group).</summary>
/// <param name="Attribute">The dimension: a profile attribute, event.PROPERTY or cohort.NAME; crossed dimensions joined by " / ".</param>
/// <param name="Value">The group's label: its value ("(none)" without one, "Other" for the merged small groups); crossed values joined by " / ".</param>
/// <param name="Metric">The metric.</param>
/// <param name="Comparisons">Each treatment vs control among these users; adjusted p-values are Benjamini–Hochberg over metrics × segments.</param>
/// <param name="HeterogeneityPValue">Test that the effect here differs from the effect in every other user (first treatment).</param>
/// <param name="HeterogeneityAdjustedPValue">Holm-adjusted over the attribute's values.</param>
/// <param name="Heterogeneous">True when the adjusted heterogeneity p is below α.</param>
public sealed record SegmentResult(string Attribute, string Value, string Metric, IReadOnlyList<Comparison> Comparisons,
    double HeterogeneityPValue, double HeterogeneityAdjustedPValue, bool Heterogeneous)
{
    /// <summary>The group's value of each dimension, in the order of the dimensions; ["Other"] for the merged groups.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];
}

/// <summary>A guardrail: a metric that must not get worse by more than the margin.</summary>
/// <param name="Metric">The guardrail metric.</param>
/// <param name="Margin">Non-inferiority margin, relative (0.02 = 2% worse is tolerated).</param>
/// <param name="Variant">The treatment.</param>
/// <param name="RelativeLift">Its relative lift.</param>
/// <param name="CiLow">Lower bound of the relative lift.</param>
/// <param name="CiHigh">Upper bound.</param>
/// <param name="Harmed">Significantly worse (upper bound below 0; in a segment, Benjamini–Hochberg-adjusted) and worse than the margin.</param>
/// <param name="NonInferior">The lower bound is above −margin: harm beyond the margin is ruled out.</param>
/// <param name="Segment">attribute=value when the check is within a segment, null for all users.</param>
public sealed record GuardrailResult(string Metric, double Margin, string Variant, double? RelativeLift, double? CiLow, double? CiHigh, bool Harmed, bool NonInferior, string? Segment = null);

/// <summary>The one-line decision.</summary>
/// <param name="Decision">Ship, don't ship, keep running or inconclusive (JSON: ship, dont_ship, keep_running, inconclusive).</param>
/// <param name="Reason">Why, in one sentence, naming metrics in words ("did edit_page within 7 days"), not as specs.</param>
/// <param name="Metric">The metric the decision rests on, as a spec (the primary metric, or the harmed guardrail); null when no metric decided (a sample-ratio mismatch).</param>
/// <param name="Variant">The variant the decision rests on; null when none did.</param>
/// <param name="RelativeLift">That variant's relative lift on <paramref name="Metric"/>; null when unknown.</param>
/// <param name="CiLow">Lower bound of the relative lift's interval; null when unknown.</param>
/// <param name="CiHigh">Upper bound of the relative lift's interval; null when unknown.</param>
public sealed record Verdict(ExperimentDecision Decision, string Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Metric = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Variant = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? RelativeLift = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? CiLow = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? CiHigh = null);

/// <summary>A computed experiment.</summary>
/// <param name="Experiment">Its name.</param>
/// <param name="Control">The control variant.</param>
/// <param name="DataEnd">Data end of the analysis (ISO 8601); null when there are no events and no as-of.</param>
/// <param name="Alpha">Significance level.</param>
/// <param name="Srm">Sample-ratio check.</param>
/// <param name="Arms">Users per arm.</param>
/// <param name="ExcludedMultipleExposure">Users exposed to more than one variant, left out.</param>
/// <param name="Metrics">Primary and secondary metrics; the first is primary.</param>
/// <param name="Guardrails">Guardrail checks.</param>
/// <param name="Segments">Per-segment results.</param>
/// <param name="Verdict">Ship / don't ship / keep running / inconclusive, with the reason.</param>
public sealed record ExperimentResult(string Experiment, string Control, string? DataEnd, double Alpha, SampleRatio Srm, IReadOnlyList<ArmCount> Arms,
    long ExcludedMultipleExposure, IReadOnlyList<MetricResult> Metrics, IReadOnlyList<GuardrailResult> Guardrails, IReadOnlyList<SegmentResult> Segments, Verdict Verdict)
{
    /// <summary>
    /// Names from sextant.yaml that the store does not contain, one line each; the figures that
    /// depend on them count 0. Empty when every name is stored or nothing came from sextant.yaml.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
