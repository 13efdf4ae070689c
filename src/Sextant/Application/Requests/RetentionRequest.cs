using Sextant.Analysis;
using Sextant.Analysis.Retention;
using Sextant.Configuration.Queries;

namespace Sextant.Application.Requests;

/// <summary>
/// Cohort retention (<c>sextant retention</c>): <c>period</c> (day, week or month), <c>mode</c>
/// (on or on_or_after), <c>start-event</c>, <c>return-event</c> and the scope (docs/METRICS.md).
/// </summary>
public sealed class RetentionRequest : IAnalysisRequest
{
    /// <inheritdoc/>
    public string Name => "retention";

    /// <inheritdoc/>
    public string Summary => "Cohort retention with intervals, partial cells marked";

    /// <inheritdoc/>
    public object Run(Project project, RequestParameters parameters) => Retention(project, parameters);

    /// <summary>The retention of the parameters.</summary>
    /// <exception cref="SextantException">A parameter is invalid or names something the data do not have.</exception>
    public static RetentionResult Retention(Project project, RequestParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(parameters);
        var config = project.Config;
        var period = parameters.Choice("period", "month", "day", "week", "month");
        var mode = parameters.Choice("mode", "on", "on", "on_or_after");
        var startEvent = parameters.Text("start-event");
        var returnEvent = parameters.Text("return-event");
        var scope = RequestScope.Read(project, parameters);
        parameters.RejectUnread("retention");
        CheckEvent(project.Names, parameters, "start-event", startEvent, "start event");
        CheckEvent(project.Names, parameters, "return-event", returnEvent, "return event");
        var query = RetentionQueries.FromConfig(config) with
        {
            Period = Enum.Parse<CalendarPeriod>(period, ignoreCase: true),
            Mode = mode == "on" ? RetentionMode.On : RetentionMode.OnOrAfter,
            StartEvent = startEvent,
            ReturnEvent = returnEvent,
            Range = scope.Range,
            Cohort = scope.Cohort,
            Breakdowns = scope.Breakdowns,
            BreakdownLimit = scope.Limit,
        };
        return project.Run(query) with { Warnings = NameCheck.ConfigWarnings(project.Names, ("activity.exclude_events", config.Activity.ExcludeEvents)) };
    }

    /// <summary>The engines check the event too, with the same message; checking here names the field.</summary>
    private static void CheckEvent(IStoredNames names, RequestParameters parameters, string field, string? name, string what)
    {
        if (name is null || names.HasEvent(name)) return;
        throw RequestParameters.Invalid(field, NameCheck.Unknown(what, name, null, names.EventNames));
    }
}
