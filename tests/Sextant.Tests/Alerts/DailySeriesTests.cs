using Sextant.Analysis.Alerts;
using Sextant.Analysis.Funnels;
using Sextant.Analysis.Syntax;
using Sextant.Events;
using Sextant.Tests.Support;

namespace Sextant.Tests.Alerts;

public sealed class DailySeriesTests
{
    /// <summary>
    /// Four users and a visitor over three days (UTC). On paper:
    /// 03-01: u1 signs up and creates a page: 2 events, DAU {u1}, sign-ups {u1}.
    /// 03-02: u1's $identify (not an active event), u2 signs up and upgrades (12.5), u3 (no signup_at: first event)
    ///        creates a page, the visitor v1 views a page, u4 signs up: 6 events, DAU {u2, u3, u4}, sign-ups {u2, u3, u4}.
    /// 03-03: u2 creates a page (7.5 revenue) at 05:00, u1 at 23:30 (the data end): 2 events, DAU {u1, u2}; incomplete.
    /// Sources: web 2, 4, 1 and ios 0, 2, 1. Funnel signup → create_page within 1 day: 03-01 u1 converts (1 of 1);
    /// 03-02 u2 converts at 03-03 05:00, u4 does not (1 of 2); its last complete day is 03-01 (03-02's window ends after the data end).
    /// </summary>
    private const string Events = """
        {"event_id":"e1","user_id":"u1","event":"signup","timestamp":"2025-03-01T09:00:00Z","source":"web"}
        {"event_id":"e2","user_id":"u1","event":"create_page","timestamp":"2025-03-01T09:05:00Z","source":"web"}
        {"event_id":"e3","user_id":"u1","anonymous_id":"a1","event":"$identify","timestamp":"2025-03-02T08:00:00Z","source":"web"}
        {"event_id":"e4","user_id":"u2","event":"signup","timestamp":"2025-03-02T10:00:00Z","source":"ios"}
        {"event_id":"e5","user_id":"u2","event":"upgrade","timestamp":"2025-03-02T11:00:00Z","revenue":12.5,"source":"ios"}
        {"event_id":"e6","user_id":"u3","event":"create_page","timestamp":"2025-03-02T12:00:00Z","source":"web"}
        {"event_id":"e7","anonymous_id":"v1","event":"page_view","timestamp":"2025-03-02T13:00:00Z","source":"web"}
        {"event_id":"e10","user_id":"u4","event":"signup","timestamp":"2025-03-02T14:00:00Z","source":"web"}
        {"event_id":"e8","user_id":"u1","event":"create_page","timestamp":"2025-03-03T23:30:00Z","source":"web"}
        {"event_id":"e9","user_id":"u2","event":"create_page","timestamp":"2025-03-03T05:00:00Z","revenue":7.5,"source":"ios"}
        """;

    private const string Users = "user_id,signup_at\nu1,2025-03-01T09:00:00Z\nu2,2025-03-02T10:00:00Z\nu3,\nu4,2025-03-02T14:00:00Z\n";

    private static IReadOnlyList<DailySeries> Build()
    {
        using var fixture = new StoreFixture();
        fixture.Ingest("users.csv", Users);
        fixture.Ingest("events.jsonl", Events + "\n");
        var table = fixture.Load();
        var funnel = new FunnelQuery([.. FunnelStepText.ParseList("signup,create_page")], TimeSpan.FromDays(1));
        return DailySeriesBuilder.Build(table, null, [("activation", funnel)]);
    }

    private static DailySeries Named(IReadOnlyList<DailySeries> series, string metric) => Assert.Single(series, s => s.Metric == metric);

    private static int Day(int month, int day) => new DateOnly(2025, month, day).DayNumber;

    [Fact]
    public void Every_series_counts_each_day_as_computed_by_hand()
    {
        var series = Build();

        Assert.Equal(["events", "active_users", "signups", "revenue", "funnel:activation", "source:ios", "source:web"], series.Select(s => s.Metric));
        Assert.All(series, s => Assert.Equal(Day(3, 1), s.FirstDay));
        Assert.Equal([2.0, 6, 2], Named(series, "events").Values);
        Assert.Equal([1.0, 3, 2], Named(series, "active_users").Values);
        Assert.Equal([1.0, 3, 0], Named(series, "signups").Values);
        Assert.Equal([0, 12.5, 7.5], Named(series, "revenue").Values);
        Assert.Equal([0.0, 2, 1], Named(series, "source:ios").Values);
        Assert.Equal([2.0, 4, 1], Named(series, "source:web").Values);
    }

    [Fact]
    public void A_funnel_day_is_the_share_of_its_entrants_who_convert_within_the_window()
    {
        var funnel = Named(Build(), "funnel:activation");

        Assert.Equal(SeriesKind.Rate, funnel.Kind);
        Assert.Equal([1.0, 0.5], funnel.Values[..2]);
        Assert.Equal([1.0, 2, 0], funnel.Volumes);
        Assert.True(double.IsNaN(funnel.Values[2]));
    }

    [Fact]
    public void The_last_day_is_incomplete_and_a_funnel_day_is_complete_only_once_its_window_has_closed()
    {
        var series = Build();

        Assert.Equal(Day(3, 2), Named(series, "events").LastCompleteDay);
        Assert.Equal(Day(3, 1), Named(series, "funnel:activation").LastCompleteDay);
    }

    [Fact]
    public void A_day_ending_exactly_at_the_data_end_is_complete()
    {
        var calendar = ProjectCalendar.Utc;
        var endOfDay = calendar.DayStart(Day(3, 2)) - 1;

        Assert.Equal(Day(3, 1), DailySeriesBuilder.LastCompleteDay(calendar, endOfDay, TimeSpan.Zero));
        Assert.Equal(Day(3, 1) - 1, DailySeriesBuilder.LastCompleteDay(calendar, endOfDay - 1, TimeSpan.Zero));
    }
}
