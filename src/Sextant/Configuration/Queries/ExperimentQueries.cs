using Sextant.Analysis;
using Sextant.Analysis.Experiments;
using Sextant.Analysis.Syntax;

namespace Sextant.Configuration.Queries;

/// <summary>Experiment queries as sextant.yaml describes them (key <c>experiments</c>).</summary>
public static class ExperimentQueries
{
    /// <summary>The query sextant.yaml describes for <paramref name="name"/>, or a bare one (metrics still to be given) when it names none.</summary>
    /// <exception cref="SextantException">A metric, guardrail or segment of the experiment is invalid, or a segment names an undefined cohort.</exception>
    public static ExperimentQuery FromConfig(SextantConfig config, string name)
    {
        ArgumentNullException.ThrowIfNull(config);
        var experiment = config.Experiments.FirstOrDefault(e => e.Name == name);
        if (experiment is null) return new ExperimentQuery(name, [], ExcludeEvents: ValueList.From(config.Activity.ExcludeEvents));
        return new ExperimentQuery(name, experiment.Metrics.Select(MetricSpecText.Parse).ToList(), experiment.Control,
            experiment.Split.Select(p => new VariantShare(p.Key, p.Value)).ToList(),
            experiment.Guardrails.Select(g => new Guardrail(MetricSpecText.Parse(g.Metric), g.Margin)).ToList(),
            experiment.Segments.Select(s => BreakdownText.Parse(s, config.Cohorts)).ToList(), experiment.Alpha, experiment.Window, MinimumEffect: experiment.MinimumEffect,
            ExcludeEvents: ValueList.From(config.Activity.ExcludeEvents));
    }
}
