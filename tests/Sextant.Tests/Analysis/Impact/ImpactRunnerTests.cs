using Sextant.Analysis.Impact;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Analysis.Impact;

public sealed class ImpactRunnerTests
{
    /// <summary>
    /// Segment A: 10 of 20 adopt, 80% of adopters and of non-adopters are retained. Segment B: 5 of 20 adopt, 20% of both are retained.
    /// Adoption does nothing, but adopters are mostly A: naive 9/15 − 11/25 = 0.16; within each segment the difference is 0.
    /// </summary>
    private static EventTable Confounded()
    {
        var users = new List<UserProfile>();
        var events = new List<EventRecord>();
        void Add(string id, string segment, bool adopter, bool retained)
        {
            users.Add(User(id, "2026-01-01T09:00:00Z", segment));
            events.Add(At(id, "signup", "2026-01-01T09:00:00Z"));
            events.Add(At(id, adopter ? "x" : "view", "2026-01-02T09:00:00Z"));
            if (retained) events.Add(At(id, "view", "2026-02-10T09:00:00Z"));
        }
        for (var i = 0; i < 20; i++) Add($"a{i}", "A", adopter: i < 10, retained: i % 10 < 8);
        for (var i = 0; i < 20; i++) Add($"b{i}", "B", adopter: i < 5, retained: i is 0 or >= 5 and < 8);
        events.Add(At("a0", "view", "2026-04-01T00:00:00Z"));
        return Load(null, users, [], [.. events]);
    }

    [Fact]
    public void Stratifying_on_the_propensity_removes_the_bias_the_naive_difference_shows()
    {
        var result = new InMemoryEngine(Confounded()).Run(new ImpactQuery("x", ImpactOutcome.Retention, Strata: 2));

        Assert.Equal((40L, 15L), (result.Eligible, result.Adopters));
        Assert.Equal(0.6, result.AdopterMean, 12);
        Assert.Equal(0.44, result.NonAdopterMean, 12);
        Assert.Equal(0.16, result.Naive.Difference, 12);
        Assert.Equal(0, result.Adjusted.Difference, 9);
        Assert.Equal(0, result.AdoptersDropped);
        Assert.Contains("observational association", result.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void The_activation_covariate_comes_from_the_projects_activation_events_only()
    {
        // Given no activation.events, the adjustment has no activation covariate (no create_page / edit_page assumed);
        var without = new InMemoryEngine(Confounded()).Run(new ImpactQuery("x", ImpactOutcome.Retention, Strata: 2));
        // given activation.events [view], it adjusts for doing view within the adoption window.
        var with = new InMemoryEngine(Confounded()).Run(new ImpactQuery("x", ImpactOutcome.Retention, Strata: 2, ActivationEvents: ["view"]));

        Assert.DoesNotContain(without.Covariates, c => c.StartsWith("activated", StringComparison.Ordinal));
        Assert.Contains("activated (view) within the adoption window", with.Covariates);
    }

    [Fact]
    public void One_stratum_gives_the_naive_difference()
    {
        var result = new InMemoryEngine(Confounded()).Run(new ImpactQuery("x", ImpactOutcome.Retention, Strata: 1));

        Assert.Equal(result.Naive.Difference, result.Adjusted.Difference, 12);
    }

    [Fact]
    public void Unknown_features_and_unobserved_users_are_named()
    {
        var table = Load(null, At("u", "x", "2026-01-01T00:00:00Z"));

        Assert.Contains("unknown feature event 'y'", Assert.Throws<SextantException>(() => new InMemoryEngine(table).Run(new ImpactQuery("y"))).Message, StringComparison.Ordinal);
        Assert.Contains("observed for 365 days", Assert.Throws<SextantException>(() => new InMemoryEngine(table).Run(new ImpactQuery("x"))).Message, StringComparison.Ordinal);
    }
}

/// <summary>The generator's planted feature effects, recovered by the adjusted estimate.</summary>
public sealed class ImpactPlantedTruthTests(StoredScenarioFixture fixture) : IClassFixture<StoredScenarioFixture>
{
    [Fact]
    public void The_integration_effect_on_paying_is_recovered_and_the_naive_difference_is_biased()
    {
        var truth = fixture.Scenario.Data.Truth.FeatureEffects.Single(e => e.Feature == "connect_integration").PaidEffect;

        var result = new InMemoryEngine(fixture.Table).Run(new ImpactQuery("connect_integration", ImpactOutcome.Upgrade, ActivationEvents: ["create_page", "edit_page"]));

        Assert.InRange(truth, result.Adjusted.CiLow, result.Adjusted.CiHigh);
        Assert.True(result.Naive.CiLow > truth, $"naive {result.Naive.Difference} should overstate {truth}");
    }

    [Fact]
    public void Templates_planted_no_paying_effect_and_the_adjusted_estimate_finds_none()
    {
        var truth = fixture.Scenario.Data.Truth.FeatureEffects.Single(e => e.Feature == "use_template").PaidEffect;

        var result = new InMemoryEngine(fixture.Table).Run(new ImpactQuery("use_template", ImpactOutcome.Upgrade, ActivationEvents: ["create_page", "edit_page"]));

        Assert.Equal(0, truth);
        Assert.InRange(truth, result.Adjusted.CiLow, result.Adjusted.CiHigh);
        Assert.True(result.Naive.CiLow > 0.1, "segment confounding makes template adopters look far likelier to pay");
    }
}
