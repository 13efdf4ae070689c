using Sextant.Analysis;
using Sextant.Analysis.Paths;
using Sextant.Analysis.Syntax;

namespace Sextant.Application.Requests;

/// <summary>
/// User journeys (docs/PATHS.md): <c>start</c> or <c>end</c>, <c>steps</c> (default 5),
/// <c>session-gap</c> (default 30m; 0 = whole history), <c>clean</c> (repeatable
/// REGEX=REPLACEMENT), <c>top</c> (default 50), <c>converted</c> and the scope.
/// </summary>
public sealed class PathsRequest : IAnalysisRequest
{
    /// <inheritdoc/>
    public string Name => "paths";

    /// <inheritdoc/>
    public string Summary => "User journeys: top paths, Sankey edges, drop-off, converters and the feature network";

    /// <inheritdoc/>
    public object Run(Project project, RequestParameters parameters) => Paths(project, parameters);

    /// <summary>The paths of the parameters.</summary>
    /// <exception cref="SextantException">A parameter is invalid or names something the data do not have.</exception>
    public static PathResult Paths(Project project, RequestParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(parameters);
        var config = project.Config;
        var gapText = parameters.Text("session-gap") ?? "30m";
        var query = new PathQuery
        {
            Start = parameters.Text("start"),
            End = parameters.Text("end"),
            MaxSteps = parameters.Int("steps", 5, min: 1),
            SessionGap = gapText.Trim() == "0" ? TimeSpan.Zero : parameters.Field("session-gap", () => DurationText.Parse(gapText, parameters.Label("session-gap"))),
            Cleaning = parameters.Texts("clean").Select(rule => Rule(rule, parameters)).ToList(),
            Top = parameters.Int("top", 50, min: 1),
            ExcludeEvents = ValueList.From(config.Activity.ExcludeEvents),
            Converted = parameters.Text("converted"),
        };
        var scope = RequestScope.Read(project, parameters);
        parameters.RejectUnread("paths");
        if (query.Start is not null && query.End is not null)
            throw RequestParameters.Invalid("end", $"a path has a start event or an end event, not both (got start '{query.Start}' and end '{query.End}')");
        if (query.Converted is { } converted && !project.Names.HasEvent(converted))
            throw RequestParameters.Invalid("converted", NameCheck.Unknown("conversion event", converted, null, project.Names.EventNames));
        query = query with { Range = scope.Range, Cohort = scope.Cohort, Breakdowns = scope.Breakdowns, BreakdownLimit = scope.Limit };
        return project.Run(query) with { Warnings = NameCheck.ConfigWarnings(project.Names, ("activity.exclude_events", config.Activity.ExcludeEvents)) };
    }

    private static PathCleaningRule Rule(string text, RequestParameters parameters)
    {
        var equals = text.LastIndexOf('=');
        return equals <= 0
            ? throw RequestParameters.Invalid("clean", $"{parameters.Label("clean")} '{text}': expected REGEX=REPLACEMENT, e.g. {parameters.Label("clean")} '^view_.*=view'")
            : new PathCleaningRule(text[..equals], text[(equals + 1)..]);
    }
}
