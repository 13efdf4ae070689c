using Sextant.Analysis;
using Sextant.Analysis.Engagement;
using Sextant.Analysis.Funnels;
using Sextant.Analysis.Health;
using Sextant.Configuration;

namespace Sextant.Tests.Support;

/// <summary>
/// The demo product's activation criteria, collaboration events and upgrade event, which the
/// library no longer assumes: tests written against the demo's definitions name them here.
/// </summary>
public static class DemoSettings
{
    public static LifecycleFunnelQuery LifecycleQuery { get; } = new()
    {
        ActivationEvents = ValueList.From(ActivationConfig.DefaultEvents),
        MonetizationEvents = ValueList.From(MilestonesConfig.DemoMonetizationEvents),
        CollaborationEvents = ValueList.From(NorthStarConfig.DefaultCollaborationEvents),
    };

    /// <summary>Engagement with the demo's activation criteria and collaboration events.</summary>
    public static EngagementQuery EngagementQuery { get; } = new(ActivationEvents: ValueList.From(ActivationConfig.DefaultEvents), CollaborationEvents: ValueList.From(NorthStarConfig.DefaultCollaborationEvents));

    /// <summary>Health with the demo's collaboration events and the plans whose users can upgrade.</summary>
    public static HealthQuery HealthQuery { get; } = new(CollaborationEvents: Sextant.Analysis.ValueList.From(NorthStarConfig.DefaultCollaborationEvents), ExpansionPlans: ["free", "plus"]);
}
