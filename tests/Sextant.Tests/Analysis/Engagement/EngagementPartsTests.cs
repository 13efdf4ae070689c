using Sextant.Analysis;
using Sextant.Analysis.Engagement;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using Sextant.Tests.Support;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Analysis.Engagement;

/// <summary>North Star, feature adoption, power users, concentration, lifecycle, date windows and breakdowns, each on a case worked out by hand.</summary>
public sealed class EngagementPartsTests
{
    [Fact]
    public void North_star_counts_workspaces_with_two_active_members_and_a_collaboration_event_in_the_week()
    {
        UserProfile[] users =
        [
            User("a", workspace: "w1"), User("b", workspace: "w1"), User("c", workspace: "w2"),
            User("d", workspace: "w2"), User("e", workspace: "w3"), User("f", workspace: "w4"),
        ];
        var table = Load(null, users, [],
            // Week of Mar 2: w1 has a and b and a comment (counts); w2 has two members but no collaboration; w3 collaborates alone.
            At("a", "edit_page", "2026-03-02T10:00:00Z"), At("b", "comment", "2026-03-03T10:00:00Z"),
            At("c", "edit_page", "2026-03-02T10:00:00Z"), At("d", "edit_page", "2026-03-04T10:00:00Z"),
            At("e", "share_page", "2026-03-03T10:00:00Z"),
            // Week of Mar 9: w1 and w2 both count.
            At("a", "edit_page", "2026-03-09T10:00:00Z"), At("b", "comment", "2026-03-10T10:00:00Z"),
            At("c", "comment", "2026-03-11T10:00:00Z"), At("d", "edit_page", "2026-03-15T23:00:00Z"),
            // Week of Mar 16 is partial.
            At("f", "edit_page", "2026-03-16T10:00:00Z"));

        var star = new InMemoryEngine(table).Run(DemoSettings.EngagementQuery with { BusinessMau = 1000 }).NorthStar;

        Assert.Equal([("2026-03-02", 1L, true), ("2026-03-09", 2L, true), ("2026-03-16", 0L, false)],
            star.Weeks.Select(w => (w.Period, w.Users, w.Complete)));
        Assert.Equal("2026-03-09", star.Headline!.Period);
        // Sample MAU on Sunday Mar 15 (Feb 14..Mar 15): a, b, c, d, e = 5; 1000 / 5 = 200×.
        Assert.Equal(5, star.Extrapolated!.SampleMau);
        Assert.Equal(400, star.Extrapolated.Value, 9);
        Assert.Contains("extrapolated", star.Extrapolated.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void Feature_adoption_gives_ever_adoption_days_to_first_use_monthly_share_and_groups()
    {
        UserProfile[] users =
        [
            User("u1", "2026-01-01T00:00:00Z", "ent"), User("u2", "2026-01-01T00:00:00Z", "ind"),
            User("u3", "2026-01-02T00:00:00Z", "ind"), User("u4", "2026-02-01T00:00:00Z", "ind"),
        ];
        var table = Load(null, users, [],
            At("u1", "export", "2026-01-05T00:00:00Z"), At("u1", "export", "2026-02-02T00:00:00Z"),
            At("u2", "edit", "2026-01-03T00:00:00Z"), At("u2", "export", "2026-02-10T00:00:00Z"),
            At("u3", "edit", "2026-01-02T00:00:00Z"), At("u4", "edit", "2026-02-01T00:00:00Z"));

        var export = new InMemoryEngine(table).Run(new EngagementQuery(Features: ["export"])).FeatureAdoption.Single();

        Assert.Equal((2L, 4L, 0.5), (export.Adopters, export.SignedUp, export.Rate));
        Assert.Equal(22, export.MedianDaysToFirstUse!.Value, 9); // 4 and 40 days
        // January: u1 of u1, u2, u3 active; February: u1 and u2 of u1, u2, u4 active (partial month).
        Assert.Equal([("2026-01", 1L, 3L, true), ("2026-02", 2L, 3L, false)], export.Monthly.Select(m => (m.Period, m.Users, m.Active, m.Complete)));
        Assert.Equal([("ind", 1L, 3L), ("ent", 1L, 1L)], export.ByGroup.Select(g => (g.Value, g.Users, g.Of)));
    }

    [Fact]
    public void Default_features_are_the_active_events_without_system_events()
    {
        var table = Load(null, At("u1", "edit", "2026-01-01T00:00:00Z"), At("u1", "$experiment_started", "2026-01-01T00:00:00Z"), At("u1", "billing", "2026-01-01T00:00:00Z"));

        var features = new InMemoryEngine(table).Run(new EngagementQuery(ExcludeEvents: ["billing"])).FeatureAdoption.Select(f => f.Feature);

        Assert.Equal(["edit"], features);
    }

    [Fact]
    public void Power_user_curves_count_active_days_in_the_final_7_and_30_complete_days()
    {
        var events = Enumerable.Range(4, 7).Select(day => At("a", "edit", $"2026-01-{day:00}T12:00:00Z")).ToList();
        events.Add(At("b", "edit", "2026-01-10T23:59:59.999999Z"));
        events.Add(At("c", "edit", "2026-01-03T12:00:00Z"));

        var curves = new InMemoryEngine(Load(null, [.. events])).Run(new EngagementQuery()).PowerUsers;

        Assert.Equal("2026-01-10", curves.EndDate);
        Assert.Equal(1, curves.L7.Single(bin => bin.Days == 7).Users);
        Assert.Equal(1, curves.L7.Single(bin => bin.Days == 1).Users);
        Assert.Equal(2, curves.L30.Single(bin => bin.Days == 1).Users); // b and c
        Assert.Equal(0.5, curves.L7.Single(bin => bin.Days == 1).Share, 12);
        Assert.Equal(7, curves.L7.Count);
        Assert.Equal(30, curves.L30.Count);
    }

    [Fact]
    public void A_partial_last_day_is_left_out_of_the_power_user_curves()
    {
        var curves = new InMemoryEngine(Load(null, At("a", "edit", "2026-01-09T12:00:00Z"), At("a", "edit", "2026-01-10T12:00:00Z"))).Run(new EngagementQuery()).PowerUsers;

        Assert.Equal("2026-01-09", curves.EndDate);
        Assert.Equal(1, curves.L7.Single(bin => bin.Days == 1).Users);
    }

    [Theory]
    [InlineData(new long[] { 1, 1, 1, 1 }, 0.0, 0.25)]
    [InlineData(new long[] { 3, 1 }, 0.25, 0.75)] // pairs differ by 2: 4 / (2 · 2² · 2) = 0.25; the top user (⌊2/10⌋ → 1) did 3 of 4
    [InlineData(new long[] { 0, 0, 0, 4 }, 0.75, 1.0)]
    public void Concentration_matches_the_gini_and_top_share_worked_out_by_hand(long[] events, double gini, double topShare)
    {
        var concentration = EngagementShaper.ConcentrationOf([.. events]);

        Assert.Equal(gini, concentration.Gini, 12);
        Assert.Equal(topShare, concentration.TopTenPercentShare, 12);
    }

    private static readonly UserProfile[] LifecycleUsers = [User("u1", "2026-03-02T09:00:00Z"), User("u2", "2026-03-03T09:00:00Z"), User("u3", "2026-03-17T09:00:00Z")];

    private static readonly EventRecord[] LifecycleEvents =
    [
        At("u1", "edit", "2026-03-02T10:00:00Z"), At("u1", "edit", "2026-03-10T10:00:00Z"), At("u1", "edit", "2026-03-25T10:00:00Z"),
        At("u2", "edit", "2026-03-10T10:00:00Z"),
        At("u3", "edit", "2026-03-17T10:00:00Z"),
    ];

    [Fact]
    public void Lifecycle_splits_actives_into_new_returning_resurrecting_and_dormant()
    {
        var lifecycle = new InMemoryEngine(Load(null, LifecycleUsers, [], LifecycleEvents)).Run(new EngagementQuery()).Lifecycle;

        // u1: new, returning, dormant, resurrecting; u2 signed up in week 1 but was first active in week 2 (resurrecting), then dormant;
        // u3: new in week 3, dormant in week 4.
        Assert.Equal(
        [
            ("2026-03-02", 1L, 0L, 0L, 0L, true), ("2026-03-09", 0L, 1L, 1L, 0L, true),
            ("2026-03-16", 1L, 0L, 0L, -2L, true), ("2026-03-23", 0L, 0L, 1L, -1L, false),
        ], lifecycle.Periods.Select(p => (p.Period, p.New, p.Returning, p.Resurrecting, p.Dormant, p.Complete)));
    }

    [Fact]
    public void A_from_date_drops_earlier_periods_but_keeps_their_history()
    {
        var table = Load(null, LifecycleUsers, [], LifecycleEvents);
        var from = table.Calendar.DayStart(new DateOnly(2026, 3, 9).DayNumber);

        var result = new InMemoryEngine(table).Run(new EngagementQuery(Range: TimeRange.Between(from, null)));

        Assert.Equal("2026-03-09", result.Dau[0].Date);
        Assert.Equal(("2026-03-09", 1L, 1L), (result.Lifecycle.Periods[0].Period, result.Lifecycle.Periods[0].Returning, result.Lifecycle.Periods[0].Resurrecting));
        Assert.Equal(1, result.Activation.Eligible); // only u3 signed up on or after Mar 9 with a complete window
    }

    [Fact]
    public void A_to_date_ends_the_data_there_and_marks_the_last_period_complete_only_when_it_ended()
    {
        var table = Load(null, LifecycleUsers, [], LifecycleEvents);

        var result = new InMemoryEngine(table).Run(new EngagementQuery(Range: TimeRange.Between(null, table.Calendar.DayStart(new DateOnly(2026, 3, 16).DayNumber))));

        Assert.Equal("2026-03-15", result.Dau[^1].Date);
        Assert.True(result.Lifecycle.Periods[^1].Complete);
        Assert.Equal(2, result.Lifecycle.Periods.Count);
    }

    [Fact]
    public void Monthly_lifecycle_uses_calendar_months()
    {
        var lifecycle = new InMemoryEngine(Load(null, LifecycleUsers, [], LifecycleEvents)).Run(new EngagementQuery(LifecyclePeriod: CalendarPeriod.Month)).Lifecycle;

        Assert.Equal([("2026-03", 3L, false)], lifecycle.Periods.Select(p => (p.Period, p.New + p.Resurrecting, p.Complete)));
    }

    [Fact]
    public void A_breakdown_gives_each_value_its_own_headline_and_the_groups_add_up()
    {
        UserProfile[] users = [User("a", segment: "ent"), User("b", segment: "ind"), User("c", segment: "ind"), User("d")];
        var table = Load(null, users, [],
            At("a", "edit", "2026-01-01T10:00:00Z"), At("b", "edit", "2026-01-01T10:00:00Z"),
            At("c", "edit", "2026-01-02T10:00:00Z"), At("d", "edit", "2026-01-02T10:00:00Z"));

        var result = new InMemoryEngine(table).Run(new EngagementQuery(Breakdowns: [Breakdown.Profile("segment")]));

        Assert.Equal([("ind", 2L, 1L, 2L), ("(none)", 1L, 1L, 1L), ("ent", 1L, 0L, 1L)], result.Breakdown.Select(b => (b.Value, b.Users, b.Dau, b.Mau)));
        Assert.Equal(result.Mau[^1].Users, result.Breakdown.Sum(b => b.Mau));
        Assert.Throws<SextantException>(() => new InMemoryEngine(table).Run(new EngagementQuery(Breakdowns: [Breakdown.Profile("shoe_size")])));
    }

    [Fact]
    public void Days_are_cut_in_the_project_zone_across_a_daylight_saving_change()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        // 8 March 2026 has 23 hours in New York. 04:30Z on the 8th is 23:30 on the 7th (EST);
        // 03:30Z on the 9th is 23:30 on the 8th (EDT); 04:30Z on the 9th is already 00:30 on the 9th.
        var table = Load(newYork, At("a", "edit", "2026-03-08T04:30:00Z"), At("b", "edit", "2026-03-09T03:30:00Z"), At("c", "edit", "2026-03-09T04:30:00Z"));

        var result = new InMemoryEngine(table).Run(new EngagementQuery());

        Assert.Equal([("2026-03-07", 1L), ("2026-03-08", 1L), ("2026-03-09", 1L)], result.Dau.Select(d => (d.Date, d.Users)));
        Assert.Equal(3, result.Mau[^1].Users);
        // The ISO week of Monday 2 March holds a and b; c starts the week of 9 March.
        Assert.Equal([("2026-03-02", 2L), ("2026-03-09", 1L)], result.Weekly.Select(w => (w.Period, w.Users)));
    }

    [Fact]
    public void Activation_speed_compares_month_one_retention_of_fast_slow_and_non_activators()
    {
        UserProfile[] users =
        [
            User("fast", "2026-01-05T00:00:00Z"), User("fast2", "2026-01-06T00:00:00Z"), User("slow", "2026-01-05T00:00:00Z"),
            User("none", "2026-01-05T00:00:00Z"), User("late", "2026-02-20T00:00:00Z"),
        ];
        var table = Load(null, users, [],
            // fast: activates in 2 hours and comes back in February; fast2 activates in 1 hour, no February.
            At("fast", "create_page", "2026-01-05T01:00:00Z"), At("fast", "edit_page", "2026-01-05T02:00:00Z"), At("fast", "view_page", "2026-02-03T00:00:00Z"),
            At("fast2", "create_page", "2026-01-06T00:30:00Z"), At("fast2", "edit_page", "2026-01-06T01:00:00Z"),
            // slow: activates after 3 days and comes back in February; none never activates but comes back.
            At("slow", "create_page", "2026-01-05T01:00:00Z"), At("slow", "edit_page", "2026-01-08T00:00:00Z"), At("slow", "view_page", "2026-02-10T00:00:00Z"),
            At("none", "view_page", "2026-02-11T00:00:00Z"),
            // late signed up in February: its month 1 (March) has not ended, so it is left out.
            At("late", "view_page", "2026-03-01T00:00:00Z"));

        var speed = new InMemoryEngine(table).Run(DemoSettings.EngagementQuery).ActivationSpeed;

        Assert.Equal([(1L, 2L), (1L, 1L), (1L, 1L)], speed.Groups.Select(g => (g.Users, g.Of)));
        Assert.Equal(0.5, speed.FastVsSlow!.Value, 12); // 1/2 vs 1/1
        Assert.StartsWith("association", speed.Caveat, StringComparison.Ordinal);
    }

    [Fact]
    public void Fast_activators_are_compared_with_slow_activators_and_not_with_users_who_never_activated()
    {
        // Given fast activators retained 1 of 2, a slow activator retained 1 of 1 and a never-activated user 0 of 1
        UserProfile[] users =
        [
            User("fast", "2026-01-05T00:00:00Z"), User("fast2", "2026-01-06T00:00:00Z"), User("slow", "2026-01-05T00:00:00Z"), User("none", "2026-01-05T00:00:00Z"),
        ];
        var table = Load(null, users, [],
            At("fast", "create_page", "2026-01-05T01:00:00Z"), At("fast", "edit_page", "2026-01-05T02:00:00Z"), At("fast", "view_page", "2026-02-03T00:00:00Z"),
            At("fast2", "create_page", "2026-01-06T00:30:00Z"), At("fast2", "edit_page", "2026-01-06T01:00:00Z"),
            At("slow", "create_page", "2026-01-05T01:00:00Z"), At("slow", "edit_page", "2026-01-08T00:00:00Z"), At("slow", "view_page", "2026-02-10T00:00:00Z"),
            At("none", "view_page", "2026-01-05T00:10:00Z"), At("none", "view_page", "2026-03-02T00:00:00Z"));

        // When activation speed is computed with create_page then edit_page as the activation criteria
        var speed = new InMemoryEngine(table).Run(new EngagementQuery(ActivationEvents: ["create_page", "edit_page"])).ActivationSpeed;

        // Then the ratio is fast over slow, 0.5 / 1.0 = 0.5 (against everyone else, 0.5 / 0.5 = 1.0),
        // and the never-activated user is counted apart
        Assert.Equal(0.5, speed.FastVsSlow!.Value, 12);
        Assert.Equal(("not activated", 0L, 1L), (speed.Groups[2].Value, speed.Groups[2].Users, speed.Groups[2].Of));
    }
}
