using Sextant.Analysis;
using Sextant.Analysis.Impact;

namespace Sextant.Application.Requests;

/// <summary>
/// A feature's association with an outcome (docs/IMPACT.md): <c>feature</c> (its event),
/// <c>outcome</c> (upgrade, the default, also conversion; retention; revenue),
/// <c>adoption-days</c> (1 to 365, default 7) and the scope.
/// </summary>
public sealed class ImpactRequest : IAnalysisRequest
{
    /// <inheritdoc/>
    public string Name => "impact";

    /// <inheritdoc/>
    public string Summary => "A feature's association with upgrade, retention or revenue, adjusted for confounders";

    /// <inheritdoc/>
    public object Run(Project project, RequestParameters parameters) => Impact(project, parameters);

    /// <summary>The feature impact of the parameters.</summary>
    /// <exception cref="SextantException">A parameter is invalid or names something the data do not have.</exception>
    public static ImpactResult Impact(Project project, RequestParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(parameters);
        var config = project.Config;
        var feature = parameters.Text("feature");
        if (string.IsNullOrWhiteSpace(feature)) throw RequestParameters.Invalid("feature", "give the feature's event");
        var outcome = parameters.Choice("outcome", "upgrade", "upgrade", "conversion", "retention", "revenue") switch
        {
            "retention" => ImpactOutcome.Retention,
            "revenue" => ImpactOutcome.Revenue,
            _ => ImpactOutcome.Upgrade,
        };
        var days = parameters.Int("adoption-days", 7);
        if (days is < 1 or > 365) throw RequestParameters.Invalid("adoption-days", $"{parameters.Label("adoption-days")} must be from 1 to 365");
        var scope = RequestScope.Read(project, parameters);
        parameters.RejectUnread("impact");
        if (!project.Names.HasEvent(feature))
            throw RequestParameters.Invalid("feature", NameCheck.Unknown("feature event", feature, null, project.Names.EventNames));
        return project.Run(new ImpactQuery(feature, outcome, days, ExcludeEvents: ValueList.From(config.Activity.ExcludeEvents),
            BusinessMau: config.Business.Mau, Range: scope.Range, ActivationEvents: ValueList.From(config.Activation.Events), Cohort: scope.Cohort)
        {
            Breakdowns = scope.Breakdowns,
            BreakdownLimit = scope.Limit,
        });
    }
}
