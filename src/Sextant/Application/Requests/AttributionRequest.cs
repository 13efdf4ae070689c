using Sextant.Analysis.Impact;
using Sextant.Analysis.Syntax;

namespace Sextant.Application.Requests;

/// <summary>
/// Subscription revenue by channel (docs/IMPACT.md): <c>touch-property</c> (default utm_source),
/// <c>half-life</c> (time decay, default 7d) and the scope. Without a breakdown the answer is the
/// bare array of channel credits, as <c>sextant attribution --json</c> prints it.
/// </summary>
public sealed class AttributionRequest : IAnalysisRequest
{
    /// <inheritdoc/>
    public string Name => "attribution";

    /// <inheritdoc/>
    public string Summary => "Revenue by channel: first-touch, last-touch, linear and time-decay";

    /// <inheritdoc/>
    public object Run(Project project, RequestParameters parameters) => Answer(Attribution(project, parameters));

    /// <summary>The channel attribution of the parameters.</summary>
    /// <exception cref="SextantException">A parameter is invalid or names something the data do not have.</exception>
    public static ChannelAttributionResult Attribution(Project project, RequestParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(parameters);
        var property = parameters.Text("touch-property") ?? "utm_source";
        var halfLifeText = parameters.Text("half-life") ?? "7d";
        var halfLifeDays = parameters.Field("half-life", () => DurationText.Parse(halfLifeText, parameters.Label("half-life"))).TotalDays;
        var scope = RequestScope.Read(project, parameters);
        parameters.RejectUnread("attribution");
        return project.Run(new ChannelAttributionQuery(property, halfLifeDays, scope.Range, scope.Cohort)
        {
            Breakdowns = scope.Breakdowns,
            BreakdownLimit = scope.Limit,
        });
    }

    /// <summary>The JSON answer: the credits alone without breakdowns, else the whole result.</summary>
    public static object Answer(ChannelAttributionResult attribution)
    {
        ArgumentNullException.ThrowIfNull(attribution);
        return attribution.Groups is null ? attribution.Credits : attribution;
    }
}
