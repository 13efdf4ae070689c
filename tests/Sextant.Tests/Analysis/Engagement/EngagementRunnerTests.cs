using Sextant.Analysis.Engagement;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;
using Sextant.Tests.Support;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Analysis.Engagement;

public sealed class EngagementRunnerTests
{
    private static readonly EventRecord[] Week =
    [
        At("u1", "signup", "2024-01-01T09:00:00Z"), At("u1", "edit", "2024-01-03T09:00:00Z"), At("u1", "edit", "2024-01-03T10:00:00Z"),
        At("u2", "signup", "2024-01-03T12:00:00Z"), At("u2", "invoice_paid", "2024-01-05T12:00:00Z"),
        At(null, "page_view", "2024-01-02T12:00:00Z", anonymous: "visitor"),
        At("u3", "signup", "2024-01-10T23:59:59.999999Z"),
    ];

    [Fact]
    public void Dau_wau_and_mau_count_distinct_signed_up_users_over_rolling_windows()
    {
        var result = new InMemoryEngine(Load(null, Week)).Run(new EngagementQuery(ExcludeEvents: ["invoice_paid"]));

        var dau = result.Dau.ToDictionary(d => d.Date, d => d.Users);
        var wau = result.Wau.ToDictionary(d => d.Date, d => d.Users);
        var mau = result.Mau.ToDictionary(d => d.Date, d => d.Users);
        Assert.Equal(1, dau["2024-01-01"]);
        Assert.Equal(0, dau["2024-01-02"]); // the visitor is not a user
        Assert.Equal(2, dau["2024-01-03"]);
        Assert.Equal(0, dau["2024-01-05"]); // an excluded event makes no one active
        Assert.Equal(2, wau["2024-01-09"]); // Jan 3..9
        Assert.Equal(1, wau["2024-01-10"]); // Jan 4..10: only u3
        Assert.Equal(3, mau["2024-01-10"]);
        Assert.Equal(1 / 3.0, result.Stickiness.Daily.Single(d => d.Date == "2024-01-10").Value, 12);
    }

    [Fact]
    public void The_stickiness_headline_averages_the_final_complete_days_only()
    {
        var result = new InMemoryEngine(Load(null, Week)).Run(new EngagementQuery());

        // Jan 10 ends exactly at the data end, so all ten days are complete.
        Assert.Equal(10, result.Stickiness.Days);
        Assert.Equal(result.Stickiness.Daily.Average(d => d.Value), result.Stickiness.Headline, 12);
    }

    [Fact]
    public void Calendar_weeks_start_on_monday_and_unfinished_periods_are_marked()
    {
        var result = new InMemoryEngine(Load(null, Week)).Run(new EngagementQuery());

        Assert.Equal([("2024-01-01", 2L, true), ("2024-01-08", 1L, false)], result.Weekly.Select(w => (w.Period, w.Users, w.Complete)));
        Assert.Equal([("2024-01", 3L, false)], result.Monthly.Select(m => (m.Period, m.Users, m.Complete)));
    }

    [Fact]
    public void Activation_counts_users_whose_window_has_ended_and_times_the_completing_event()
    {
        var table = Load(null,
            At("fast", "signup", "2024-01-01T00:00:00Z"), At("fast", "create_page", "2024-01-01T02:00:00Z"), At("fast", "edit_page", "2024-01-01T05:00:00Z"),
            At("slow", "signup", "2024-01-01T00:00:00Z"), At("slow", "edit_page", "2024-01-02T00:00:00Z"), At("slow", "create_page", "2024-01-08T00:00:00Z"),
            At("late", "signup", "2024-01-01T00:00:00Z"), At("late", "create_page", "2024-01-02T00:00:00Z"), At("late", "edit_page", "2024-01-08T00:00:01Z"),
            At("new", "signup", "2024-01-09T00:00:00Z"), At("new", "create_page", "2024-01-09T01:00:00Z"), At("new", "edit_page", "2024-01-10T00:00:00Z"));

        var activation = new InMemoryEngine(table).Run(DemoSettings.EngagementQuery).Activation;

        // "new" signed up less than 7 days before the data end: not eligible yet.
        Assert.Equal(3, activation.Eligible);
        // fast (5 h) and slow (exactly 7 days: the window is inclusive) activated; late missed by a second.
        Assert.Equal(2, activation.Activated);
        Assert.Equal(1, activation.FastActivators);
        Assert.Equal((5 + 168) / 2.0, activation.MedianHoursToActivate);
    }
}
