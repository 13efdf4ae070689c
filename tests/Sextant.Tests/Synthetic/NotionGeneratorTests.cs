using Sextant.Synthetic;
using Sextant.Tests.Support;

namespace Sextant.Tests.Synthetic;

/// <summary>The default 50,000-user scenario, generated once for the calibration tests.</summary>
public sealed class DefaultScenarioFixture
{
    public GeneratedData Data { get; } = NotionGenerator.Generate(new NotionScenario());

    public IReadOnlyList<CalibrationTarget> Calibration => CalibrationReport.Measure(Data);
}

public sealed class NotionGeneratorTests(DefaultScenarioFixture fixture) : IClassFixture<DefaultScenarioFixture>
{
    private static readonly NotionScenario Small = new() { Users = 3_000 };

    [Fact]
    public void The_same_seed_gives_byte_identical_files()
    {
        using var directory = new TempDirectory();
        ScenarioFiles.Write(NotionGenerator.Generate(Small), directory.File("a"));
        ScenarioFiles.Write(NotionGenerator.Generate(Small), directory.File("b"));

        foreach (var name in ScenarioFiles.FileNames.Append("truth.json"))
            Assert.Equal(File.ReadAllBytes(Path.Combine(directory.File("a"), name)), File.ReadAllBytes(Path.Combine(directory.File("b"), name)));
    }

    [Fact]
    public void Another_seed_gives_other_data()
    {
        var first = NotionGenerator.Generate(Small);
        var second = NotionGenerator.Generate(Small with { Seed = 7 });

        Assert.NotEqual(first.Users.Select(u => u.SignupAt), second.Users.Select(u => u.SignupAt));
    }

    [Fact]
    public void Every_event_belongs_to_a_known_user_and_only_anonymous_visits_precede_sign_up()
    {
        var data = NotionGenerator.Generate(Small);
        var signups = data.Users.ToDictionary(u => u.UserId, u => u.SignupAt!.Value.UnixMicroseconds);

        foreach (var record in data.Events)
        {
            if (record.UserId is null)
            {
                Assert.NotNull(record.AnonymousId);
                Assert.Equal("page_view", record.Event);
                continue;
            }
            Assert.True(signups.TryGetValue(record.UserId, out var signup), $"event {record.EventId} of unknown user {record.UserId}");
            Assert.True(record.Timestamp.UnixMicroseconds >= signup, $"event {record.EventId} before its user's sign-up");
        }
        Assert.Equal(data.Events.Count, data.Events.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public void Subscriptions_belong_to_users_who_upgraded_and_assignments_to_known_users()
    {
        var data = NotionGenerator.Generate(Small);
        var upgraded = data.Events.Where(e => e.Event == "upgrade").Select(e => e.UserId).ToHashSet();
        var users = data.Users.Select(u => u.UserId).ToHashSet();

        Assert.NotEmpty(data.Subscriptions);
        Assert.All(data.Subscriptions, s => Assert.Contains(s.UserId, upgraded));
        Assert.All(data.Subscriptions, s => Assert.True(s.EndAt is null || s.EndAt >= s.StartAt));
        Assert.All(data.Assignments, a => Assert.Contains(a.UserId, users));
        Assert.All(data.Assignments, a => Assert.Contains(a.Variant, new[] { "control", "treatment" }));
    }

    [Fact]
    public void Subscriptions_end_in_the_last_months_too_so_the_last_months_revenue_follows_the_trend()
    {
        // Given the default scenario's subscriptions (data end 2025-12-31)
        var subscriptions = fixture.Data.Subscriptions;
        var months = Enumerable.Range(0, 12).Select(m => new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(m)).ToList();

        // When the recurring revenue of every month of 2025 is summed (a subscription counts in a
        // month it overlaps) and the cancellations are counted by month
        var revenue = months.Select(start =>
        {
            var end = start.AddMonths(1);
            return subscriptions.Where(s => s.StartAt.ToDateTimeOffset() < end && (s.EndAt is null || s.EndAt.Value.ToDateTimeOffset() >= start)).Sum(s => s.Mrr);
        }).ToList();
        var endedInNovember = subscriptions.Count(s => s.EndAt is { } e && e.ToDateTimeOffset() is { Year: 2025, Month: 11 });

        // Then users churn in November as in any month, and December's change is no larger than
        // the largest of the eleven changes before it (no subscription ending in the last two
        // months made it jump 21%).
        var changes = revenue.Zip(revenue.Skip(1), (a, b) => Math.Abs((double)(b / a) - 1)).ToList();
        Assert.True(endedInNovember > 100, $"{endedInNovember} subscriptions ended in November");
        Assert.True(changes[^1] <= changes.SkipLast(1).Max(), $"December changed {changes[^1]:P1}; the largest change before {changes.SkipLast(1).Max():P1}");
    }

    [Fact]
    public void Team_members_share_workspaces_and_collaborate_inside_them()
    {
        var data = NotionGenerator.Generate(Small);
        var workspaceOf = data.Users.ToDictionary(u => u.UserId, u => u.WorkspaceId);
        var teamWorkspaces = data.Users.Where(u => u.Segment != "individual").GroupBy(u => u.WorkspaceId).Where(g => g.Count() > 1).ToList();

        Assert.NotEmpty(teamWorkspaces);
        var shares = data.Events.Where(e => e.Event == "share_page" && !e.PropertiesJson.Contains("external", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(shares);
        foreach (var share in shares.Take(200))
        {
            var target = System.Text.Json.JsonDocument.Parse(share.PropertiesJson).RootElement.GetProperty("shared_with").GetString()!;
            Assert.Equal(workspaceOf[share.UserId!], workspaceOf[target]);
        }
    }

    [Fact]
    public void Every_calibration_target_is_met_within_its_tolerance()
    {
        var missed = fixture.Calibration.Where(t => !t.Met).Select(t => $"{t.Name}: {t.Actual:0.###} not in [{t.Low}, {t.High}]").ToList();

        Assert.Empty(missed);
    }

    [Fact]
    public void Truth_agrees_with_the_data()
    {
        var data = fixture.Data;
        var activationRate = fixture.Calibration.Single(t => t.Name == "activation rate").Actual;

        Assert.Equal(data.Truth.ActivatedUsers / (double)data.Users.Count, activationRate, 6);
        Assert.Equal(data.Truth.PaidUsers, data.Subscriptions.Count);
        Assert.Equal(data.Truth.Visitors, data.Events.Where(e => e.UserId is null && e.AnonymousId!.StartsWith('v')).Select(e => e.AnonymousId).Distinct().Count());
    }

    [Fact]
    public void The_planted_activation_lift_shows_in_the_experiment_arms()
    {
        var arms = fixture.Data.Truth.ActivationByExperimentArm["onboarding_checklist"];
        var neutral = fixture.Data.Truth.ActivationByExperimentArm["editor_redesign"];

        // About 5,000 users per arm: the standard error of a difference is about 0.01.
        Assert.InRange(arms["treatment"] - arms["control"], 0.03, 0.09);
        Assert.InRange(neutral["treatment"] - neutral["control"], -0.03, 0.03);
    }
}

public sealed class FeatureEffectTruthTests(DefaultScenarioFixture fixture) : IClassFixture<DefaultScenarioFixture>
{
    [Fact]
    public void Planted_feature_effects_are_in_the_truth_with_their_adopters()
    {
        var data = fixture.Data;
        var template = data.Truth.FeatureEffects.Single(e => e.Feature == "use_template");
        var integration = data.Truth.FeatureEffects.Single(e => e.Feature == "connect_integration");
        var signups = data.Users.ToDictionary(u => u.UserId, u => u.SignupAt!.Value.UnixMicroseconds);

        int EarlyAdopters(string feature) => data.Events
            .Where(e => e.Event == feature && e.UserId is not null && e.Timestamp.UnixMicroseconds - signups[e.UserId] < 7 * 86_400_000_000L)
            .Select(e => e.UserId).Distinct().Count();

        Assert.Equal(template.Adopters, EarlyAdopters("use_template"));
        Assert.Equal(integration.Adopters, EarlyAdopters("connect_integration"));
        Assert.InRange(template.MonthlySurvivalEffect, 0.02, 0.10);
        Assert.Equal(0, template.PaidEffect);
        Assert.InRange(integration.PaidEffect, 0.05, 0.30);
        Assert.Equal(0, integration.MonthlySurvivalEffect);
    }

    [Fact]
    public void Adoption_is_confounded_by_segment()
    {
        var data = fixture.Data;
        var signups = data.Users.ToDictionary(u => u.UserId, u => u.SignupAt!.Value.UnixMicroseconds);
        var adopters = data.Events.Where(e => e.Event == "connect_integration" && e.UserId is not null && e.Timestamp.UnixMicroseconds - signups[e.UserId] < 7 * 86_400_000_000L)
            .Select(e => e.UserId!).ToHashSet();

        var enterpriseShareAmongAdopters = data.Users.Where(u => adopters.Contains(u.UserId)).Average(u => u.Segment == "enterprise" ? 1.0 : 0.0);
        var enterpriseShareOverall = data.Users.Average(u => u.Segment == "enterprise" ? 1.0 : 0.0);

        Assert.True(enterpriseShareAmongAdopters > 3 * enterpriseShareOverall);
    }
}
