using Sextant.Analysis.Health;
using Sextant.Analysis.Marts;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using Sextant.Tests.Analysis.Health;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Marts;

/// <summary>
/// The expansion rule with the plan from subscriptions. The data end is 2024-03-31 12:00 UTC (user z), so the last 30 days
/// are Mar 2 … Mar 31. Every user below is active on the 20 days Mar 12 … Mar 31 with 4 distinct features, so the plan alone
/// decides expansion unless a test says otherwise; Starter is the plan that can expand.
/// </summary>
public sealed class PlanFromSubscriptionsTests
{
    private const string End = "2024-03-31T12:00:00Z";

    private static readonly HealthQuery Query = new(ExpansionPlans: ["Starter"], ExpansionPlanFrom: PlanSource.Subscriptions);

    private static Subscription Sub(string user, string plan, string status, decimal mrr, string start, string? end = null) =>
        new($"{user}-{plan}-{start}", user, plan, status, Instant(start), end is null ? null : Instant(end), mrr, "USD");

    private static Timestamp Instant(string iso) => Support.SubscriptionBuilder.Instant(iso);

    private static IEnumerable<EventRecord> Busy(string user, int days = 20, int features = 4) =>
        HealthRunnerTests.Daily(user, DateOnly.Parse("2024-03-31", System.Globalization.CultureInfo.InvariantCulture).AddDays(1 - days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            days, [.. new[] { "create_page", "edit_page", "search", "comment", "share_page" }.Take(features)]);

    private static HealthResult Run(HealthQuery query, IReadOnlyList<UserProfile> users, IReadOnlyList<Subscription> subscriptions, params string[] busyUsers) =>
        new InMemoryEngine(Load(null, [.. users, User("z")], subscriptions, [At("z", "view_page", End), .. busyUsers.SelectMany(u => Busy(u))])).Run(query);

    private static UserHealth Of(HealthResult result, string user) => result.Users.Single(u => u.UserKey == user);

    [Fact]
    public void A_live_trial_gives_its_plan_and_the_profile_plan_is_ignored()
    {
        var result = Run(Query, [User("u", plan: "Pro")], [Sub("u", "Starter", "trial", 0, "2024-03-01T00:00:00Z")], "u");

        var u = Of(result, "u");
        Assert.Equal(("Starter", true, true), (u.Plan, u.PlanFromSubscription, u.ExpansionReady));
    }

    [Fact]
    public void A_cancelled_subscription_is_not_live_even_without_an_end_so_the_user_has_no_plan()
    {
        var result = Run(Query, [User("u", plan: "Starter")], [Sub("u", "Starter", "cancelled", 10, "2024-01-01T00:00:00Z")], "u");

        var u = Of(result, "u");
        Assert.Equal((null, true, false), (u.Plan, u.PlanFromSubscription, u.ExpansionReady));
    }

    [Fact]
    public void A_subscription_that_ended_before_the_data_end_or_starts_after_it_is_not_live()
    {
        var result = Run(Query, [User("u", plan: "Starter"), User("w", plan: "Starter")],
            [Sub("u", "Starter", "active", 10, "2024-01-01T00:00:00Z", "2024-03-31T12:00:00Z"), Sub("w", "Starter", "active", 10, "2024-03-31T12:00:00.000001Z")], "u", "w");

        Assert.Null(Of(result, "u").Plan);
        Assert.Null(Of(result, "w").Plan);
        Assert.False(Of(result, "u").ExpansionReady);
    }

    [Fact]
    public void Of_two_live_subscriptions_the_higher_mrr_wins_and_a_tie_goes_to_the_plan_name()
    {
        var result = Run(Query, [User("u"), User("w")],
        [
            Sub("u", "Starter", "active", 10, "2024-01-01T00:00:00Z"), Sub("u", "Pro", "past_due", 50, "2024-02-01T00:00:00Z"),
            Sub("w", "Team", "active", 20, "2024-01-01T00:00:00Z"), Sub("w", "Starter", "active", 20, "2024-01-01T00:00:00Z"),
        ], "u", "w");

        Assert.Equal(("Pro", false), (Of(result, "u").Plan, Of(result, "u").ExpansionReady));
        // "Starter" sorts before "Team" ordinally.
        Assert.Equal(("Starter", true), (Of(result, "w").Plan, Of(result, "w").ExpansionReady));
    }

    [Fact]
    public void Only_a_user_without_any_subscription_falls_back_to_the_profile_plan()
    {
        var result = Run(Query, [User("u", plan: "Starter")], [], "u");

        var u = Of(result, "u");
        Assert.Equal(("Starter", false, true), (u.Plan, u.PlanFromSubscription, u.ExpansionReady));
    }

    [Fact]
    public void By_default_health_keeps_the_profile_plan_whatever_the_subscriptions_say()
    {
        var result = Run(Query with { ExpansionPlanFrom = PlanSource.Profile }, [User("u", plan: "Pro")], [Sub("u", "Starter", "active", 10, "2024-01-01T00:00:00Z")], "u");

        var u = Of(result, "u");
        Assert.Equal(("Pro", false, false), (u.Plan, u.PlanFromSubscription, u.ExpansionReady));
    }

    [Theory]
    [InlineData(20, 4, true)]
    [InlineData(19, 4, false)]
    [InlineData(20, 3, false)]
    [InlineData(30, 5, true)]
    public void Expansion_needs_at_least_four_features_and_twenty_active_days_in_the_last_thirty(int days, int features, bool ready)
    {
        var table = Load(null, [User("u"), User("z")], [Sub("u", "Starter", "active", 10, "2024-01-01T00:00:00Z")],
            [At("z", "view_page", End), .. Busy("u", days, features)]);

        var u = Of(new InMemoryEngine(table).Run(Query), "u");

        Assert.Equal((days, features), (u.ActiveDaysLast30, u.Features));
        Assert.Equal(ready, u.ExpansionReady);
    }

    [Fact]
    public void The_health_mart_counts_users_at_risk_and_upsell_candidates_by_plan()
    {
        var table = Load(null, [User("u"), User("w"), User("x", plan: "Starter"), User("z")],
            [Sub("u", "Starter", "active", 10, "2024-01-01T00:00:00Z"), Sub("w", "Pro", "active", 50, "2024-01-01T00:00:00Z")],
            [At("z", "view_page", End), .. Busy("u"), .. Busy("w"), .. Busy("x", 19)]);

        // The mart reads plans from subscriptions even when the query says profile.
        var mart = UserHealthMart.Run(new InMemoryEngine(table), Query with { ExpansionPlanFrom = PlanSource.Profile });

        var plans = mart.Plans.ToDictionary(p => p.Plan);
        // u: Starter from its subscription and ready; x: Starter from its profile, 19 days; w: Pro; z: no plan.
        Assert.Equal((2L, 1L, 1L), (plans["Starter"].Users, plans["Starter"].ExpansionReady, plans["Starter"].FromSubscriptions));
        Assert.Equal((1L, 0L, 1L), (plans["Pro"].Users, plans["Pro"].ExpansionReady, plans["Pro"].FromSubscriptions));
        Assert.Equal((1L, 0L), (plans["(none)"].Users, plans["(none)"].FromSubscriptions));
        Assert.Equal((4L, 1L), (mart.Users, mart.ExpansionReady));
        Assert.Equal(mart.AtRisk, mart.Plans.Sum(p => p.AtRisk));
        Assert.Equal(4, mart.Rows.Count);
    }
}
