using System.Text.RegularExpressions;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Reports;
using Sextant.Reports.Dashboards;
using Sextant.Reports.Executive;
using Sextant.Tests.Support;

namespace Sextant.Tests.Reports;

/// <summary>The report and the dashboards say once, by name, what an active user is.</summary>
public sealed partial class ActiveUsersDefinitionTests(ReportInputsFixture fixture) : IClassFixture<ReportInputsFixture>
{
    private const string Definition = "Active users: users with at least one active event (every event except billing_charged, system_ping, from activity.exclude_events, " +
        "and the identity events $create_alias, $groupidentify, $identify, $merge, $merge_dangerously) " +
        "on the day (DAU), in the rolling 7 days (WAU) or 30 days (MAU) ending on it. Every figure about active users uses this definition.";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private ReportInputs Excluding => fixture.Inputs with { Metrics = fixture.Inputs.Metrics with { ExcludedEvents = ["billing_charged", "system_ping"] } };

    [Fact]
    public void The_executive_report_states_the_definition_of_active_users_once_with_the_excluded_events()
    {
        // Given analyses whose active events leave out billing_charged and system_ping
        // When the executive report is written
        var text = Whitespace().Replace(TextRenderer.Render(ExecutiveReport.Build(Excluding)), " ");

        // Then the definition appears exactly once
        Assert.Single(Regex.Matches(text, Regex.Escape(Definition)));
    }

    [Fact]
    public void The_executive_and_engagement_dashboards_state_the_same_definition()
    {
        var pages = DashboardSet.Build(Excluding);

        Assert.Contains(Definition, pages.Single(p => p.Slug == "executive").Notes);
        Assert.Contains(Definition, pages.Single(p => p.Slug == "engagement").Notes);
    }

    [Fact]
    public void With_no_excluded_events_the_definition_names_the_identity_events_alone()
    {
        var expected = "Active users: users with at least one active event (every event except the identity events $create_alias, $groupidentify, $identify, $merge, $merge_dangerously; activity.exclude_events is empty)";
        Assert.StartsWith(expected, ActiveUsers.Definition([]), StringComparison.Ordinal);
        // The excluded list an engine returns already holds the identity events: they are named once.
        Assert.StartsWith(expected, ActiveUsers.Definition(Sextant.Analysis.ActiveEvents.Excluded([])), StringComparison.Ordinal);
    }

    [Fact]
    public void The_engagement_result_keeps_the_excluded_events_it_was_computed_with()
    {
        // Given a store with a billing event excluded from activity
        var table = EventBuilder.Load(null, EventBuilder.At("a", "view_page", "2026-01-05T00:00:00Z"), EventBuilder.At("b", "billing_charged", "2026-01-05T00:00:00Z"));

        // When engagement is computed excluding it
        var result = new InMemoryEngine(table).Run(new Sextant.Analysis.Engagement.EngagementQuery(ExcludeEvents: ["billing_charged"]));

        // Then the result names it, and b is not active
        Assert.Equal(["billing_charged"], result.ExcludedEvents);
        Assert.Equal(1, result.Dau.Single(d => d.Date == "2026-01-05").Users);
    }
}
