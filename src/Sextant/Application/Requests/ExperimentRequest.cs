using Sextant.Analysis;
using Sextant.Analysis.Experiments;
using Sextant.Analysis.Syntax;
using Sextant.Configuration.Queries;
using Sextant.Stats;

namespace Sextant.Application.Requests;

/// <summary>
/// An A/B/n experiment (docs/EXPERIMENTS.md): <c>name</c> (as in the assignments), <c>metric</c>
/// (repeatable, the first primary; default the experiment's metrics in sextant.yaml),
/// <c>control</c>, <c>cuped</c>, <c>sequential</c>, <c>relative</c>, <c>segment</c> (repeatable),
/// <c>window</c>, <c>variant-attribute</c>, <c>alternative</c> and the scope. Typed names must
/// exist; those from sextant.yaml are warnings. An experiment the assignments do not hold is an
/// error about <c>name</c>.
/// </summary>
public sealed class ExperimentRequest : IAnalysisRequest
{
    /// <inheritdoc/>
    public string Name => "experiment";

    /// <inheritdoc/>
    public string Summary => "An A/B/n experiment: sample ratio, lifts, tests, segments, guardrails and a verdict";

    /// <inheritdoc/>
    public object Run(Project project, RequestParameters parameters) => Experiment(project, parameters);

    /// <summary>The experiment of the parameters.</summary>
    /// <exception cref="SextantException">A parameter is invalid or names something the data do not have.</exception>
    public static ExperimentResult Experiment(Project project, RequestParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(parameters);
        var name = parameters.Text("name");
        if (string.IsNullOrWhiteSpace(name)) throw RequestParameters.Invalid("name", "give the experiment's name, as in the assignments");
        var config = project.Config;
        var names = project.Names;
        var query = ExperimentQueries.FromConfig(config, name);
        var metrics = parameters.Texts("metric");
        var typedMetrics = metrics.Count > 0;
        // Metrics from sextant.yaml whose events are missing are warnings; those typed are errors.
        var warnings = NameCheck.ExperimentWarnings(names, query with { Metrics = typedMetrics ? [] : query.Metrics });
        if (typedMetrics) query = query with { Metrics = parameters.Field("metric", () => metrics.Select(MetricSpecText.Parse).ToList()) };
        if (parameters.Text("control") is { } control) query = query with { Control = control };
        if (parameters.Texts("segment") is { Count: > 0 } segments)
            query = query with { Segments = parameters.Field("segment", () => segments.Select(s => BreakdownText.Parse(s, config.Cohorts)).ToList()) };
        if (parameters.Text("window") is { } window) query = query with { Window = parameters.Field("window", () => DurationText.Parse(window, parameters.Label("window"))) };
        query = query with
        {
            Cuped = parameters.Flag("cuped"),
            Sequential = parameters.Flag("sequential"),
            Relative = parameters.Flag("relative"),
            VariantAttribute = parameters.Text("variant-attribute") ?? query.VariantAttribute,
            Alternative = AlternativeOf(parameters.Choice("alternative", "two-sided", "two-sided", "greater", "less")),
        };
        var scope = RequestScope.Read(project, parameters);
        parameters.RejectUnread("experiment");
        query = query with { Range = scope.Range, Cohort = scope.Cohort, Breakdowns = scope.Breakdowns, BreakdownLimit = scope.Limit };
        CheckExperiment(project, query);
        if (query.Metrics.Count == 0)
            throw RequestParameters.Invalid("metric", $"experiment '{query.Name}' has no metrics: give {parameters.Label("metric")} or list metrics under experiments in sextant.yaml");
        CheckNames(names, query, typedMetrics, parameters);
        return project.Run(query) with { Warnings = warnings };
    }

    /// <summary>The test's alternative from its text: two-sided, greater or less.</summary>
    public static Alternative AlternativeOf(string text) => text switch
    {
        "greater" => Alternative.Greater,
        "less" => Alternative.Less,
        _ => Alternative.TwoSided,
    };

    /// <summary>
    /// An experiment the loaded assignments do not hold is an error about the name, before any
    /// metric is measured. A warehouse store's engine checks it with its own query.
    /// </summary>
    private static void CheckExperiment(Project project, ExperimentQuery query)
    {
        if (query.VariantAttribute is not null || project.Warehouse is not null) return;
        var known = project.Table.Assignments.ExperimentNames;
        if (!known.Contains(query.Name, StringComparer.Ordinal))
            throw RequestParameters.Invalid("name", $"no experiment named '{query.Name}' in the assignments (experiments: {(known.Length == 0 ? "none" : string.Join(", ", known))})");
    }

    /// <summary>A metric's events and summed property, and the segments, must exist in the store: a typo is an error, not a 0.</summary>
    private static void CheckNames(IStoredNames names, ExperimentQuery query, bool typedMetrics, RequestParameters parameters)
    {
        parameters.Field("metric", () =>
        {
            foreach (var spec in query.Metrics.Concat(query.Guardrails.Select(g => g.Metric)))
            {
                // An event from sextant.yaml is a warning (see NameCheck.ExperimentWarnings), not an error.
                var configured = !typedMetrics || !query.Metrics.Contains(spec);
                var where = $"metric '{spec.Text}'";
                if (spec.Event is { } name && !configured) NameCheck.Event(names, name, where);
                if (spec.Denominator is { } denominator && !configured) NameCheck.Event(names, denominator, where);
                if (spec.Kind == MetricKind.Sum) NameCheck.Property(names, spec.Property!, where);
            }
        });
        parameters.Field("segment", () =>
        {
            foreach (var segment in query.Segments.Where(s => s.Source == BreakdownSource.Profile)) NameCheck.Attribute(names, segment.Name, parameters.Label("segment"));
        });
    }
}
