using System.Text.Json.Nodes;
using Sextant.Analysis;
using Sextant.Analysis.Funnels;
using Sextant.Analysis.Syntax;
using Sextant.Configuration.Queries;

namespace Sextant.Application.Requests;

/// <summary>
/// A live dashboard's view in text form (docs/SERVER.md, Live dashboards): <c>from</c>, <c>to</c>,
/// <c>breakdown</c> and <c>limit</c> as every analysis takes them, <c>cohort</c> (a saved cohort)
/// and <c>filter</c> (<c>ATTRIBUTE:VALUE</c>, users whose profile attribute has the value) to
/// narrow the users, the product funnel's <c>steps</c> and <c>window</c>, and the retention
/// <c>period</c>. Typed names must exist, as on the command line.
/// </summary>
public static class DashboardRequest
{
    /// <summary>The profile attribute whose values the page offers as filters.</summary>
    public const string FilterAttribute = ReportAnalyses.SegmentAttribute;

    /// <summary>Reads the view.</summary>
    /// <exception cref="SextantException">A field is invalid, unknown, or names something the data do not have; <see cref="RequestParameters.FieldOf"/> names it.</exception>
    public static DashboardScope Scope(Project project, RequestParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(parameters);
        var scope = RequestScope.Read(project, parameters);
        var cohort = scope.Cohort;
        if (parameters.Text("filter") is { } filter)
        {
            var property = parameters.Field("filter", () => Filter(project.Names, filter, parameters.Label("filter")));
            cohort = cohort is null ? property : new Cohort($"{cohort.Name} & {property.Name}", new AllOf([cohort.Definition, property.Definition]));
        }
        var funnel = Funnel(project, parameters);
        var period = parameters.Choice("period", "month", "day", "week", "month") switch
        {
            "day" => CalendarPeriod.Day,
            "week" => CalendarPeriod.Week,
            _ => CalendarPeriod.Month,
        };
        parameters.RejectUnread("dashboards");
        return new DashboardScope(scope.Range, cohort, scope.Breakdowns, scope.Limit, funnel, period);
    }

    /// <summary>
    /// What the page's controls offer and show: <c>breakdowns</c> (profile attributes and saved
    /// cohorts), <c>filters</c> (label and value of each filter choice), and the product funnel's
    /// <c>steps</c> and <c>window</c> as the view has them.
    /// </summary>
    public static JsonObject Controls(Project project, DashboardScope scope)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(scope);
        var table = project.Table;
        var cohorts = project.Config.Cohorts;
        var breakdowns = table.Attributes.Names.Order(StringComparer.Ordinal).Concat(cohorts.Select(c => "cohort." + c.Name));
        var filters = new JsonArray();
        if (table.Attributes[FilterAttribute] is { } column)
            foreach (var value in column.Values.Order(StringComparer.Ordinal))
                filters.Add(new JsonObject { ["label"] = $"{FilterAttribute} {value}", ["value"] = $"filter={FilterAttribute}:{value}" });
        foreach (var cohort in cohorts)
            filters.Add(new JsonObject { ["label"] = $"cohort {cohort.Name}", ["value"] = $"cohort={cohort.Name}" });
        var funnel = scope.Funnel ?? DefaultFunnel(project);
        return new JsonObject
        {
            ["breakdowns"] = new JsonArray([.. breakdowns.Select(b => (JsonNode)b)]),
            ["filters"] = filters,
            ["steps"] = funnel is null ? null : StepsText(funnel.Steps),
            ["window"] = funnel is null ? null : DurationText.Format(funnel.Window),
        };
    }

    /// <summary>Users whose profile attribute has the value: <c>ATTRIBUTE:VALUE</c>.</summary>
    private static Cohort Filter(IStoredNames names, string text, string label)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
            throw new SextantException($"{label} '{text}' is not ATTRIBUTE:VALUE (e.g. {FilterAttribute}:smb)");
        var attribute = text[..colon];
        NameCheck.Attribute(names, attribute, label);
        return new Cohort($"{attribute} = {text[(colon + 1)..]}", new HasProperty(attribute, PropertyComparison.In, [text[(colon + 1)..]]));
    }

    /// <summary>The product funnel with the view's steps and window, or null when neither is given.</summary>
    private static FunnelQuery? Funnel(Project project, RequestParameters parameters)
    {
        var steps = parameters.Text("steps");
        var window = parameters.Text("window");
        if (steps is null && window is null) return null;
        var funnel = steps is not null
            ? new FunnelQuery(parameters.Field("steps", () => FunnelStepText.ParseList(steps)), FunnelQuery.DefaultWindow)
            : DefaultFunnel(project) ?? throw RequestParameters.Invalid("window", $"sextant.yaml names no funnel: give {parameters.Label("steps")} with {parameters.Label("window")}");
        if (steps is not null)
            parameters.Field("steps", () =>
            {
                foreach (var step in funnel.Steps)
                {
                    var where = step.Events.Count == 1 && step.Filters.Count == 0 ? null : $"step '{step.Name}'";
                    NameCheck.Events(project.Names, step.Events, where);
                    foreach (var filter in step.Filters) NameCheck.Property(project.Names, filter.Property, where);
                }
            });
        if (window is not null) funnel = funnel with { Window = parameters.Field("window", () => DurationText.Parse(window, parameters.Label("window"))) };
        return funnel;
    }

    private static FunnelQuery? DefaultFunnel(Project project) =>
        project.Config.Funnels.Count > 0 ? FunnelQueries.FromConfig(project.Config.Funnels[0]) : ReportAnalyses.DefaultFunnel(project.Config);

    private static string StepsText(ValueList<FunnelStep> steps) =>
        string.Join(',', steps.Select(s => s.Filters.Count == 0 ? string.Join('|', s.Events) : s.Name));
}
