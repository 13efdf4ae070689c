using Sextant.Analysis;
using Sextant.Analysis.Engagement;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Tests.Support;
using Sextant.Tests.Support.SemanticsFixtures;

namespace Sextant.Tests.Analysis.Engagement;

/// <summary>North Star, feature adoption, power users, concentration, lifecycle, date windows and breakdowns, each on a case of <see cref="EngagementFixtures"/> worked out by hand.</summary>
public sealed class EngagementPartsTests
{
    private static EngagementResult Run(SemanticsCase<EngagementQuery> fixture) => new InMemoryEngine(fixture.Load()).Run(fixture.Query);

    [Fact]
    public void North_star_counts_workspaces_with_two_active_members_and_a_collaboration_event_in_the_week()
    {
        var star = Run(EngagementFixtures.NorthStar).NorthStar;

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
        var export = Run(EngagementFixtures.Adoption).FeatureAdoption.Single();

        Assert.Equal((2L, 4L, 0.5), (export.Adopters, export.SignedUp, export.Rate));
        Assert.Equal(22, export.MedianDaysToFirstUse!.Value, 9); // 4 and 40 days
        // January: u1 of u1, u2, u3 active; February: u1 and u2 of u1, u2, u4 active (partial month).
        Assert.Equal([("2026-01", 1L, 3L, true), ("2026-02", 2L, 3L, false)], export.Monthly.Select(m => (m.Period, m.Users, m.Active, m.Complete)));
        Assert.Equal([("ind", 1L, 3L), ("ent", 1L, 1L)], export.ByGroup.Select(g => (g.Value, g.Users, g.Of)));
    }

    [Fact]
    public void Default_features_are_the_active_events_without_system_events()
    {
        var features = Run(EngagementFixtures.DefaultFeatures).FeatureAdoption.Select(f => f.Feature);

        Assert.Equal(["edit"], features);
    }

    [Fact]
    public void Power_user_curves_count_active_days_in_the_final_7_and_30_complete_days()
    {
        var curves = Run(EngagementFixtures.PowerUsers).PowerUsers;

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
        var curves = Run(EngagementFixtures.PartialLastDay).PowerUsers;

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

    [Fact]
    public void Lifecycle_splits_actives_into_new_returning_resurrecting_and_dormant()
    {
        var lifecycle = Run(EngagementFixtures.WeeklyLifecycle).Lifecycle;

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
        var result = Run(EngagementFixtures.LifecycleFromDate);

        Assert.Equal("2026-03-09", result.Dau[0].Date);
        Assert.Equal(("2026-03-09", 1L, 1L), (result.Lifecycle.Periods[0].Period, result.Lifecycle.Periods[0].Returning, result.Lifecycle.Periods[0].Resurrecting));
        Assert.Equal(1, result.Activation.Eligible); // only u3 signed up on or after Mar 9 with a complete window
    }

    [Fact]
    public void A_to_date_ends_the_data_there_and_marks_the_last_period_complete_only_when_it_ended()
    {
        var result = Run(EngagementFixtures.LifecycleToDate);

        Assert.Equal("2026-03-15", result.Dau[^1].Date);
        Assert.True(result.Lifecycle.Periods[^1].Complete);
        Assert.Equal(2, result.Lifecycle.Periods.Count);
    }

    [Fact]
    public void Monthly_lifecycle_uses_calendar_months()
    {
        var lifecycle = Run(EngagementFixtures.MonthlyLifecycle).Lifecycle;

        Assert.Equal([("2026-03", 3L, false)], lifecycle.Periods.Select(p => (p.Period, p.New + p.Resurrecting, p.Complete)));
    }

    [Fact]
    public void Daily_lifecycle_uses_calendar_days()
    {
        // Given u1 and u2 signed up on Mar 2; u1 active on Mar 2, 3 and 5, u2 first active on Mar 3,
        var table = EventBuilder.Load(null, [EventBuilder.User("u1", "2026-03-02T09:00:00Z"), EventBuilder.User("u2", "2026-03-02T09:00:00Z")], [],
            EventBuilder.At("u1", "edit", "2026-03-02T10:00:00Z"), EventBuilder.At("u1", "edit", "2026-03-03T10:00:00Z"),
            EventBuilder.At("u2", "edit", "2026-03-03T11:00:00Z"), EventBuilder.At("u1", "edit", "2026-03-05T10:00:00Z"));

        var lifecycle = new InMemoryEngine(table).Run(new EngagementQuery(LifecyclePeriod: CalendarPeriod.Day)).Lifecycle;

        // then Mar 2: u1 new; Mar 3: u1 returning, u2 resurrecting (not active on their sign-up day);
        // Mar 4: both dormant; Mar 5: u1 resurrecting, a day that had not ended by the data end.
        Assert.Equal(CalendarPeriod.Day, lifecycle.Period);
        Assert.Equal(
        [
            ("2026-03-02", 1L, 0L, 0L, 0L, true), ("2026-03-03", 0L, 1L, 1L, 0L, true),
            ("2026-03-04", 0L, 0L, 0L, -2L, true), ("2026-03-05", 0L, 0L, 1L, 0L, false),
        ], lifecycle.Periods.Select(p => (p.Period, p.New, p.Returning, p.Resurrecting, p.Dormant, p.Complete)));
    }

    [Fact]
    public void A_breakdown_gives_each_value_its_own_headline_and_the_groups_add_up()
    {
        var table = EngagementFixtures.BySegment.Load();

        var result = new InMemoryEngine(table).Run(EngagementFixtures.BySegment.Query);

        Assert.Equal([("ind", 2L, 1L, 2L), ("(none)", 1L, 1L, 1L), ("ent", 1L, 0L, 1L)], result.Breakdown.Select(b => (b.Value, b.Users, b.Dau, b.Mau)));
        Assert.Equal(result.Mau[^1].Users, result.Breakdown.Sum(b => b.Mau));
        Assert.Throws<SextantException>(() => new InMemoryEngine(table).Run(new EngagementQuery(Breakdowns: [Breakdown.Profile("shoe_size")])));
    }

    [Fact]
    public void Days_are_cut_in_the_project_zone_across_a_daylight_saving_change()
    {
        // 8 March 2026 has 23 hours in New York. 04:30Z on the 8th is 23:30 on the 7th (EST);
        // 03:30Z on the 9th is 23:30 on the 8th (EDT); 04:30Z on the 9th is already 00:30 on the 9th.
        var result = Run(EngagementFixtures.NewYorkDaylightSaving);

        Assert.Equal([("2026-03-07", 1L), ("2026-03-08", 1L), ("2026-03-09", 1L)], result.Dau.Select(d => (d.Date, d.Users)));
        Assert.Equal(3, result.Mau[^1].Users);
        // The ISO week of Monday 2 March holds a and b; c starts the week of 9 March.
        Assert.Equal([("2026-03-02", 2L), ("2026-03-09", 1L)], result.Weekly.Select(w => (w.Period, w.Users)));
    }

    [Fact]
    public void Activation_speed_compares_month_one_retention_of_fast_slow_and_non_activators()
    {
        var speed = Run(EngagementFixtures.ActivationSpeed).ActivationSpeed;

        Assert.Equal([(1L, 2L), (1L, 1L), (1L, 1L)], speed.Groups.Select(g => (g.Users, g.Of)));
        Assert.Equal(0.5, speed.FastVsSlow!.Value, 12); // 1/2 vs 1/1
        Assert.StartsWith("association", speed.Caveat, StringComparison.Ordinal);
    }

    [Fact]
    public void Fast_activators_are_compared_with_slow_activators_and_not_with_users_who_never_activated()
    {
        // Given fast activators retained 1 of 2, a slow activator retained 1 of 1 and a never-activated user 0 of 1,
        // when activation speed is computed with create_page then edit_page as the activation criteria
        var speed = Run(EngagementFixtures.FastAgainstSlow).ActivationSpeed;

        // Then the ratio is fast over slow, 0.5 / 1.0 = 0.5 (against everyone else, 0.5 / 0.5 = 1.0),
        // and the never-activated user is counted apart
        Assert.Equal(0.5, speed.FastVsSlow!.Value, 12);
        Assert.Equal(("not activated", 0L, 1L), (speed.Groups[2].Value, speed.Groups[2].Users, speed.Groups[2].Of));
    }
}
