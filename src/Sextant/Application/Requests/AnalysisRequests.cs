namespace Sextant.Application.Requests;

/// <summary>Every analysis a query document can name (<c>"analysis": "funnel"</c>), by name.</summary>
public static class AnalysisRequests
{
    /// <summary>The funnel and the lifecycle funnel.</summary>
    public static FunnelRequest Funnel { get; } = new();

    /// <summary>Engagement metrics, or only their North Star.</summary>
    public static MetricsRequest Metrics { get; } = new();

    /// <summary>Cohort retention.</summary>
    public static RetentionRequest Retention { get; } = new();

    /// <summary>The growth levers.</summary>
    public static GrowthRequest Growth { get; } = new();

    /// <summary>Revenue, ARPU / ARPPU and LTV.</summary>
    public static RevenueRequest Revenue { get; } = new();

    /// <summary>The sizes of the saved cohorts.</summary>
    public static CohortsRequest Cohorts { get; } = new();

    /// <summary>What the store holds.</summary>
    public static InfoRequest Info { get; } = new();

    /// <summary>An A/B/n experiment.</summary>
    public static ExperimentRequest Experiment { get; } = new();

    /// <summary>User journeys.</summary>
    public static PathsRequest Paths { get; } = new();

    /// <summary>A feature's impact on an outcome.</summary>
    public static ImpactRequest Impact { get; } = new();

    /// <summary>User health scores.</summary>
    public static HealthRequest Health { get; } = new();

    /// <summary>Revenue by channel.</summary>
    public static AttributionRequest Attribution { get; } = new();

    /// <summary>The cohort marts.</summary>
    public static MartsRequest Marts { get; } = new();

    /// <summary>Sample size or minimum detectable effect.</summary>
    public static PowerRequest Power { get; } = new();

    /// <summary>All of them, in the order docs/SERVER.md lists them.</summary>
    public static IReadOnlyList<IAnalysisRequest> All { get; } =
    [
        Funnel,
        // Metrics, retention, growth, revenue, cohorts and store facts.
        Metrics, Retention, Growth, Revenue, Cohorts, Info,
        // Experiments, paths, impact, health, attribution and power.
        Experiment, Paths, Impact, Health, Attribution, Power,
        // The cohort marts.
        Marts,
    ];

    /// <summary>The analysis of that name.</summary>
    /// <exception cref="SextantException">No analysis has the name; the message lists them.</exception>
    public static IAnalysisRequest Named(string name) =>
        All.FirstOrDefault(r => r.Name == name)
        ?? throw RequestParameters.Invalid("analysis", $"no analysis named '{name}' (analyses: {string.Join(", ", All.Select(r => r.Name))})");
}
