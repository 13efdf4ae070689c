using Sextant.Configuration;

namespace Sextant.Analysis.Experiments;

/// <summary>A guardrail metric and how much worse it may get (relative).</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Margin">Non-inferiority margin, e.g. 0.02 for 2%.</param>
public sealed record Guardrail(MetricSpec Metric, double Margin);

/// <summary>What experiment analysis to run (SEMANTICS.md, Experiments).</summary>
/// <param name="Name">The experiment, as in the assignments.</param>
/// <param name="Metrics">The metrics; the first is the primary metric the verdict is about.</param>
/// <param name="Control">The control variant.</param>
/// <param name="Split">Expected share per variant for the sample-ratio check; null means equal shares.</param>
/// <param name="Guardrails">Metrics that must not get worse beyond their margin.</param>
/// <param name="Segments">Profile attributes to analyse each metric within.</param>
/// <param name="Alpha">Significance level (two-sided).</param>
/// <param name="Window">Analysis window after exposure; null means up to the data end.</param>
/// <param name="Cuped">Adjust with the same metric measured before exposure.</param>
/// <param name="Sequential">Report always-valid intervals (asymptotic confidence sequences).</param>
/// <param name="SequentialTuning">N* of the confidence sequence: the sample size where it is tightest.</param>
/// <param name="MinimumEffect">Relative effect worth detecting: while the interval still allows it, the verdict is keep running.</param>
/// <param name="ExcludeEvents">Events that never make a user active.</param>
/// <param name="AsOf">Data end; null means the latest event.</param>
/// <param name="VariantAttribute">
/// Take each user's variant from this profile attribute instead of the assignments, exposed at sign-up
/// (for experiments exported as one row per user, such as a warehouse table).
/// </param>
/// <param name="Alternative">Two-sided (default), or one-sided: the treatment is greater / less than the control.</param>
/// <param name="Relative">
/// Report the relative lift's interval and p-value as the comparison's <c>CiLow</c>, <c>CiHigh</c> and
/// <c>PValue</c> (Holm and significance then follow them); the absolute ones move to <c>AbsoluteCiLow</c>, … .
/// </param>
public sealed record ExperimentQuery(
    string Name,
    IReadOnlyList<MetricSpec> Metrics,
    string Control = "control",
    IReadOnlyDictionary<string, double>? Split = null,
    IReadOnlyList<Guardrail>? Guardrails = null,
    IReadOnlyList<string>? Segments = null,
    double Alpha = 0.05,
    TimeSpan? Window = null,
    bool Cuped = false,
    bool Sequential = false,
    double SequentialTuning = 5000,
    double MinimumEffect = 0.05,
    IReadOnlyList<string>? ExcludeEvents = null,
    long? AsOf = null,
    string? VariantAttribute = null,
    Stats.Alternative Alternative = Stats.Alternative.TwoSided,
    bool Relative = false)
{
    /// <summary>The query sextant.yaml describes for <paramref name="name"/>, or a bare one (metrics still to be given) when it names none.</summary>
    public static ExperimentQuery FromConfig(SextantConfig config, string name)
    {
        ArgumentNullException.ThrowIfNull(config);
        var experiment = config.Experiments.FirstOrDefault(e => e.Name == name);
        if (experiment is null) return new ExperimentQuery(name, [], ExcludeEvents: config.Activity.ExcludeEvents);
        return new ExperimentQuery(name, experiment.Metrics.Select(MetricSpec.Parse).ToList(), experiment.Control,
            experiment.Split.Count == 0 ? null : experiment.Split,
            experiment.Guardrails.Select(g => new Guardrail(MetricSpec.Parse(g.Metric), g.Margin)).ToList(),
            experiment.Segments, experiment.Alpha, experiment.Window, MinimumEffect: experiment.MinimumEffect,
            ExcludeEvents: config.Activity.ExcludeEvents);
    }
}
