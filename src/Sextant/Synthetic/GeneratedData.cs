using System.Text.Json.Serialization;
using Sextant.Events;

namespace Sextant.Synthetic;

/// <summary>Everything a scenario generated, in canonical records, plus the planted truth.</summary>
/// <param name="Users">User profiles.</param>
/// <param name="Events">Events, grouped by user (visitors last) and in time order within each.</param>
/// <param name="Subscriptions">Subscriptions of users who paid.</param>
/// <param name="Assignments">Experiment assignments (first exposure at sign-up).</param>
/// <param name="Truth">The parameters the data were drawn from, and what each user was dealt.</param>
public sealed record GeneratedData(
    IReadOnlyList<UserProfile> Users,
    IReadOnlyList<EventRecord> Events,
    IReadOnlyList<Subscription> Subscriptions,
    IReadOnlyList<Assignment> Assignments,
    ScenarioTruth Truth);

/// <summary>What was planted, for tests and for checking what analyses recover.</summary>
/// <param name="Scenario">The scenario's parameters.</param>
/// <param name="ActivatedUsers">Users dealt activation within 7 days.</param>
/// <param name="FastActivators">Activated users dealt activation within 24 hours.</param>
/// <param name="PaidUsers">Users dealt a paid subscription.</param>
/// <param name="Visitors">Anonymous visitors who never signed up.</param>
/// <param name="ActivationByExperimentArm">Activation rate per experiment and arm, as dealt.</param>
/// <param name="FeatureEffects">The true average effect of each early-adopted feature on its adopters.</param>
/// <param name="Anomalies">Drops and spikes planted by <c>generate --anomalies</c> (<see cref="AnomalyPlanter"/>); null, and left out of truth.json, without it.</param>
public sealed record ScenarioTruth(
    NotionScenario Scenario,
    int ActivatedUsers,
    int FastActivators,
    int PaidUsers,
    int Visitors,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> ActivationByExperimentArm,
    IReadOnlyList<FeatureEffectTruth> FeatureEffects,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<PlantedAnomaly>? Anomalies = null);

/// <summary>
/// The true effect of adopting a feature in the first 7 days, averaged over its adopters (the
/// effect on the treated): each adopter's probability with the feature minus without it.
/// </summary>
/// <param name="Feature">Event name.</param>
/// <param name="Adopters">Users who adopted it early.</param>
/// <param name="MonthlySurvivalEffect">Average change in the probability of surviving each month.</param>
/// <param name="PaidEffect">Average change in the probability of paying.</param>
public sealed record FeatureEffectTruth(string Feature, int Adopters, double MonthlySurvivalEffect, double PaidEffect);
