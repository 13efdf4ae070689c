using Sextant.Analysis;
using Sextant.Analysis.Funnels;
using Sextant.Analysis.Syntax;

namespace Sextant.Configuration.Queries;

/// <summary>The funnel queries sextant.yaml defines.</summary>
public static class FunnelQueries
{
    /// <summary>The query of a named funnel (an item of <c>funnels</c>).</summary>
    /// <exception cref="SextantException">A step is not valid step syntax, or the order is not ordered, strict or unordered.</exception>
    public static FunnelQuery FromConfig(FunnelConfig funnel)
    {
        ArgumentNullException.ThrowIfNull(funnel);
        if (!Enum.TryParse<FunnelOrder>(funnel.Order, ignoreCase: true, out var order) || !Enum.IsDefined(order))
            throw new SextantException($"funnels.{funnel.Name}.order must be one of {string.Join(", ", FunnelConfig.Orders)}, got '{funnel.Order}'");
        return new FunnelQuery([.. funnel.Steps.Select(FunnelStepText.Parse)], funnel.Window, order, ValueList.From(funnel.Exclude));
    }

    /// <summary>The lifecycle funnel as configured: activation, milestones, collaboration events and excluded events.</summary>
    public static LifecycleFunnelQuery Lifecycle(SextantConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new LifecycleFunnelQuery
        {
            ActivationEvents = ValueList.From(config.Activation.Events),
            ActivationMatchAll = config.Activation.Match == "all",
            ActivationWindowDays = config.Activation.WindowDays,
            EngagementActiveDays = config.Milestones.EngagementActiveDays,
            EngagementWithinDays = config.Milestones.EngagementWithinDays,
            HabitActiveWeeks = config.Milestones.HabitActiveWeeks,
            HabitWithinWeeks = config.Milestones.HabitWithinWeeks,
            MonetizationEvents = ValueList.From(config.Milestones.MonetizationEvents),
            CollaborationEvents = ValueList.From(config.NorthStar.CollaborationEvents),
            ExcludeEvents = ValueList.From(config.Activity.ExcludeEvents),
        };
    }
}
