using Sextant.Analysis;
using Sextant.Analysis.Revenue;

namespace Sextant.Configuration.Queries;

/// <summary>Revenue queries with the settings of sextant.yaml.</summary>
public static class RevenueQueries
{
    /// <summary>Revenue and LTV over all time, with <c>activity.exclude_events</c> never making a user active.</summary>
    public static RevenueQuery FromConfig(SextantConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new RevenueQuery(ValueList.From(config.Activity.ExcludeEvents));
    }
}
