using Sextant.Analysis;
using Sextant.Analysis.Revenue;
using Sextant.Analysis.Syntax;
using Sextant.Configuration.Queries;

namespace Sextant.Application.Requests;

/// <summary>
/// Revenue (<c>sextant revenue</c>): ARPU / ARPPU per month and per breakdown group, cohort LTV
/// observed and projected, with <c>as-of</c> (a data end, instead of <c>to</c>) and the scope (docs/METRICS.md).
/// </summary>
public sealed class RevenueRequest : IAnalysisRequest
{
    /// <inheritdoc/>
    public string Name => "revenue";

    /// <inheritdoc/>
    public string Summary => "Revenue, ARPU and ARPPU per month; cohort LTV observed and projected with a fitted retention model";

    /// <inheritdoc/>
    public object Run(Project project, RequestParameters parameters) => Revenue(project, parameters);

    /// <summary>The revenue of the parameters.</summary>
    /// <exception cref="SextantException">A parameter is invalid, <c>as-of</c> and <c>to</c> are both given, or the range is empty.</exception>
    public static RevenueResult Revenue(Project project, RequestParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(parameters);
        var config = project.Config;
        var scope = RequestScope.Read(project, parameters);
        var asOfText = parameters.Text("as-of");
        parameters.RejectUnread("revenue");
        var range = scope.Range;
        if (asOfText is not null)
        {
            if (range.To is not null) throw RequestParameters.Invalid("as-of", $"{parameters.Label("as-of")} '{asOfText}' and {parameters.Label("to")} both end the data: give one of them");
            var asOf = parameters.Field("as-of", () => AsOfText.Parse(asOfText, parameters.Label("as-of"), project.Calendar))!.Value;
            range = TimeRange.Between(range.From?.UnixMicroseconds, asOf + 1);
            if (range.FromMicros >= range.ToMicros) throw RequestParameters.Invalid("as-of", $"{parameters.Label("from")} is not before {parameters.Label("as-of")} '{asOfText}': the range is empty");
        }
        var query = RevenueQueries.FromConfig(config) with { Range = range, Cohort = scope.Cohort, Breakdowns = scope.Breakdowns, BreakdownLimit = scope.Limit };
        return project.Run(query) with { Warnings = NameCheck.ConfigWarnings(project.Names, ("activity.exclude_events", config.Activity.ExcludeEvents)) };
    }
}
