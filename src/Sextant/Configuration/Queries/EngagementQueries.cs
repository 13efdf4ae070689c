using Sextant.Analysis;
using Sextant.Analysis.Engagement;

namespace Sextant.Configuration.Queries;

/// <summary>The engagement query a project's sextant.yaml asks for.</summary>
public static class EngagementQueries
{
    /// <summary>The query of <paramref name="config"/>, before command-line flags.</summary>
    public static EngagementQuery FromConfig(SextantConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new EngagementQuery(
            ValueList.From(config.Activity.ExcludeEvents),
            ValueList.From(config.Activation.Events),
            config.Activation.Match == "all",
            config.Activation.WindowDays,
            NorthStarMinMembers: config.NorthStar.MinMembers,
            CollaborationEvents: ValueList.From(config.NorthStar.CollaborationEvents),
            Features: ValueList.From(config.Features),
            BusinessMau: config.Business.Mau);
    }
}
