using Sextant.Analysis.Retention;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Tests.Support.SemanticsFixtures;

namespace Sextant.Tests.Analysis.Retention;

/// <summary>Retention's rules on the hand-made cases of <see cref="RetentionFixtures"/>, which the replay suites also run on every database.</summary>
public sealed class RetentionRunnerTests
{
    private static RetentionResult Run(SemanticsCase<RetentionQuery> fixture) => new InMemoryEngine(fixture.Load()).Run(fixture.Query);

    [Fact]
    public void Monthly_cohorts_count_users_active_in_each_later_month()
    {
        var result = Run(RetentionFixtures.Monthly);

        Assert.Equal(["2024-01", "2024-02"], result.Cohorts.Select(c => c.Cohort));
        var january = result.Cohorts[0];
        Assert.Equal(2, january.Size);
        Assert.Equal([2L, 1, 1], january.Periods.Select(p => p.Users));
        Assert.All(january.Periods, p => Assert.True(p.Complete));
        Assert.Equal([1L, 0], result.Cohorts[1].Periods.Select(p => p.Users));
        // Average month 1 over complete cells: (1 + 0) / (2 + 1).
        Assert.Equal(1 / 3.0, result.Average[1].Rate, 12);
        Assert.Equal(3, result.Average[1].Eligible);
    }

    [Fact]
    public void Cells_of_unfinished_periods_are_partial_and_left_out_of_the_average()
    {
        var result = Run(RetentionFixtures.UnfinishedMonth);

        var january = result.Cohorts[0];
        Assert.True(january.Periods[1].Complete);
        Assert.False(january.Periods[2].Complete);
        Assert.Equal(1, january.Periods[2].Users);
        Assert.Equal(2, result.Average.Count);
        // Month 1: only January's cell is complete (February's month 1 is March, unfinished).
        Assert.Equal(0.5, result.Average[1].Rate, 12);
    }

    [Fact]
    public void On_or_after_counts_users_active_in_that_period_or_any_later_one()
    {
        var result = Run(RetentionFixtures.MonthlyOnOrAfter);

        Assert.Equal([2L, 2, 1], result.Cohorts[0].Periods.Select(p => p.Users));
    }

    [Fact]
    public void Day_n_counts_the_exact_calendar_day_over_users_whose_day_has_ended()
    {
        var result = Run(RetentionFixtures.DayN);
        var day = result.DayN.ToDictionary(d => d.Period);

        // Day 1: a (Jan 2) and c (Feb 1) came back, b did not; all three are eligible.
        Assert.Equal((2L, 3L), (day[1].Users, day[1].Eligible));
        // Day 7 is Jan 8 for a and b (neither active), Feb 7 for c: eligible, not active.
        Assert.Equal((0L, 3L), (day[7].Users, day[7].Eligible));
        // Day 14 and 30 (Jan 15, Jan 31) have ended for a and b, not for c (Feb 14, Mar 1); day 60 for nobody.
        Assert.Equal(2, day[14].Eligible);
        Assert.Equal(2, day[30].Eligible);
        Assert.Equal(0, day[60].Eligible);
    }

    [Fact]
    public void Day_cohorts_are_cut_at_local_midnight_around_a_daylight_saving_change()
    {
        // 23:30Z on 30 March is 00:30 on 31 March in Berlin; 22:30Z on 31 March is 00:30 on 1 April (CEST).
        var result = Run(RetentionFixtures.BerlinDaylightSaving);

        var cohort = Assert.Single(result.Cohorts);
        Assert.Equal("2024-03-31", cohort.Cohort);
        Assert.Equal([1L, 1], cohort.Periods.Select(p => p.Users));
    }

    [Fact]
    public void Weeks_start_on_monday_and_a_start_event_can_define_the_cohort()
    {
        var bySignup = Run(RetentionFixtures.WeeksBySignup);
        var byCreate = Run(RetentionFixtures.WeeksByCreate);

        var week = Assert.Single(bySignup.Cohorts);
        Assert.Equal("2024-01-01", week.Cohort);
        Assert.Equal([2L, 2], week.Periods.Select(p => p.Users));
        Assert.Equal(["2024-01-01", "2024-01-08"], byCreate.Cohorts.Select(c => c.Cohort));
        Assert.Equal([0L, 1], byCreate.Cohorts[0].Periods.Select(p => p.Users));
    }

    [Fact]
    public void Rates_stay_within_their_intervals_and_within_zero_and_one()
    {
        var result = Run(RetentionFixtures.Monthly);

        Assert.All(result.Cohorts.SelectMany(c => c.Periods), cell =>
        {
            Assert.InRange(cell.Rate, 0, 1);
            Assert.InRange(cell.Rate, cell.CiLow - 1e-12, cell.CiHigh + 1e-12);
        });
    }

    [Fact]
    public void An_unknown_return_event_is_a_clear_error()
    {
        var unknown = RetentionFixtures.UnknownReturnEvent;

        var error = Assert.Throws<SextantException>(() => new InMemoryEngine(unknown.Data.Load()).Run(unknown.Query));

        Assert.Contains("'nope'", error.Message, StringComparison.Ordinal);
    }
}
