using Sextant.Configuration;

namespace Sextant.Tests.Configuration;

/// <summary>The analysis sections of sextant.yaml: activation, north_star, features, milestones, funnels.</summary>
public sealed class AnalysisConfigTests
{
    [Fact]
    public void Analysis_sections_are_read()
    {
        var config = ConfigLoader.Parse("""
            activation: {events: [create_page], match: any, window_days: 14}
            north_star: {min_members: 3, collaboration_events: [comment]}
            features: [use_template, search]
            milestones: {engagement_active_days: 5, habit_within_weeks: 6, monetization_events: [purchase]}
            funnels:
              - name: onboarding
                steps: [signup, "create_page|use_template", "edit_page[platform=ios]"]
                window: 36h
                order: strict
                exclude: [delete_account]
            """, "sextant.yaml");

        Assert.Equal(["create_page"], config.Activation.Events);
        Assert.Equal(("any", 14), (config.Activation.Match, config.Activation.WindowDays));
        Assert.Equal(3, config.NorthStar.MinMembers);
        Assert.Equal(["comment"], config.NorthStar.CollaborationEvents);
        Assert.Equal(["use_template", "search"], config.Features);
        Assert.Equal((5, 30, 3, 6), (config.Milestones.EngagementActiveDays, config.Milestones.EngagementWithinDays,
            config.Milestones.HabitActiveWeeks, config.Milestones.HabitWithinWeeks));
        Assert.Equal(["purchase"], config.Milestones.MonetizationEvents);
        var funnel = config.Funnels.Single();
        Assert.Equal(("onboarding", 3, TimeSpan.FromHours(36), "strict"), (funnel.Name, funnel.Steps.Count, funnel.Window, funnel.Order));
        Assert.Equal(["delete_account"], funnel.Exclude);
    }

    [Theory]
    [InlineData("activation: {match: some}", "sextant.yaml line 1: 'activation.match' expects one of all | any, got 'some'")]
    [InlineData("activation: {window_days: 0}", "'activation.window_days' expects")]
    [InlineData("north_star: {min_members: zero}", "'north_star.min_members' expects")]
    [InlineData("funnels:\n  - name: a\n    steps: [signup]", "sextant.yaml line 2: 'funnels[0]' needs at least 2 steps")]
    [InlineData("funnels:\n  - steps: [a, b]", "'funnels[0]' needs a name")]
    [InlineData("funnels:\n  - name: a\n    steps: [a, b]\n    window: 2 days", "'funnels[0].window' expects a duration such as 30m, 36h, 14d or 2w, got '2 days'")]
    [InlineData("funnels:\n  - name: a\n    steps: [a, \"b[x]\"]", "filter 'x' is not property=value")]
    [InlineData("milestones: {habit_weeks: 3}", "unknown key 'milestones.habit_weeks'")]
    public void Bad_analysis_settings_name_the_key_and_line(string yaml, string message)
    {
        var error = Assert.Throws<SextantException>(() => ConfigLoader.Parse(yaml, "sextant.yaml"));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}

/// <summary>The growth and health sections of sextant.yaml.</summary>
public sealed class GrowthAndHealthConfigTests
{
    [Fact]
    public void Levers_and_health_settings_are_read_and_used()
    {
        var config = ConfigLoader.Parse("""
            growth:
              levers:
                - {name: onboarding, moves: activation, uplift: [0.01, 0.02, 0.04], confidence: 0.9, effort_months: 1, ramp_up_months: 0}
            health:
              weights: {recency: 1, frequency: 0, breadth: 0, collaboration: 0, trend: 0, tenure: 0}
              at_risk_below: 25
              expansion: {plans: [starter], min_features: 3, min_active_days: 10}
            """, "sextant.yaml");

        var lever = Assert.Single(Sextant.Configuration.Queries.GrowthQueries.Levers(config.Growth));
        Assert.Equal(new Sextant.Analysis.Growth.GrowthLever("onboarding", Sextant.Analysis.Growth.LeverRate.Activation, 0.01, 0.02, 0.04, 0.9, 1, 0), lever);
        var query = Sextant.Configuration.Queries.HealthQueries.FromConfig(config);
        Assert.Equal(new Sextant.Analysis.Health.HealthWeights(1, 0, 0, 0, 0, 0), query.Weights);
        Assert.Equal((25.0, 3, 10), (query.AtRiskBelow, query.ExpansionMinFeatures, query.ExpansionMinActiveDays));
        Assert.Equal(["starter"], query.ExpansionPlans!);
        Assert.Empty(Sextant.Configuration.Queries.GrowthQueries.Levers(SextantConfig.Default.Growth));
        var demo = new GrowthConfig { Levers = Sextant.Analysis.Growth.GrowthLever.Defaults.Select(Sextant.Configuration.Queries.GrowthQueries.ToConfig).ToList() };
        Assert.Equal(Sextant.Analysis.Growth.GrowthLever.Defaults, Sextant.Configuration.Queries.GrowthQueries.Levers(demo));
    }

    [Theory]
    [InlineData("growth:\n  levers:\n    - {name: x, moves: magic, uplift: [0.1, 0.2, 0.3]}", "'growth.levers[0].moves' expects one of activation | collaboration")]
    [InlineData("growth:\n  levers:\n    - {name: x, moves: activation, uplift: [0.3, 0.2, 0.1]}", "uplift expects three numbers low, likely, high in order")]
    [InlineData("health:\n  weights: {recency: -1}", "'health.weights.recency' expects a weight of 0 or more")]
    [InlineData("health:\n  expansion: {min_active_days: 31}", "'health.expansion.min_active_days' expects")]
    public void Bad_growth_and_health_settings_are_named(string yaml, string message)
    {
        var error = Assert.Throws<SextantException>(() => ConfigLoader.Parse(yaml, "sextant.yaml"));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
