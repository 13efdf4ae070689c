using Sextant.Analysis;
using Sextant.Analysis.Cohorts;

namespace Sextant.Application.Requests;

/// <summary>
/// The saved cohorts of sextant.yaml with their definitions and sizes (<c>sextant cohorts</c>):
/// every cohort, or only <c>cohort</c>, counted within <c>from</c> / <c>to</c> (docs/QUERIES.md).
/// </summary>
public sealed class CohortsRequest : IAnalysisRequest
{
    /// <inheritdoc/>
    public string Name => "cohorts";

    /// <inheritdoc/>
    public string Summary => "The cohorts of sextant.yaml (cohorts:) with their definitions and sizes";

    /// <inheritdoc/>
    public object Run(Project project, RequestParameters parameters) => Sizes(project, parameters);

    /// <summary>The sizes of the cohorts the parameters ask for.</summary>
    /// <exception cref="SextantException">sextant.yaml defines no cohorts, or a parameter is invalid.</exception>
    public static CohortSizesResult Sizes(Project project, RequestParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(parameters);
        if (project.Config.Cohorts.Count == 0)
            throw new SextantException("sextant.yaml defines no cohorts: add a cohorts list (see docs/CONFIG.md, Cohorts)");
        var scope = RequestScope.Read(project, parameters, breakdowns: false);
        parameters.RejectUnread("cohorts");
        IReadOnlyList<Cohort> cohorts = scope.Cohort is { } one ? [one] : project.Config.Cohorts;
        return project.Run(new CohortSizesQuery(ValueList.From(cohorts), scope.Range));
    }
}
