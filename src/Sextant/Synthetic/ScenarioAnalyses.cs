using Sextant.Analysis.Engagement;
using Sextant.Analysis.Experiments;
using Sextant.Analysis.Funnels;
using Sextant.Analysis.Growth;
using Sextant.Analysis.Health;
using Sextant.Analysis.Impact;
using Sextant.Analysis.Paths;
using Sextant.Analysis.Retention;
using Sextant.Analysis.Revenue;
using Sextant.Configuration;
using Sextant.Events;
using Sextant.Reports;

namespace Sextant.Synthetic;

/// <summary>
/// Every analysis of a generated scenario, set up from what the scenario planted: its
/// experiments with their goals and guardrails, and its feature effects. <c>sextant demo</c>
/// and the report tests both use it, so the demo's dashboards are the tested ones.
/// </summary>
public static class ScenarioAnalyses
{
    /// <summary>The scenario's product features (sign-up, page views and experiment exposures are not features).</summary>
    public static readonly IReadOnlyList<string> Features =
        ["create_page", "edit_page", "view_page", "search", "use_template", "create_database", "connect_integration", "share_page", "comment", "invite_member", "export_page"];

    /// <summary>The scenario's five-step funnel: sign-up, create, edit, collaborate, upgrade.</summary>
    public static readonly IReadOnlyList<string> FunnelSteps = ["signup", "create_page", "edit_page", "share_page|comment|invite_member", "upgrade"];

    /// <summary>Runs every analysis on <paramref name="table"/>, the stored form of data generated from <paramref name="truth"/>.</summary>
    public static ReportInputs Run(EventTable table, ScenarioTruth truth)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(truth);
        var scenario = truth.Scenario;
        var config = SextantConfig.Default;
        var funnelQuery = new FunnelQuery(FunnelSteps.Select(FunnelStep.Parse).ToList(), TimeSpan.FromDays(30));
        var funnel = FunnelRunner.Run(table, funnelQuery with { Breakdown = ReportAnalyses.SegmentAttribute });
        var channelFunnel = FunnelRunner.Run(table, funnelQuery with { Breakdown = ReportAnalyses.ChannelAttribute });
        var lifecycle = LifecycleFunnelRunner.Run(table, new LifecycleFunnelQuery { Breakdown = ReportAnalyses.SegmentAttribute });
        var retention = RetentionRunner.Run(table, new RetentionQuery());
        var revenue = RevenueRunner.Run(table, new RevenueQuery());
        var paths = PathRunner.Run(table, new PathQuery { Converted = "upgrade" });
        var health = HealthRunner.Run(table, new HealthQuery());
        var impacts = truth.FeatureEffects.Select(e => ImpactRunner.Run(table,
            new ImpactQuery(e.Feature, e.PaidEffect != 0 ? ImpactOutcome.Upgrade : ImpactOutcome.Retention))).ToList();
        var experiments = scenario.Experiments.Select(e => ExperimentRunner.Run(table, new ExperimentQuery(e.Name,
            [MetricSpec.Parse(e.Goal == "activated" ? "conversion:edit_page:within=7d" : "count:" + e.Goal)],
            Guardrails: e.Guardrail is null ? null : [new Guardrail(MetricSpec.Parse(e.Guardrail), 0.02)], Segments: ["platform"]))).ToList();
        var metrics = EngagementRunner.Run(table, EngagementQuery.FromConfig(config) with
        {
            Features = Features,
            Breakdown = ReportAnalyses.SegmentAttribute,
        });
        var growth = GrowthModel.Run(GrowthBaseline.Measure(table, metrics, retention, revenue, config.Business.Mau),
            GrowthLever.Defaults, config.Business.Growth);
        return new ReportInputs("Notion-like demo workspace", metrics, funnel, channelFunnel, lifecycle, retention, revenue, experiments, growth, paths, health, impacts);
    }
}
