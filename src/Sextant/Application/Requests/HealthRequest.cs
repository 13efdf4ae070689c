using Sextant.Analysis;
using Sextant.Analysis.Health;
using Sextant.Configuration.Queries;

namespace Sextant.Application.Requests;

/// <summary>
/// User health (docs/HEALTH.md) over the scope, with the weights and targets of sextant.yaml.
/// A request answers the <see cref="HealthSummary"/>; the per-user rows stay in the library's
/// <see cref="HealthResult"/> (and the CLI's <c>--out</c> file).
/// </summary>
public sealed class HealthRequest : IAnalysisRequest
{
    /// <inheritdoc/>
    public string Name => "health";

    /// <inheritdoc/>
    public string Summary => "User health: scores, at-risk and expansion-ready users, per segment";

    /// <inheritdoc/>
    public object Run(Project project, RequestParameters parameters) => HealthSummary.Of(Health(project, parameters));

    /// <summary>The health scores of the parameters, every scored user included.</summary>
    /// <exception cref="SextantException">A parameter is invalid or names something the data do not have.</exception>
    public static HealthResult Health(Project project, RequestParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(parameters);
        var config = project.Config;
        var scope = RequestScope.Read(project, parameters);
        parameters.RejectUnread("health");
        var health = project.Run(HealthQueries.FromConfig(config) with { Range = scope.Range, Cohort = scope.Cohort, Breakdowns = scope.Breakdowns, BreakdownLimit = scope.Limit });
        return health with
        {
            Warnings = [.. health.Warnings, .. NameCheck.ConfigWarnings(project.Names, ("activity.exclude_events", config.Activity.ExcludeEvents), ("north_star.collaboration_events", config.NorthStar.CollaborationEvents))],
        };
    }
}
