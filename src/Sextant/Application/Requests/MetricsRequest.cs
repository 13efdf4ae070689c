using Sextant.Analysis;
using Sextant.Analysis.Engagement;
using Sextant.Analysis.Syntax;
using Sextant.Configuration.Queries;
using Sextant.Events;

namespace Sextant.Application.Requests;

/// <summary>
/// Engagement (<c>sextant metrics</c>): North Star, DAU / WAU / MAU, stickiness, activation,
/// feature adoption, power users, concentration and lifecycle, with <c>as-of</c>, the lifecycle
/// <c>period</c> (day, week or month) and the scope; with <c>north-star</c> only the North Star
/// part of the same result (docs/METRICS.md, docs/SERVER.md).
/// </summary>
public sealed class MetricsRequest : IAnalysisRequest
{
    /// <summary>The lifecycle periods <c>period</c> takes.</summary>
    public static IReadOnlyList<string> Periods { get; } = ["day", "week", "month"];

    /// <inheritdoc/>
    public string Name => "metrics";

    /// <inheritdoc/>
    public string Summary => "Engagement: North Star, DAU/WAU/MAU, stickiness, activation, feature adoption, power users, lifecycle";

    /// <inheritdoc/>
    public object Run(Project project, RequestParameters parameters)
    {
        var metrics = Engagement(project, parameters);
        return parameters.Flag("north-star") ? metrics.NorthStar : metrics;
    }

    /// <summary>
    /// The engagement metrics of the parameters (<c>north-star</c> is read, so it is accepted, but
    /// the whole result is returned: its <see cref="EngagementResult.NorthStar"/> is what the flag asks for).
    /// </summary>
    /// <exception cref="SextantException">A parameter is invalid or names something the data do not have.</exception>
    public static EngagementResult Engagement(Project project, RequestParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(parameters);
        _ = parameters.Flag("north-star");
        var scope = RequestScope.Read(project, parameters);
        var asOf = parameters.Text("as-of") is { } asOfText
            ? parameters.Field("as-of", () => AsOfText.Parse(asOfText, parameters.Label("as-of"), project.Calendar))
            : null;
        var period = parameters.Choice("period", "week", [.. Periods]);
        parameters.RejectUnread("metrics");
        // The calendar and the names, not the table: on a warehouse store the metrics run inside the database.
        var query = EngagementQueries.FromConfig(project.Config) with
        {
            Range = EndBy(scope.Range, asOf),
            Cohort = scope.Cohort,
            Breakdowns = scope.Breakdowns,
            BreakdownLimit = scope.Limit,
            LifecyclePeriod = Enum.Parse<CalendarPeriod>(period, ignoreCase: true),
        };
        return project.Run(query) with { Warnings = NameCheck.ConfigWarnings(project.Names, project.Config) };
    }

    /// <summary>as-of is a data end: the range stops after it when it comes before the range's own end.</summary>
    private static TimeRange EndBy(TimeRange range, long? asOf) =>
        asOf is { } last && last + 1 < range.ToMicros ? range with { To = new Timestamp(last + 1) } : range;
}
