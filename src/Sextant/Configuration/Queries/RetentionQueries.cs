using Sextant.Analysis;
using Sextant.Analysis.Retention;

namespace Sextant.Configuration.Queries;

/// <summary>Retention queries with the settings of sextant.yaml.</summary>
public static class RetentionQueries
{
    /// <summary>Monthly retention by sign-up over every active event but <c>activity.exclude_events</c>.</summary>
    public static RetentionQuery FromConfig(SextantConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new RetentionQuery(ExcludeEvents: ValueList.From(config.Activity.ExcludeEvents));
    }
}
