using Sextant.Analysis;
using Sextant.Analysis.Engagement;
using Sextant.Analysis.Experiments;
using Sextant.Analysis.Funnels;
using Sextant.Analysis.Growth;
using Sextant.Analysis.Health;
using Sextant.Analysis.Paths;
using Sextant.Analysis.Retention;
using Sextant.Analysis.Revenue;
using Sextant.Configuration;
using Sextant.Events;

namespace Sextant.Reports;

/// <summary>
/// Runs every analysis a report shows, with the settings of <c>sextant.yaml</c>, so that
/// <c>sextant report</c> works on any store. <c>sextant demo</c> runs the same with the
/// scenario's settings, which it writes as the sextant.yaml beside its store, so a report on
/// that store shows the same funnel and verdicts (it adds only the planted feature impacts).
/// </summary>
public static class ReportAnalyses
{
    /// <summary>The breakdown every dashboard compares segments by.</summary>
    public const string SegmentAttribute = "segment";

    /// <summary>The breakdown channel comparisons use.</summary>
    public const string ChannelAttribute = "channel";

    /// <summary>
    /// The funnel shown when sextant.yaml names none: sign-up, any activation event, any
    /// collaboration event, upgrade, within 30 days.
    /// </summary>
    public static FunnelQuery DefaultFunnel(SextantConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var steps = new[] { "signup", string.Join('|', config.Activation.Events), string.Join('|', config.NorthStar.CollaborationEvents), "upgrade" }.Where(s => s.Length > 0);
        return new FunnelQuery(steps.Select(FunnelStep.Parse).ToList(), TimeSpan.FromDays(30));
    }

    /// <summary>
    /// The metric an experiment without settings in sextant.yaml is judged on: day-7 activity
    /// (active on day 7 or later within a week), which every product has.
    /// </summary>
    public const string DefaultExperimentMetric = "active_on_day:7:span=7";

    /// <summary>The event the paths dashboard looks for after each path.</summary>
    public const string ConversionEvent = "upgrade";

    /// <summary>Runs the analyses on a loaded table; experiments configured in sextant.yaml come first, in its order.</summary>
    public static ReportInputs Run(EventTable table, SextantConfig config, string product = "Product")
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(config);
        var exclude = config.Activity.ExcludeEvents;
        var funnelQuery = config.Funnels.Count > 0 ? FunnelQuery.FromConfig(config.Funnels[0]) : DefaultFunnel(config);
        var funnel = FunnelRunner.Run(table, funnelQuery with { Breakdown = SegmentAttribute });
        var channelFunnel = FunnelRunner.Run(table, funnelQuery with { Breakdown = ChannelAttribute });
        var lifecycle = LifecycleFunnelRunner.Run(table, LifecycleFunnelQuery.FromConfig(config) with { Breakdown = SegmentAttribute });
        var retention = RetentionRunner.Run(table, new RetentionQuery(ExcludeEvents: exclude));
        var revenue = RevenueRunner.Run(table, new RevenueQuery(exclude));
        var metrics = EngagementRunner.Run(table, EngagementQuery.FromConfig(config) with { Breakdown = SegmentAttribute });
        // Paths before conversion only where the data have the conversion event.
        var paths = PathRunner.Run(table, new PathQuery { Converted = table.EventNames.Contains(ConversionEvent) ? ConversionEvent : null });
        var health = HealthRunner.Run(table, HealthQuery.FromConfig(config));
        var growth = GrowthModel.Run(GrowthBaseline.Measure(table, metrics, retention, revenue, config.Business.Mau),
            GrowthLever.FromConfig(config.Growth), config.Business.Growth);
        // Experiments configured in sextant.yaml come first, in its order; the others by name.
        var assigned = table.Assignments.ExperimentNames;
        var names = config.Experiments.Select(e => e.Name).Where(assigned.Contains)
            .Concat(assigned.Where(name => config.Experiments.All(e => e.Name != name)).Order(StringComparer.Ordinal));
        var experiments = names.Select(name =>
        {
            var query = ExperimentQuery.FromConfig(config, name);
            if (query.Metrics.Count == 0) query = query with { Metrics = [MetricSpec.Parse(DefaultExperimentMetric)] };
            return ExperimentRunner.Run(table, query) with { Warnings = NameCheck.ExperimentWarnings(table, query) };
        }).ToList();
        // Names from sextant.yaml missing from the store are listed, never a silent 0.
        var warnings = NameCheck.ConfigWarnings(table, config)
            .Concat(config.Funnels.Count > 0 ? NameCheck.FunnelWarnings(table, funnelQuery, $"funnels.{config.Funnels[0].Name}") : [])
            .Concat(experiments.SelectMany(e => e.Warnings)).ToList();
        return new ReportInputs(product, metrics, funnel, channelFunnel, lifecycle, retention, revenue, experiments, growth, paths, health, []) { Warnings = warnings };
    }
}
