using Sextant.Analysis.Engagement;
using Sextant.Analysis.Health;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Analysis;

/// <summary>
/// Queries built with no arguments assume no product: the demo's activation criteria and
/// collaboration events are not their defaults, so nothing counts as activation or collaboration.
/// </summary>
public sealed class QueryDefaultTests
{
    // u1 and u2 each do the demo's activation events (create_page, edit_page) and a demo
    // collaboration event (share_page, comment) in the same workspace, in the same week.
    private static readonly Sextant.Events.EventRecord[] DemoLikeEvents =
    [
        At("u1", "signup", "2026-03-02T09:00:00Z"), At("u1", "create_page", "2026-03-02T10:00:00Z"), At("u1", "edit_page", "2026-03-02T11:00:00Z"), At("u1", "share_page", "2026-03-03T10:00:00Z"),
        At("u2", "signup", "2026-03-02T09:00:00Z"), At("u2", "create_page", "2026-03-02T10:00:00Z"), At("u2", "edit_page", "2026-03-02T11:00:00Z"), At("u2", "comment", "2026-03-03T10:00:00Z"),
        At("u3", "view_page", "2026-03-20T09:00:00Z"),
    ];

    [Fact]
    public void A_default_engagement_query_measures_no_activation_and_no_collaboration()
    {
        // Given two users who did create_page, edit_page and a collaboration event within a day of sign-up,
        var table = Load(null, [User("u1", "2026-03-02T09:00:00Z", workspace: "w1"), User("u2", "2026-03-02T09:00:00Z", workspace: "w1"), User("u3", "2026-03-20T09:00:00Z", workspace: "w2")], [], DemoLikeEvents);

        // when engagement runs with a query built with no arguments,
        var result = new InMemoryEngine(table).Run(new EngagementQuery());

        // then no activation criteria are assumed (both are eligible, none activated) and the North Star counts no workspace.
        Assert.Empty(result.Activation.Events);
        Assert.Equal((2L, 0L), (result.Activation.Eligible, result.Activation.Activated));
        Assert.Empty(result.NorthStar.CollaborationEvents);
        Assert.All(result.NorthStar.Weeks, w => Assert.Equal(0, w.Users));
    }

    [Fact]
    public void A_default_health_query_counts_no_event_as_collaboration()
    {
        var table = Load(null, [User("u1", "2026-03-02T09:00:00Z", workspace: "w1"), User("u2", "2026-03-02T09:00:00Z", workspace: "w1"), User("u3", "2026-03-20T09:00:00Z", workspace: "w2")], [], DemoLikeEvents);

        var result = new InMemoryEngine(table).Run(new HealthQuery());

        Assert.All(result.Users, u => Assert.Equal(0, u.Collaboration));
    }

    [Fact]
    public void A_default_health_query_flags_nobody_expansion_ready_and_says_which_key_to_set()
    {
        // Given a user on a free plan active on 20 of the last 30 days with 4 distinct events: expansion-ready where free can expand
        string[] four = ["edit_page", "create_page", "comment", "search"];
        var events = Enumerable.Range(0, 20).SelectMany(day => four.Select(e => At("u1", e, DateTime.Parse("2026-03-12T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime().AddDays(day).ToString("O", System.Globalization.CultureInfo.InvariantCulture)))).ToArray();
        var table = Load(null, [User("u1", "2026-01-02T09:00:00Z", plan: "free")], [], events);

        // When health runs with no plans named, and with free named
        var unnamed = new InMemoryEngine(table).Run(new HealthQuery());
        var named = new InMemoryEngine(table).Run(new HealthQuery(ExpansionPlans: ["free"]));

        // Then no plan is assumed: nobody is flagged and the warning names the key; naming it flags the user
        Assert.Equal(0, unnamed.ExpansionReady);
        Assert.Contains(unnamed.Warnings, w => w.Contains("health.expansion.plans", StringComparison.Ordinal));
        Assert.Equal(1, named.ExpansionReady);
        Assert.Empty(named.Warnings);
    }
}
