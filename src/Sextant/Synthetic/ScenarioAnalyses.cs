using System.Globalization;
using System.Text;
using Sextant.Analysis;
using Sextant.Analysis.Growth;
using Sextant.Analysis.Impact;
using Sextant.Application;
using Sextant.Configuration;
using Sextant.Configuration.Queries;
using Sextant.Engine;
using Sextant.Engine.InMemory;
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

    /// <summary>The file name the settings are written under, beside a generated store.</summary>
    public const string SettingsFileName = ConfigLoader.DefaultFileName;

    /// <summary>
    /// The settings that describe the scenario's product: activation, North Star and upgrade events,
    /// features, growth levers, business size, the five-step funnel within 30 days, and each
    /// experiment's goal and guardrail. They are <see cref="SettingsYaml"/> read back,
    /// so the file <c>sextant demo</c> and <c>sextant generate --store</c> write beside the store
    /// is exactly what the demo's own analyses used.
    /// </summary>
    public static SextantConfig Config(ScenarioTruth truth) => ConfigLoader.Parse(SettingsYaml(truth), SettingsFileName);

    /// <summary>The scenario's settings as the text of a <c>sextant.yaml</c> (no paths in it, so it means the same wherever it lies).</summary>
    public static string SettingsYaml(ScenarioTruth truth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        static string List(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(Quote)) + "]";
        static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
        var yaml = new StringBuilder();
        yaml.AppendLine("# Settings of the generated scenario's product, written by sextant demo / generate --store.");
        yaml.AppendLine("# Commands given --store of the store beside this file read it when the current directory has no sextant.yaml.");
        // The scenario's product names its activation criteria, North Star, upgrade event, levers and size like any project would.
        yaml.AppendLine(CultureInfo.InvariantCulture, $"activation:\n  events: {List(ActivationConfig.DefaultEvents)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"north_star:\n  collaboration_events: {List(NorthStarConfig.DefaultCollaborationEvents)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"milestones:\n  monetization_events: {List(MilestonesConfig.DemoMonetizationEvents)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"features: {List(Features)}");
        yaml.AppendLine("growth:");
        yaml.AppendLine("  levers:");
        foreach (var lever in GrowthLever.Defaults.Select(GrowthQueries.ToConfig))
            yaml.AppendLine(CultureInfo.InvariantCulture,
                $"    - {{name: {Quote(lever.Name)}, moves: {lever.Moves}, uplift: [{string.Join(", ", lever.Uplift.Select(Number))}], confidence: {Number(lever.Confidence)}, effort_months: {Number(lever.EffortMonths)}, ramp_up_months: {Number(lever.RampUpMonths)}{(GrowthLeverConfig.DimensionKey(lever.Moves) is { } dimension ? $", {dimension.Key}: {List(lever.Values)}" : "")}}}");
        yaml.AppendLine("health:\n  expansion:\n    plans: [\"free\", \"plus\"]");
        yaml.AppendLine("# The product has 10 million monthly active users; the 50,000-user sample is extrapolated to them, labelled as such.");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"business:\n  mau: {Number(BusinessMau)}");
        yaml.AppendLine("# Saved cohorts: --cohort NAME, --breakdown cohort.NAME, sextant cohorts.");
        yaml.AppendLine("cohorts:");
        yaml.AppendLine("  - {name: creators, did: create_page, at_least: 3, within: 7d}");
        yaml.AppendLine("  - {name: teams, property: segment, in: [\"small_team\", \"enterprise\"]}");
        yaml.AppendLine("funnels:");
        yaml.AppendLine("  - name: collaboration_to_paid");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"    steps: {List(FunnelSteps)}");
        yaml.AppendLine("    window: 30d");
        yaml.AppendLine(truth.Scenario.Experiments.Count == 0 ? "experiments: []" : "experiments:");
        foreach (var e in truth.Scenario.Experiments)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  - name: {Quote(e.Name)}");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"    metrics: {List([e.Goal == "activated" ? "conversion:edit_page:within=7d" : "count:" + e.Goal])}");
            yaml.AppendLine(e.Guardrail is null ? "    guardrails: []" : $"    guardrails: [{{metric: {Quote(e.Guardrail)}, margin: 0.02}}]");
            yaml.AppendLine("    segments: [platform]");
        }
        return yaml.ToString();
    }

    /// <summary>Runs every analysis on <paramref name="table"/>, the stored form of data generated from <paramref name="truth"/>.</summary>
    public static ReportInputs Run(EventTable table, ScenarioTruth truth)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(truth);
        var config = Config(truth);
        var engine = new InMemoryEngine(table);
        var impacts = truth.FeatureEffects.Select(e => engine.Run(
            new ImpactQuery(e.Feature, e.PaidEffect != 0 ? ImpactOutcome.Upgrade : ImpactOutcome.Retention, BusinessMau: BusinessMau, ActivationEvents: ValueList.From(config.Activation.Events)))).ToList();
        return ReportAnalyses.Run(table, config, Product) with { Impacts = impacts };
    }
}
