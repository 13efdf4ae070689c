using Sextant.Analysis.Growth;
using Sextant.Analysis.Impact;
using Sextant.Configuration;
using Sextant.Events;
using Sextant.Reports;

namespace Sextant.Synthetic;

/// <summary>
/// Every analysis of a generated scenario: the settings a user of the scenario's product would
/// write in sextant.yaml (its features, funnel and experiments with their goals and guardrails),
/// run by <see cref="ReportAnalyses"/>, plus the planted feature effects. <c>sextant demo</c> and
/// the report tests both use it, so the demo's dashboards are the tested ones.
/// </summary>
public static class ScenarioAnalyses
{
    /// <summary>The scenario's product features (sign-up, page views and experiment exposures are not features).</summary>
    public static readonly IReadOnlyList<string> Features =
        ["create_page", "edit_page", "view_page", "search", "use_template", "create_database", "connect_integration", "share_page", "comment", "invite_member", "export_page"];

    /// <summary>The scenario's five-step funnel: sign-up, create, edit, collaborate, upgrade.</summary>
    public static readonly IReadOnlyList<string> FunnelSteps = ["signup", "create_page", "edit_page", "share_page|comment|invite_member", "upgrade"];

    /// <summary>Monthly active users of the scenario's whole product (its business.mau).</summary>
    public const double BusinessMau = 10_000_000;

    /// <summary>The product's name in report titles.</summary>
    public const string Product = "Notion-like demo workspace";

    /// <summary>The settings that describe the scenario's product: features, the five-step funnel within 30 days, and each experiment's goal and guardrail.</summary>
    public static SextantConfig Config(ScenarioTruth truth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        return SextantConfig.Default with
        {
            Features = Features,
            // The scenario's product names its activation criteria, North Star and upgrade event like any project would.
            Activation = new ActivationConfig { Events = ActivationConfig.DefaultEvents },
            NorthStar = new NorthStarConfig { CollaborationEvents = NorthStarConfig.DefaultCollaborationEvents },
            Milestones = new MilestonesConfig { MonetizationEvents = MilestonesConfig.DemoMonetizationEvents },
            // The scenario's product has 10 million monthly active users; its sample is scaled to them.
            Business = new BusinessConfig { Mau = BusinessMau },
            Growth = new GrowthConfig { Levers = GrowthLever.Defaults.Select(l => l.ToConfig()).ToList() },
            Funnels = [new FunnelConfig { Name = "collaboration_to_paid", Steps = FunnelSteps, Window = TimeSpan.FromDays(30) }],
            Experiments = truth.Scenario.Experiments.Select(e => new ExperimentConfig
            {
                Name = e.Name,
                Metrics = [e.Goal == "activated" ? "conversion:edit_page:within=7d" : "count:" + e.Goal],
                Guardrails = e.Guardrail is null ? [] : [new GuardrailConfig { Metric = e.Guardrail, Margin = 0.02 }],
                Segments = ["platform"],
            }).ToList(),
        };
    }

    /// <summary>Runs every analysis on <paramref name="table"/>, the stored form of data generated from <paramref name="truth"/>.</summary>
    public static ReportInputs Run(EventTable table, ScenarioTruth truth)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(truth);
        var config = Config(truth);
        var impacts = truth.FeatureEffects.Select(e => ImpactRunner.Run(table,
            new ImpactQuery(e.Feature, e.PaidEffect != 0 ? ImpactOutcome.Upgrade : ImpactOutcome.Retention, BusinessMau: BusinessMau, ActivationEvents: config.Activation.Events))).ToList();
        return ReportAnalyses.Run(table, config, Product) with { Impacts = impacts };
    }
}
