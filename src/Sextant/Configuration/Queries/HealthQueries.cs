using Sextant.Analysis;
using Sextant.Analysis.Health;

namespace Sextant.Configuration.Queries;

/// <summary>The health query sextant.yaml describes.</summary>
public static class HealthQueries
{
    /// <summary>The query of the health, activity and North Star collaboration settings.</summary>
    public static HealthQuery FromConfig(SextantConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var health = config.Health;
        return new HealthQuery(
            ExcludeEvents: ValueList.From(config.Activity.ExcludeEvents),
            CollaborationEvents: ValueList.From(config.NorthStar.CollaborationEvents),
            Weights: new HealthWeights(health.RecencyWeight, health.FrequencyWeight, health.BreadthWeight, health.CollaborationWeight, health.TrendWeight, health.TenureWeight),
            AtRiskBelow: health.AtRiskBelow,
            ExpansionPlans: ValueList.From(health.ExpansionPlans),
            ExpansionMinFeatures: health.ExpansionMinFeatures,
            ExpansionMinActiveDays: health.ExpansionMinActiveDays,
            ExpansionPlanFrom: health.ExpansionPlanFrom);
    }
}
