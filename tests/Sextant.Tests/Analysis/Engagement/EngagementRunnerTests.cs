using Sextant.Analysis.Engagement;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Tests.Support.SemanticsFixtures;

namespace Sextant.Tests.Analysis.Engagement;

/// <summary>The metrics' rules on the hand-made cases of <see cref="EngagementFixtures"/>, which the replay suites also run on every database.</summary>
public sealed class EngagementRunnerTests
{
    private static EngagementResult Run(SemanticsCase<EngagementQuery> fixture) => new InMemoryEngine(fixture.Load()).Run(fixture.Query);

    [Fact]
    public void Dau_wau_and_mau_count_distinct_signed_up_users_over_rolling_windows()
    {
        var result = Run(EngagementFixtures.WeekExcludingInvoices);

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
        var result = Run(EngagementFixtures.WeekOfAll);

        // Jan 10 ends exactly at the data end, so all ten days are complete.
        Assert.Equal(10, result.Stickiness.Days);
        Assert.Equal(result.Stickiness.Daily.Average(d => d.Value), result.Stickiness.Headline, 12);
    }

    [Fact]
    public void Calendar_weeks_start_on_monday_and_unfinished_periods_are_marked()
    {
        var result = Run(EngagementFixtures.WeekOfAll);

        Assert.Equal([("2024-01-01", 2L, true), ("2024-01-08", 1L, false)], result.Weekly.Select(w => (w.Period, w.Users, w.Complete)));
        Assert.Equal([("2024-01", 3L, false)], result.Monthly.Select(m => (m.Period, m.Users, m.Complete)));
    }

    [Fact]
    public void Activation_counts_users_whose_window_has_ended_and_times_the_completing_event()
    {
        var activation = Run(EngagementFixtures.ActivationWindow).Activation;

        // "new" signed up less than 7 days before the data end: not eligible yet.
        Assert.Equal(3, activation.Eligible);
        // fast (5 h) and slow (exactly 7 days: the window is inclusive) activated; late missed by a second.
        Assert.Equal(2, activation.Activated);
        Assert.Equal(1, activation.FastActivators);
        Assert.Equal((5 + 168) / 2.0, activation.MedianHoursToActivate);
    }
}
