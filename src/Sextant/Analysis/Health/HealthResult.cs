namespace Sextant.Analysis.Health;

/// <summary>One user's health as of the data end. Components are in [0, 1]; see <see cref="HealthShaper"/> for the formulas.</summary>
/// <param name="UserKey">The user's user_id.</param>
/// <param name="Score">100 × Σ weight × component / Σ weights, in [0, 100].</param>
/// <param name="Recency">exp(−days since the last active day / τ).</param>
/// <param name="Frequency">min(1, active days in the last 30 / target days).</param>
/// <param name="Breadth">min(1, distinct active events in the last 30 days / target features).</param>
/// <param name="Collaboration">1, 0.5 or 0: collaboration in the last 30 days, in the 30 before, or neither.</param>
/// <param name="Trend">0.5 + (active days in the last 14 − active days in the 14 before) / 28.</param>
/// <param name="Tenure">min(1, days since the sign-up day / tenure target days); 0.5 when the sign-up is unknown.</param>
/// <param name="ActiveDaysLast30">Active calendar days among the last 30.</param>
/// <param name="Features">Distinct active event names in the last 30 days.</param>
/// <param name="DaysSinceActive">Calendar days from the last active day to the data end's day (0 = active on it).</param>
/// <param name="Segment">Profile segment, or null.</param>
/// <param name="Plan">The plan the expansion rule read: the profile's, or with plans from subscriptions the live subscription's; null when none.</param>
/// <param name="AtRisk">Score strictly below the at-risk threshold.</param>
/// <param name="ExpansionReady">Plan is one that can expand, and both the feature and active-day minimums are met.</param>
/// <param name="PlanFromSubscription">True when <paramref name="Plan"/> came from the user's subscriptions, false when from the profile.</param>
public readonly record struct UserHealth(
    string UserKey,
    double Score,
    double Recency,
    double Frequency,
    double Breadth,
    double Collaboration,
    double Trend, double Tenure,
    int ActiveDaysLast30,
    int Features,
    int DaysSinceActive,
    string? Segment,
    string? Plan,
    bool AtRisk,
    bool ExpansionReady,
    bool PlanFromSubscription = false);

/// <summary>Health counts for one segment.</summary>
/// <param name="Segment">The segment, or "(none)" for users without one.</param>
/// <param name="Users">Scored users in the segment.</param>
/// <param name="AtRisk">Of them, at risk.</param>
/// <param name="ExpansionReady">Of them, expansion-ready.</param>
/// <param name="MeanScore">Their mean score (0 when there are none).</param>
public sealed record SegmentHealth(string Segment, long Users, long AtRisk, long ExpansionReady, double MeanScore);

/// <summary>Health counts for one breakdown group.</summary>
/// <param name="Value">The group's label: its values joined by " / ", "(none)" for no value, or "Other".</param>
/// <param name="Values">The group's value per breakdown, in breakdown order; empty for Other.</param>
/// <param name="Users">Scored users in the group.</param>
/// <param name="AtRisk">Of them, at risk.</param>
/// <param name="ExpansionReady">Of them, expansion-ready.</param>
/// <param name="MeanScore">Their mean score (0 when there are none).</param>
public sealed record HealthGroup(string Value, IReadOnlyList<string> Values, long Users, long AtRisk, long ExpansionReady, double MeanScore);

/// <summary>User health scores as of a data end.</summary>
/// <param name="DataEnd">The data end (UTC µs); events after it were ignored.</param>
/// <param name="DataEndDay">The data end's local calendar day, yyyy-MM-dd; the windows end on it.</param>
/// <param name="Population">Who was scored, in words.</param>
/// <param name="Users">One row per scored user, in user order.</param>
/// <param name="Segments">Counts per segment, most users first; their users add up to <see cref="Users"/>' count.</param>
/// <param name="Deciles">The 10th, 20th, …, 90th percentiles of the score (linear interpolation between order statistics); empty when nobody was scored.</param>
/// <param name="Histogram">Users per 10-point score band: [0, 10), [10, 20), …, [90, 100] (the last band includes 100).</param>
/// <param name="MeanScore">Mean score over the scored users (0 when none).</param>
/// <param name="AtRisk">At-risk users.</param>
/// <param name="ExpansionReady">Expansion-ready users.</param>
public sealed record HealthResult(
    long DataEnd,
    string DataEndDay,
    string Population,
    IReadOnlyList<UserHealth> Users,
    IReadOnlyList<SegmentHealth> Segments,
    IReadOnlyList<double> Deciles,
    IReadOnlyList<long> Histogram,
    double MeanScore,
    long AtRisk,
    long ExpansionReady)
{
    /// <summary>
    /// Names from sextant.yaml that the store does not contain, one line each; the figures that
    /// depend on them count 0. Empty when every name is stored or nothing came from sextant.yaml.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// Counts per breakdown group, most scored users first, the groups beyond the limit merged
    /// into Other last; empty without a breakdown.
    /// </summary>
    public IReadOnlyList<HealthGroup> Groups { get; init; } = [];
}
