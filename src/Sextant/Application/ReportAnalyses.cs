using Sextant.Analysis;
using Sextant.Analysis.Funnels;
using Sextant.Analysis.Growth;
using Sextant.Analysis.Marts;
using Sextant.Analysis.Paths;
using Sextant.Analysis.Syntax;
using Sextant.Configuration;
using Sextant.Configuration.Queries;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using Sextant.Reports;

namespace Sextant.Application;

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
    /// collaboration event and any monetization event, within 30 days, each only when its key
    /// (<c>activation.events</c>, <c>north_star.collaboration_events</c>,
    /// <c>milestones.monetization_events</c>) is set; null when that leaves fewer than 2 steps.
    /// </summary>
    public static FunnelQuery? DefaultFunnel(SextantConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var steps = new[] { "signup", string.Join('|', config.Activation.Events), string.Join('|', config.NorthStar.CollaborationEvents), string.Join('|', config.Milestones.MonetizationEvents) }
            .Where(s => s.Length > 0).ToList();
        return steps.Count < 2 ? null : new FunnelQuery([.. steps.Select(FunnelStepText.Parse)], TimeSpan.FromDays(30));
    }

    /// <summary>
    /// The metric an experiment without settings in sextant.yaml is judged on: day-7 activity
    /// (active on day 7 or later within a week), which every product has.
    /// </summary>
    public const string DefaultExperimentMetric = "active_on_day:7:span=7";

    /// <summary>
    /// The event the paths dashboard looks for after each path: the first of
    /// <c>milestones.monetization_events</c> that the store contains, or null when none is set or stored.
    /// </summary>
    public static string? ConversionEvent(EventTable table, SextantConfig config)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(config);
        return config.Milestones.MonetizationEvents.FirstOrDefault(e => table.EventCode(e) >= 0);
    }

    /// <summary>Runs the analyses on a loaded table; experiments configured in sextant.yaml come first, in its order.</summary>
    /// <remarks>
    /// Independent analyses run two at a time (each also uses every core inside), so one's serial
    /// parts overlap another's; results are awaited in the order below, so a failing analysis
    /// reports the same error it would running alone. The funnel by segment and by channel comes
    /// from one match of every user.
    /// </remarks>
    /// <param name="table">The loaded events.</param>
    /// <param name="config">The settings of sextant.yaml.</param>
    /// <param name="product">The product's name in titles.</param>
    /// <param name="scope">What a live dashboard's controls narrow the analyses to; <see cref="DashboardScope.All"/> when null.</param>
    public static ReportInputs Run(EventTable table, SextantConfig config, string product = "Product", DashboardScope? scope = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(config);
        scope ??= DashboardScope.All;
        var (range, cohort, limit) = (scope.Range, scope.Cohort, scope.BreakdownLimit);
        ValueList<Breakdown> compareBy = scope.Breakdowns.Count > 0 ? scope.Breakdowns : [Breakdown.Profile(SegmentAttribute)];
        var engine = new InMemoryEngine(table);
        // Parts whose definition sextant.yaml does not give are skipped with a note naming the key,
        // never filled in with another product's events.
        var notes = new List<string>();
        var funnelQuery = scope.Funnel ?? (config.Funnels.Count > 0 ? FunnelQueries.FromConfig(config.Funnels[0]) : DefaultFunnel(config));
        if (funnelQuery is null) notes.Add(NoFunnelNote);
        else funnelQuery = funnelQuery with { Range = range, Cohort = cohort, BreakdownLimit = limit };
        var lifecycleQuery = FunnelQueries.Lifecycle(config) with { Range = range, Cohort = cohort, Breakdowns = compareBy, BreakdownLimit = limit };
        if (config.Activation.Events.Count == 0) notes.Add(NoLifecycleNote);
        // Paths before conversion only where sextant.yaml names a monetization event the data have.
        var conversion = ConversionEvent(table, config);
        if (config.Milestones.MonetizationEvents.Count == 0) notes.Add(NoConversionNote);
        // Experiments configured in sextant.yaml come first, in its order; the others by name.
        var assigned = table.Assignments.ExperimentNames;
        var names = config.Experiments.Select(e => e.Name).Where(assigned.Contains)
            .Concat(assigned.Where(name => config.Experiments.All(e => e.Name != name)).Order(StringComparer.Ordinal)).ToList();

        // Not disposed: it holds no wait handle, and analyses still running after one failed must still release it.
        var slots = new SemaphoreSlim(AnalysesAtOnce);
        var metricsTask = Start(slots, () => engine.Run(EngagementQueries.FromConfig(config) with { Range = range, Cohort = cohort, Breakdowns = compareBy, BreakdownLimit = limit }));
        var pathsTask = Start(slots, () => engine.Run(new PathQuery { Converted = conversion, Range = range, Cohort = cohort }));
        var funnelsTask = Start(slots, () => funnelQuery is null ? [EmptyFunnel, EmptyFunnel] : FunnelsBy(table, funnelQuery, compareBy, [Breakdown.Profile(ChannelAttribute)]));
        var healthTask = Start(slots, () => engine.Run(HealthQueries.FromConfig(config) with { Range = range, Cohort = cohort }));
        var retentionTask = Start(slots, () => engine.Run(RetentionQueries.FromConfig(config) with { Range = range, Cohort = cohort, Period = scope.RetentionPeriod ?? CalendarPeriod.Month }));
        var revenueTask = Start(slots, () => engine.Run(RevenueQueries.FromConfig(config) with { Range = range, Cohort = cohort }));
        var lifecycleTask = Start(slots, () => config.Activation.Events.Count == 0
            ? new LifecycleFunnelResult(null, Math.Max(config.Milestones.EngagementWithinDays, 7 * config.Milestones.HabitWithinWeeks), [], null, 0, 0, 0, [])
            : engine.Run(lifecycleQuery));
        var martsTask = Start(slots, () => Marts.Run(engine, table.Calendar, new MartsQuery(funnelQuery,
            new CohortEngagementQuery(range, ValueList.From(config.Activity.ExcludeEvents), ValueList.From(config.Features), cohort),
            HealthQueries.FromConfig(config) with { Range = range, Cohort = cohort })));
        var experimentsTask = Start(slots, () => names.Select(name =>
        {
            var query = ExperimentQueries.FromConfig(config, name) with { Range = range, Cohort = cohort };
            if (query.Metrics.Count == 0) query = query with { Metrics = [MetricSpecText.Parse(DefaultExperimentMetric)] };
            return engine.Run(query) with { Warnings = NameCheck.ExperimentWarnings(table, query) };
        }).ToList());

        // Awaited in the order the analyses ran in one after another.
        var funnels = funnelsTask.GetAwaiter().GetResult();
        var (funnel, channelFunnel) = (funnels[0], funnels[1]);
        var lifecycle = lifecycleTask.GetAwaiter().GetResult();
        var retention = retentionTask.GetAwaiter().GetResult();
        var revenue = revenueTask.GetAwaiter().GetResult();
        var metrics = metricsTask.GetAwaiter().GetResult();
        var paths = pathsTask.GetAwaiter().GetResult();
        var health = healthTask.GetAwaiter().GetResult();
        var growthQuery = GrowthQueries.FromConfig(config);
        // Growth's baselines are the engagement, retention and revenue results above, not measured twice.
        var growth = GrowthShaper.Shape(growthQuery, GrowthMeasurer.From(table, metrics, retention, revenue)) with { Warnings = GrowthQueries.ConfigWarnings(table, growthQuery.Levers) };
        var marts = martsTask.GetAwaiter().GetResult();
        var experiments = experimentsTask.GetAwaiter().GetResult();
        // Names from sextant.yaml missing from the store are listed, never a silent 0.
        var warnings = NameCheck.ConfigWarnings(table, config).Concat(notes)
            .Concat(config.Funnels.Count > 0 ? NameCheck.FunnelWarnings(table, funnelQuery!, $"funnels.{config.Funnels[0].Name}") : [])
            .Concat(growth.Warnings).Concat(health.Warnings).Concat(experiments.SelectMany(e => e.Warnings)).ToList();
        return new ReportInputs(product, metrics, funnel, channelFunnel, lifecycle, retention, revenue, experiments, growth, paths, health, []) { Warnings = warnings, Marts = marts };
    }

    /// <summary>Analyses that run at once: two, on the machines this is built for, each using both cores inside.</summary>
    private const int AnalysesAtOnce = 2;

    /// <summary>Runs an analysis on the thread pool once a slot is free (waiting without holding a thread).</summary>
    private static Task<T> Start<T>(SemaphoreSlim slots, Func<T> analysis) => Task.Run(async () =>
    {
        await slots.WaitAsync().ConfigureAwait(false);
        try
        {
            return analysis();
        }
        finally
        {
            slots.Release();
        }
    });

    /// <summary>The funnel by each set of breakdowns, from one match of every user.</summary>
    private static FunnelResult[] FunnelsBy(EventTable table, FunnelQuery query, params ValueList<Breakdown>[] breakdowns)
    {
        var measures = FunnelMeasurer.MeasureEach(table, query, breakdowns);
        return [.. breakdowns.Select((b, i) => FunnelShaper.Shape(query with { Breakdowns = b }, measures[i]))];
    }

    /// <summary>The note of a report whose sextant.yaml gives too little for a product funnel.</summary>
    public const string NoFunnelNote = "the product funnel is skipped: sextant.yaml names no funnels and too few of activation.events, north_star.collaboration_events and milestones.monetization_events to build one";

    /// <summary>The note of a report whose sextant.yaml has no activation events.</summary>
    public const string NoLifecycleNote = "the lifecycle funnel is skipped: set activation.events in sextant.yaml (the events that activate a user)";

    /// <summary>The note of a report whose sextant.yaml has no monetization events.</summary>
    public const string NoConversionNote = "paths show no conversion: set milestones.monetization_events in sextant.yaml (the events of a paying user)";

    private static readonly FunnelResult EmptyFunnel = new(FunnelOrder.Ordered, 0, [], [], 0, null);
}
