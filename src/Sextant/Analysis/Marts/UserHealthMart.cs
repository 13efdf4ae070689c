using System.Text.Json.Serialization;
using Sextant.Analysis.Health;
using Sextant.Engine;

namespace Sextant.Analysis.Marts;

/// <summary>Health counts of the users on one plan.</summary>
/// <param name="Plan">The plan the expansion rule read, or "(none)" for users without one.</param>
/// <param name="Users">Scored users on it.</param>
/// <param name="AtRisk">Of them, at risk.</param>
/// <param name="ExpansionReady">Of them, expansion-ready: the upsell candidates.</param>
/// <param name="FromSubscriptions">Of them, users whose plan came from their subscriptions (the rest from their profile).</param>
public sealed record PlanHealth(string Plan, long Users, long AtRisk, long ExpansionReady, long FromSubscriptions);

/// <summary>
/// The user health mart (docs/MARTS.md, user_health_mart): the health scores with the expansion rule reading each
/// user's plan from their subscriptions (<see cref="PlanSource.Subscriptions"/>), summed up by plan.
/// </summary>
/// <param name="DataEndDay">The data end's local day, yyyy-MM-dd; the windows end on it.</param>
/// <param name="Users">Scored users.</param>
/// <param name="AtRisk">At-risk users.</param>
/// <param name="ExpansionReady">Expansion-ready users (upsell candidates).</param>
/// <param name="ExpansionPlans">The plans that can expand (health.expansion.plans).</param>
/// <param name="MinFeatures">Distinct features in the last 30 days an upsell candidate needs.</param>
/// <param name="MinActiveDays">Active days in the last 30 an upsell candidate needs.</param>
/// <param name="Plans">Counts per plan, most users first (ties by plan name).</param>
public sealed record UserHealthMart(string DataEndDay, long Users, long AtRisk, long ExpansionReady, IReadOnlyList<string> ExpansionPlans,
    int MinFeatures, int MinActiveDays, IReadOnlyList<PlanHealth> Plans)
{
    /// <summary>One row per scored user (user_health_mart.csv), not in the JSON.</summary>
    [JsonIgnore]
    public IReadOnlyList<UserHealth> Rows { get; init; } = [];

    /// <summary>Notes on the figures (e.g. no expansion plans named), one line each.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The mart of <paramref name="query"/>, its plans read from the subscriptions whatever the query says.</summary>
    /// <exception cref="SextantException">The query is invalid for the data.</exception>
    public static UserHealthMart Run(IAnalysisEngine engine, HealthQuery query)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(query);
        query = query with { ExpansionPlanFrom = PlanSource.Subscriptions, Breakdowns = default };
        return Of(engine.Run(query), query);
    }

    /// <summary>The mart of a health result computed with <paramref name="query"/>.</summary>
    public static UserHealthMart Of(HealthResult health, HealthQuery query)
    {
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(query);
        var plans = health.Users
            .GroupBy(u => u.Plan ?? Breakdowns.NoValue, StringComparer.Ordinal)
            .Select(g => new PlanHealth(g.Key, g.LongCount(), g.LongCount(u => u.AtRisk), g.LongCount(u => u.ExpansionReady), g.LongCount(u => u.PlanFromSubscription)))
            .OrderByDescending(p => p.Users).ThenBy(p => p.Plan, StringComparer.Ordinal).ToList();
        return new UserHealthMart(health.DataEndDay, health.Users.Count, health.AtRisk, health.ExpansionReady, [.. query.ExpansionPlans],
            query.ExpansionMinFeatures, query.ExpansionMinActiveDays, plans)
        { Rows = health.Users, Warnings = health.Warnings };
    }
}
