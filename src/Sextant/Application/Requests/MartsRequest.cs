using Sextant.Analysis;
using Sextant.Analysis.Funnels;
using Sextant.Analysis.Marts;
using Sextant.Configuration.Queries;

namespace Sextant.Application.Requests;

/// <summary>
/// The cohort marts (docs/MARTS.md): funnel conversion by sign-up month (a <c>funnel</c> named in sextant.yaml, or
/// <c>steps</c> with <c>window</c>, <c>order</c> and <c>exclude</c>; without either the first configured funnel, else the
/// report's default one), DAU/MAU and feature adoption by sign-up month, and user health with the plan from subscriptions.
/// Scope: <c>from</c> / <c>to</c> select sign-up cohorts and end the data, <c>cohort</c> filters users. Typed names must exist;
/// those from sextant.yaml are warnings.
/// </summary>
public sealed class MartsRequest : IAnalysisRequest
{
    /// <inheritdoc/>
    public string Name => "marts";

    /// <inheritdoc/>
    public string Summary => "Cohort marts: funnel conversion, DAU/MAU and feature adoption by sign-up month, user health by plan";

    /// <inheritdoc/>
    public object Run(Project project, RequestParameters parameters) => Marts(project, parameters);

    /// <summary>The marts of the parameters.</summary>
    /// <exception cref="SextantException">A parameter is invalid or names something the data do not have.</exception>
    public static MartsResult Marts(Project project, RequestParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(parameters);
        var config = project.Config;
        var typed = parameters.Text("steps") is not null;
        var named = parameters.Text("funnel");
        var notes = new List<string>();
        FunnelQuery? funnel;
        string? funnelKey = null;
        if (typed || named is not null)
        {
            funnel = FunnelRequest.Query(project, parameters, "funnel");
            funnelKey = named is null ? null : $"funnels.{named}";
        }
        else
        {
            foreach (var field in new[] { "window", "order", "exclude" })
                if (parameters.Texts(field).Count > 0)
                    throw RequestParameters.Invalid(field, $"{parameters.Label(field)} goes with {parameters.Label("steps")} or {parameters.Label("funnel")}");
            funnel = config.Funnels.Count > 0 ? FunnelQueries.FromConfig(config.Funnels[0]) : ReportAnalyses.DefaultFunnel(config);
            if (config.Funnels.Count > 0) funnelKey = $"funnels.{config.Funnels[0].Name}";
            if (funnel is null) notes.Add(NoFunnelNote);
        }
        var scope = RequestScope.Read(project, parameters, breakdowns: false);
        parameters.RejectUnread("marts");
        IReadOnlyList<string> funnelWarnings = [];
        if (funnel is not null)
        {
            funnel = funnel with { Range = scope.Range, Cohort = scope.Cohort };
            if (funnelKey is not null) funnelWarnings = NameCheck.FunnelWarnings(project.Names, funnel, funnelKey);
            else if (typed) FunnelRequest.CheckNames(project.Names, funnel, parameters);
            else funnelWarnings = NameCheck.FunnelWarnings(project.Names, funnel, "the default funnel");
        }
        var engagement = new CohortEngagementQuery(scope.Range, ValueList.From(config.Activity.ExcludeEvents), ValueList.From(config.Features), scope.Cohort);
        var health = HealthQueries.FromConfig(config) with { Range = scope.Range, Cohort = scope.Cohort };
        var marts = Analysis.Marts.Marts.Run(project.Engine, project.Calendar, new MartsQuery(funnel, engagement, health));
        var configWarnings = NameCheck.ConfigWarnings(project.Names, ("activity.exclude_events", config.Activity.ExcludeEvents), ("features", config.Features),
            ("north_star.collaboration_events", config.NorthStar.CollaborationEvents));
        return marts with { Warnings = [.. funnelWarnings, .. configWarnings, .. marts.Health.Warnings, .. notes] };
    }

    /// <summary>The note when no funnel is given and sextant.yaml has too little to build one.</summary>
    public const string NoFunnelNote = "cohort_funnel is skipped: give --funnel NAME or --steps, or name a funnel in sextant.yaml (funnels:)";
}
