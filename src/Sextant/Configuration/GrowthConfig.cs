using System.Collections.ObjectModel;

namespace Sextant.Configuration;

/// <summary>A growth lever (an item of <c>growth.levers</c>).</summary>
public sealed record GrowthLeverConfig
{
    /// <summary>Allowed values of <see cref="Moves"/>.</summary>
    public static readonly IReadOnlyList<string> Rates = ["activation", "collaboration", "search_signups", "mobile_retention", "team_paid_conversion"];

    /// <summary>Lever name (key <c>name</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The measured rate it moves (key <c>moves</c>, one of <see cref="Rates"/>).</summary>
    public required string Moves { get; init; }

    /// <summary>Relative uplift low, likely, high (key <c>uplift</c>, three numbers in order).</summary>
    public required IReadOnlyList<double> Uplift { get; init; }

    /// <summary>Probability 0–1 that it works (key <c>confidence</c>, default 0.5).</summary>
    public double Confidence { get; init; } = 0.5;

    /// <summary>Person-months (key <c>effort_months</c>, default 3).</summary>
    public double EffortMonths { get; init; } = 3;

    /// <summary>Months to the full effect (key <c>ramp_up_months</c>, default 3).</summary>
    public double RampUpMonths { get; init; } = 3;

    /// <summary>
    /// The profile values a lever that moves a rate of some users reaches, under the key its rate
    /// reads (<see cref="DimensionKey"/>): acquisition channels for <c>search_signups</c>,
    /// platforms for <c>mobile_retention</c>, segments for <c>team_paid_conversion</c>. Empty
    /// means none was given: no product's values are assumed, and the lever reaches nobody.
    /// </summary>
    public IReadOnlyList<string> Values { get; init; } = ReadOnlyCollection<string>.Empty;

    /// <summary>The lever key naming the values of a rate and the profile attribute they are read from, or null for a rate of all users.</summary>
    public static (string Key, string Attribute)? DimensionKey(string moves) => moves switch
    {
        "search_signups" => ("channels", "channel"),
        "mobile_retention" => ("platforms", "platform"),
        "team_paid_conversion" => ("segments", "segment"),
        _ => null,
    };
}

/// <summary>Growth modelling (key <c>growth</c>).</summary>
public sealed record GrowthConfig
{
    /// <summary>The levers (key <c>growth.levers</c>); empty (the default) means nothing to model: <c>sextant growth</c> asks for them.</summary>
    public IReadOnlyList<GrowthLeverConfig> Levers { get; init; } = ReadOnlyCollection<GrowthLeverConfig>.Empty;
}

/// <summary>User health (key <c>health</c>); weights only matter relative to each other.</summary>
public sealed record HealthConfig
{
    /// <summary>Weight of recency (key <c>health.weights.recency</c>, default 0.25).</summary>
    public double RecencyWeight { get; init; } = 0.25;

    /// <summary>Weight of frequency (default 0.20).</summary>
    public double FrequencyWeight { get; init; } = 0.20;

    /// <summary>Weight of breadth (default 0.15).</summary>
    public double BreadthWeight { get; init; } = 0.15;

    /// <summary>Weight of collaboration (default 0.15).</summary>
    public double CollaborationWeight { get; init; } = 0.15;

    /// <summary>Weight of trend (default 0.05).</summary>
    public double TrendWeight { get; init; } = 0.05;

    /// <summary>Weight of tenure (default 0.20).</summary>
    public double TenureWeight { get; init; } = 0.20;

    /// <summary>Scores below this are at risk (key <c>health.at_risk_below</c>, default 40).</summary>
    public double AtRiskBelow { get; init; } = 40;

    /// <summary>Plans that can expand (key <c>health.expansion.plans</c>); none by default, so no user is expansion-ready until they are named.</summary>
    public IReadOnlyList<string> ExpansionPlans { get; init; } = ReadOnlyCollection<string>.Empty;

    /// <summary>Distinct features in the last 30 days for expansion (key <c>health.expansion.min_features</c>, default 4).</summary>
    public int ExpansionMinFeatures { get; init; } = 4;

    /// <summary>Active days in the last 30 for expansion (key <c>health.expansion.min_active_days</c>, default 20).</summary>
    public int ExpansionMinActiveDays { get; init; } = 20;

    /// <summary>
    /// Where the expansion rule reads a user's plan (key <c>health.expansion.plan_from</c>): <c>profile</c> (the default, the
    /// profile's plan) or <c>subscriptions</c> (the plan of the subscription live at the data end; the profile's only for users
    /// with no subscription at all).
    /// </summary>
    public Sextant.Analysis.Health.PlanSource ExpansionPlanFrom { get; init; } = Sextant.Analysis.Health.PlanSource.Profile;
}
