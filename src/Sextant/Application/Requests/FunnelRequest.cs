using Sextant.Analysis;
using Sextant.Analysis.Funnels;
using Sextant.Analysis.Syntax;
using Sextant.Configuration.Queries;

namespace Sextant.Application.Requests;

/// <summary>
/// A funnel: <c>steps</c> (or a <c>name</c>d funnel of sextant.yaml), <c>window</c>, <c>order</c>,
/// <c>exclude</c> and the scope; or with <c>lifecycle</c> the seven-stage lifecycle funnel
/// (docs/FUNNELS.md). Typed names must exist; those of a named funnel are warnings.
/// </summary>
public sealed class FunnelRequest : IAnalysisRequest
{
    /// <inheritdoc/>
    public string Name => "funnel";

    /// <inheritdoc/>
    public string Summary => "Conversion through a sequence of steps, or the lifecycle funnel";

    /// <inheritdoc/>
    public object Run(Project project, RequestParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters.Flag("lifecycle") ? Lifecycle(project, parameters) : Funnel(project, parameters);
    }

    /// <summary>The funnel of the parameters.</summary>
    /// <exception cref="SextantException">A parameter is invalid or names something the data do not have.</exception>
    public static FunnelResult Funnel(Project project, RequestParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Flag("lifecycle")) throw RequestParameters.Invalid("lifecycle", "the lifecycle funnel is not a funnel of steps");
        var query = Query(project, parameters);
        var scope = RequestScope.Read(project, parameters);
        parameters.RejectUnread("funnel");
        query = query with { Range = scope.Range, Cohort = scope.Cohort, Breakdowns = scope.Breakdowns, BreakdownLimit = scope.Limit };
        var typedExclude = parameters.Texts("exclude").Count > 0;
        IReadOnlyList<string> warnings = [];
        if (parameters.Text("name") is { } funnelName)
        {
            warnings = NameCheck.FunnelWarnings(project.Names, typedExclude ? query with { Exclude = default } : query, $"funnels.{funnelName}");
            if (typedExclude) parameters.Field("exclude", () => NameCheck.Events(project.Names, query.Exclude, parameters.Label("exclude")));
        }
        else CheckNames(project.Names, query, parameters);
        return project.Run(query) with { Warnings = warnings };
    }

    /// <summary>The lifecycle funnel (Awareness → Monetization) over the scope.</summary>
    /// <exception cref="SextantException">Steps are given too, or sextant.yaml names no activation events.</exception>
    public static LifecycleFunnelResult Lifecycle(Project project, RequestParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(parameters);
        var config = project.Config;
        _ = parameters.Flag("lifecycle");
        if (parameters.Text("steps") is not null || parameters.Text("name") is not null)
            throw RequestParameters.Invalid("lifecycle", $"{parameters.Label("lifecycle")} takes no {parameters.Label("steps")} or {parameters.Label("name")}");
        if (config.Activation.Events.Count == 0) throw new SextantException("the lifecycle funnel's Activation stage needs activation.events in sextant.yaml (the events that activate a user)");
        var scope = RequestScope.Read(project, parameters);
        parameters.RejectUnread("the lifecycle funnel");
        var stages = project.Run(FunnelQueries.Lifecycle(config) with
        {
            Range = scope.Range,
            Cohort = scope.Cohort,
            Breakdowns = scope.Breakdowns,
            BreakdownLimit = scope.Limit,
        });
        return stages with
        {
            Warnings = NameCheck.ConfigWarnings(project.Names, ("activity.exclude_events", config.Activity.ExcludeEvents), ("activation.events", config.Activation.Events),
                ("north_star.collaboration_events", config.NorthStar.CollaborationEvents), ("milestones.monetization_events", config.Milestones.MonetizationEvents)),
        };
    }

    /// <summary>
    /// The funnel of steps with its fields, or the one sextant.yaml names in the field <paramref name="nameField"/> (whose window,
    /// order and exclusions the fields override when given).
    /// </summary>
    internal static FunnelQuery Query(Project project, RequestParameters parameters, string nameField = "name")
    {
        var stepsText = parameters.Text("steps");
        var funnelName = parameters.Text(nameField);
        var window = parameters.Text("window");
        var order = parameters.Text("order");
        var exclude = parameters.Texts("exclude");
        if ((stepsText is null) == (funnelName is null))
            throw RequestParameters.Invalid("steps", $"give either {parameters.Label("steps")} or {parameters.Label(nameField)}");
        var config = project.Config;
        var query = stepsText is not null
            ? new FunnelQuery(parameters.Field("steps", () => FunnelStepText.ParseList(stepsText)), FunnelQuery.DefaultWindow)
            : FunnelQueries.FromConfig(config.Funnels.FirstOrDefault(f => f.Name == funnelName)
                ?? throw RequestParameters.Invalid(nameField, $"no funnel named '{funnelName}' in the configuration (named funnels: {(config.Funnels.Count == 0 ? "none" : string.Join(", ", config.Funnels.Select(f => f.Name)))})"));
        if (stepsText is not null || window is not null)
            query = query with { Window = parameters.Field("window", () => DurationText.Parse(window ?? "14d", parameters.Label("window"))) };
        if (stepsText is not null || order is not null)
        {
            var orderText = parameters.Choice("order", "ordered", "ordered", "strict", "unordered");
            query = query with { Order = Enum.Parse<FunnelOrder>(orderText, ignoreCase: true) };
        }
        if (exclude.Count > 0) query = query with { Exclude = [.. exclude] };
        return query;
    }

    /// <summary>Every step event, filter property and excluded event must exist in the store: a typo is an error, not a 0.</summary>
    internal static void CheckNames(IStoredNames names, FunnelQuery query, RequestParameters parameters)
    {
        parameters.Field("steps", () =>
        {
            foreach (var step in query.Steps)
            {
                var where = step.Events.Count == 1 && step.Filters.Count == 0 ? null : $"step '{step.Name}'";
                NameCheck.Events(names, step.Events, where);
                foreach (var filter in step.Filters) NameCheck.Property(names, filter.Property, where);
            }
        });
        parameters.Field("exclude", () => NameCheck.Events(names, query.Exclude, parameters.Label("exclude")));
    }
}
