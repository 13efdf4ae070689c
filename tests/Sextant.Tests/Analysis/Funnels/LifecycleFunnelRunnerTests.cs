using System.Globalization;
using Sextant.Analysis;
using Sextant.Analysis.Funnels;
using Sextant.Configuration;
using Sextant.Configuration.Queries;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using Sextant.Tests.Support;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Analysis.Funnels;

public sealed class LifecycleFunnelRunnerTests
{
    private static readonly LifecycleFunnelQuery Demo = Support.DemoSettings.LifecycleQuery;

    /// <summary>Every hand-made user signs up on 2024-01-01; this data end leaves all their windows complete.</summary>
    private const string DataEnd = "2024-06-01T00:00:00Z";

    private static readonly DateTime SignupDay = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static long Micros(string iso) => Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture)).UnixMicroseconds;

    private static LifecycleFunnelResult Run(EventTable table, LifecycleFunnelQuery? query = null, string asOf = DataEnd) =>
        new InMemoryEngine(table).Run((query ?? Demo) with { Range = TimeRange.UpTo(Micros(asOf)) });

    private static long[] Users(LifecycleFunnelResult result) => result.Steps.Select(s => s.Users).ToArray();

    /// <summary>An event on day <paramref name="day"/> after 2024-01-01 at the given UTC time.</summary>
    private static EventRecord On(string user, int day, string name = "view_page", string time = "12:00:00") =>
        At(user, name, SignupDay.AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T" + time + "Z");

    /// <summary>Signs up on 2024-01-01 at 10:00 UTC (the first event) and activates at once.</summary>
    private static EventRecord[] Activated(string user) =>
        [At(user, "signup", "2024-01-01T10:00:00Z"), At(user, "create_page", "2024-01-01T10:10:00Z"), At(user, "edit_page", "2024-01-01T10:20:00Z")];

    /// <summary>Activated, then active on the given days after the sign-up day.</summary>
    private static EventRecord[] ActiveOnDays(string user, params int[] days) => [.. Activated(user), .. days.Select(d => On(user, d))];

    [Fact]
    public void A_visitor_counts_only_in_awareness()
    {
        var table = Load(null,
            At(null, "page_view", "2024-01-01T09:00:00Z", anonymous: "v1"),
            At("a", "signup", "2024-01-01T10:00:00Z"));

        var result = Run(table);

        Assert.Equal([2L, 1, 0, 0, 0, 0, 0], Users(result));
        Assert.Equal(0.5, result.Steps[1].ConversionFromPrevious, 12);
        Assert.Equal(0, result.CensoredUsers + result.CensoredVisitors);
    }

    [Fact]
    public void A_user_active_on_only_three_days_stops_at_activation()
    {
        var table = Load(null, ActiveOnDays("a", 1, 2));

        // Active days 0 (sign-up and activation), 1 and 2: three, one short of four.
        Assert.Equal([1L, 1, 1, 0, 0, 0, 0], Users(Run(table)));
    }

    [Fact]
    public void A_fourth_active_day_on_day_30_is_outside_the_engagement_window_but_day_29_is_inside()
    {
        var table = Load(null, [.. ActiveOnDays("late", 1, 2, 30), .. ActiveOnDays("in_time", 1, 2, 29)]);

        // in_time: days 0, 1, 2, 29 (blocks 0 and 4, so no habit); late: day 30 is day 31 of the window.
        Assert.Equal([2L, 2, 2, 1, 0, 0, 0], Users(Run(table)));
    }

    [Fact]
    public void Habit_counts_blocks_zero_three_and_seven_but_not_block_eight()
    {
        var table = Load(null, [.. ActiveOnDays("inside", 1, 2, 21, 49), .. ActiveOnDays("outside", 1, 2, 21, 56)]);

        // Both engage (days 0, 1, 2, 21). inside: blocks 0, 3 and 7 (days 49..55), exactly three weeks.
        // outside: day 56 is block 8, past the first eight, leaving blocks 0 and 3.
        Assert.Equal([2L, 2, 2, 2, 1, 0, 0], Users(Run(table)));
    }

    [Fact]
    public void Collaboration_before_activation_counts_because_milestones_are_not_ordered_in_time()
    {
        var table = Load(null,
            At("a", "signup", "2024-01-01T10:00:00Z"), At("a", "comment", "2024-01-01T10:05:00Z"),
            On("a", 2, "create_page"), On("a", 3, "edit_page"), On("a", 8), On("a", 15));

        // Activated on day 3, after the comment; active days 0, 2, 3, 8, 15 in blocks 0, 1 and 2.
        Assert.Equal([1L, 1, 1, 1, 1, 1, 0], Users(Run(table)));
    }

    [Fact]
    public void Monetization_counts_an_upgrade_event()
    {
        var table = Load(null, [.. ActiveOnDays("a", 8, 15, 16), On("a", 20, "share_page"), On("a", 40, "upgrade")]);

        var result = Run(table);

        Assert.Equal([1L, 1, 1, 1, 1, 1, 1], Users(result));
        Assert.All(result.Steps, s => Assert.Equal(1, s.ConversionFromStart));
    }

    [Fact]
    public void Activation_criteria_exactly_at_the_window_end_count_and_one_microsecond_later_do_not()
    {
        var table = Load(null,
            At("on", "signup", "2024-01-01T10:00:00Z"), At("on", "create_page", "2024-01-02T00:00:00Z"), At("on", "edit_page", "2024-01-08T10:00:00Z"),
            At("late", "signup", "2024-01-01T10:00:00Z"), At("late", "create_page", "2024-01-02T00:00:00Z"), At("late", "edit_page", "2024-01-08T10:00:00.000001Z"));

        Assert.Equal([2L, 2, 1, 0, 0, 0, 0], Users(Run(table)));
        Assert.Equal([2L, 2, 2, 0, 0, 0, 0], Users(Run(table, Demo with { ActivationMatchAll = false })));
    }

    [Fact]
    public void Excluded_events_do_not_make_a_user_active()
    {
        var table = Load(null, [.. ActiveOnDays("a", 1, 2), On("a", 3, "billing_run")]);

        Assert.Equal([1L, 1, 1, 1, 0, 0, 0], Users(Run(table)));
        Assert.Equal([1L, 1, 1, 0, 0, 0, 0], Users(Run(table, Demo with { ExcludeEvents = ["billing_run"] })));
    }

    [Fact]
    public void Entities_whose_windows_have_not_ended_are_left_out_and_counted_as_censored()
    {
        var table = Load(null,
            At("old", "signup", "2024-01-01T10:00:00Z"),
            At("recent", "signup", "2024-05-12T10:00:00Z"),
            At(null, "page_view", "2024-05-20T10:00:00Z", anonymous: "v1"));

        // Data end 2024-06-01: "recent" signed up 20 days before, short of the 56-day Habit window.
        var result = Run(table);

        Assert.Equal([1L, 1, 0, 0, 0, 0, 0], Users(result));
        Assert.Equal(1, result.CensoredUsers);
        Assert.Equal(1, result.CensoredVisitors);
        Assert.Equal(56, result.ObservationDays);
    }

    [Fact]
    public void The_window_is_complete_when_its_last_day_has_ended_by_the_data_end()
    {
        var table = Load(null, At("complete", "signup", "2024-04-06T23:00:00Z"), At("open", "signup", "2024-04-07T00:00:00Z"));

        // Days 0..55 from 2024-04-06 end at 2024-06-01T00:00 (the data end, inclusive); from 04-07 a day later.
        var result = Run(table);

        Assert.Equal([1L, 1, 0, 0, 0, 0, 0], Users(result));
        Assert.Equal(1, result.CensoredUsers);
        Assert.Equal([0L, 0, 0, 0, 0, 0, 0], Users(Run(table, asOf: "2024-05-31T23:59:59.999998Z")));
    }

    [Fact]
    public void Days_are_cut_in_the_project_time_zone()
    {
        // 23:30 UTC is 00:30 the next day in Berlin (UTC+1 in January).
        EventRecord[] events = [.. Activated("a"), On("a", 0, time: "23:30:00"), On("a", 1, time: "23:30:00"), On("a", 2, time: "23:30:00")];
        var utc = Load(null, events);
        var berlin = Load(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), events);

        // UTC: days 0, 1 and 2. Berlin: day 0 (sign-up) then local days 1, 2 and 3.
        Assert.Equal([1L, 1, 1, 0, 0, 0, 0], Users(Run(utc)));
        Assert.Equal([1L, 1, 1, 1, 0, 0, 0], Users(Run(berlin)));
    }

    [Fact]
    public void Profiles_anchor_sign_up_paying_subscriptions_monetize_and_breakdowns_sum_to_the_signed_up_users()
    {
        using var fixture = new StoreFixture();
        fixture.Ingest("users.csv", "user_id,signup_at,segment\npaid,2024-01-01T10:00:00Z,team\ntrial,2024-01-01T10:00:00Z,team\nearly,2024-01-01T10:00:00Z,solo\nlazy,2024-01-01T10:00:00Z,solo\nghost,,solo\n");
        var events = new List<string> { "event_id,user_id,anonymous_id,event,timestamp", "v,,anon,page_view,2024-01-01T09:00:00Z" };
        var id = 0;
        foreach (var user in new[] { "paid", "trial", "early" })
        {
            events.Add($"e{id++},{user},,create_page,2024-01-01T11:00:00Z");
            events.Add($"e{id++},{user},,edit_page,2024-01-01T12:00:00Z");
            foreach (var day in new[] { 1, 8, 15 }) events.Add($"e{id++},{user},,view_page,{SignupDay.AddDays(day):yyyy-MM-dd}T12:00:00Z");
            // "early" shared only before signing up, which does not count.
            events.Add($"e{id++},{user},,share_page,{(user == "early" ? "2024-01-01T09:00:00Z" : "2024-01-20T12:00:00Z")}");
        }
        events.Add($"e{id++},lazy,,view_page,2024-01-02T12:00:00Z");
        fixture.Ingest("events.csv", string.Join('\n', events) + "\n");
        fixture.Ingest("subs.csv", "subscription_id,user_id,plan,status,start_at,end_at,mrr,currency\ns1,paid,plus,active,2024-02-01,,10,USD\ns2,trial,plus,trial,2024-02-01,,0,USD\n");
        var table = fixture.Load();

        var result = Run(table, Demo with { Breakdowns = [Breakdown.Profile("segment")] });

        Assert.Equal([5L, 4, 3, 3, 3, 2, 1], Users(result));
        Assert.Equal(1, result.UsersWithoutSignup);
        var team = result.Breakdown.Single(b => b.Value == "team");
        var solo = result.Breakdown.Single(b => b.Value == "solo");
        Assert.Equal([2L, 2, 2, 2, 2, 2, 1], team.Steps.Select(s => s.Users).ToArray());
        Assert.Equal([2L, 2, 1, 1, 1, 0, 0], solo.Steps.Select(s => s.Users).ToArray());
        Assert.Equal(0.5, team.OverallConversion, 12);
    }

    [Fact]
    public void An_unknown_breakdown_attribute_is_a_user_error()
    {
        var table = Load(null, At("a", "signup", "2024-01-01T10:00:00Z"));

        var error = Assert.Throws<SextantException>(() => Run(table, Demo with { Breakdowns = [Breakdown.Profile("colour")] }));

        Assert.Contains("colour", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_query_from_config_takes_activation_milestones_collaboration_and_excluded_events()
    {
        var config = SextantConfig.Default with
        {
            Activation = new ActivationConfig { Events = ["x"], Match = "any", WindowDays = 3 },
            Milestones = new MilestonesConfig { EngagementActiveDays = 2 },
            NorthStar = new NorthStarConfig { CollaborationEvents = ["y"] },
            Activity = new ActivityConfig { ExcludeEvents = ["z"] },
        };

        var query = FunnelQueries.Lifecycle(config);

        // The query holds the configured values themselves, not the configuration records.
        Assert.Equal(["x"], query.ActivationEvents);
        Assert.Equal((false, 3), (query.ActivationMatchAll, query.ActivationWindowDays));
        Assert.Equal((2, config.Milestones.EngagementWithinDays, config.Milestones.HabitActiveWeeks, config.Milestones.HabitWithinWeeks),
            (query.EngagementActiveDays, query.EngagementWithinDays, query.HabitActiveWeeks, query.HabitWithinWeeks));
        Assert.Equal(["y"], query.CollaborationEvents);
        Assert.Equal(["z"], query.ExcludeEvents);
    }
}
