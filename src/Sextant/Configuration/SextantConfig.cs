using System.Collections.ObjectModel;

namespace Sextant.Configuration;

/// <summary>
/// The settings of one Sextant project, as read from <c>sextant.yaml</c> by
/// <see cref="ConfigLoader"/>. Every setting has a default, so <see cref="Default"/> is a
/// complete configuration; docs/CONFIG.md describes each key.
/// </summary>
public sealed record SextantConfig
{
    /// <summary>Default of <see cref="Store"/>.</summary>
    public const string DefaultStore = "sextant.db";

    /// <summary>Every setting at its default value.</summary>
    public static SextantConfig Default { get; } = new();

    /// <summary>
    /// Project time zone (key <c>timezone</c>, default UTC): where calendar days, ISO weeks
    /// (starting Monday) and months are cut.
    /// </summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>IANA name of <see cref="TimeZone"/>, e.g. <c>Europe/Paris</c> or <c>UTC</c>.</summary>
    public string TimeZoneId => TimeZone.Id;

    /// <summary>
    /// Store path used when a command is not given one (key <c>store</c>, default
    /// <c>sextant.db</c>). A relative path is relative to the current directory.
    /// </summary>
    public string Store { get; init; } = DefaultStore;

    /// <summary>
    /// With a warehouse store, whether analyses run inside the database where they can (key
    /// <c>pushdown</c>, default true). False answers every analysis in memory from the stored rows,
    /// which is faster while the events fit in memory (docs/WAREHOUSE.md, timings).
    /// </summary>
    public bool Pushdown { get; init; } = true;

    /// <summary>How files are imported (key <c>ingest</c>).</summary>
    public IngestConfig Ingest { get; init; } = new();

    /// <summary>The <c>privacy</c> section: pseudonymisation and PII scrubbing at ingest.</summary>
    public PrivacyConfig Privacy { get; init; } = new();

    /// <summary>What makes a user active (key <c>activity</c>).</summary>
    public ActivityConfig Activity { get; init; } = new();

    /// <summary>When a user counts as activated (key <c>activation</c>).</summary>
    public ActivationConfig Activation { get; init; } = new();

    /// <summary>The North Star definition (key <c>north_star</c>).</summary>
    public NorthStarConfig NorthStar { get; init; } = new();

    /// <summary>
    /// Events whose adoption is reported (key <c>features</c>); empty (the default) reports every
    /// active event.
    /// </summary>
    public IReadOnlyList<string> Features { get; init; } = ReadOnlyCollection<string>.Empty;

    /// <summary>Milestones of the lifecycle funnel (key <c>milestones</c>).</summary>
    public MilestonesConfig Milestones { get; init; } = new();

    /// <summary>Named funnels (key <c>funnels</c>).</summary>
    public IReadOnlyList<FunnelConfig> Funnels { get; init; } = ReadOnlyCollection<FunnelConfig>.Empty;

    /// <summary>Saved cohorts (key <c>cohorts</c>), used by <c>--cohort NAME</c> and <c>--breakdown cohort.NAME</c>.</summary>
    public IReadOnlyList<Analysis.Cohort> Cohorts { get; init; } = ReadOnlyCollection<Analysis.Cohort>.Empty;

    /// <summary>Experiment analysis settings (key <c>experiments</c>).</summary>
    public IReadOnlyList<ExperimentConfig> Experiments { get; init; } = ReadOnlyCollection<ExperimentConfig>.Empty;

    /// <summary>Growth modelling (key <c>growth</c>).</summary>
    public GrowthConfig Growth { get; init; } = new();

    /// <summary>User health (key <c>health</c>).</summary>
    public HealthConfig Health { get; init; } = new();

    /// <summary>Data-quality rules for <c>sextant check</c> (key <c>check</c>).</summary>
    public CheckConfig Check { get; init; } = new();

    /// <summary>Business assumptions used to scale sample figures (key <c>business</c>).</summary>
    public BusinessConfig Business { get; init; } = new();

    /// <summary>Data tests declared as code (key <c>tests</c>), run by <c>sextant check</c> after the built-in checks (docs/TESTS.md).</summary>
    public IReadOnlyList<DataTestConfig> Tests { get; init; } = ReadOnlyCollection<DataTestConfig>.Empty;

    /// <summary>Anomaly alerts on daily series (key <c>alerts</c>).</summary>
    public AlertsConfig Alerts { get; init; } = new();
}
