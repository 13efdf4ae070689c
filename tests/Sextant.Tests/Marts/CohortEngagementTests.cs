using Sextant.Analysis;
using Sextant.Analysis.Marts;
using Sextant.Analysis.Retention;
using Sextant.Application.Requests;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Stats;

namespace Sextant.Tests.Marts;

/// <summary>cohort_engagement and cohort_feature_adoption on <see cref="MartsData"/>, every cell worked out on paper.</summary>
public sealed class CohortEngagementTests
{
    private static CohortEngagementResult Engagement(params (string, string)[] parameters) =>
        MartsRequest.Marts(MartsData.Project(), MartsData.Parameters(parameters)).Engagement;

    private static CohortEngagementRow Cell(CohortEngagementResult result, string cohort, string month) =>
        result.Months.Single(r => r.Cohort == cohort && r.Month == month);

    [Fact]
    public void Each_cohort_month_has_the_mau_mean_dau_stickiness_and_retained_share_worked_out_on_paper()
    {
        var result = Engagement();

        // January cohort {a, b}: January a on the 10th and 15th, b on the 20th (b's search on the 5th is before signing up).
        var january = Cell(result, "2024-01", "2024-01");
        Assert.Equal((2L, 0, 31, 2L), (january.CohortSize, january.MonthsSinceSignup, january.Days, january.ActiveUsers));
        Assert.Equal(3 / 31.0, january.MeanDau, 12);
        Assert.Equal(3 / 62.0, january.Stickiness, 12);
        Assert.Equal(1.0, january.RetainedShare);
        Assert.True(january.Complete);
        // February (29 days in 2024): a on the 5th, b on the 25th and 26th.
        var february = Cell(result, "2024-01", "2024-02");
        Assert.Equal((1, 29, 2L), (february.MonthsSinceSignup, february.Days, february.ActiveUsers));
        Assert.Equal(3 / 29.0, february.MeanDau, 12);
        Assert.Equal(3 / 58.0, february.Stickiness, 12);
        // March is observed for 20 days (to the data end's day) and partial: a on the 3rd.
        var march = Cell(result, "2024-01", "2024-03");
        Assert.Equal((2, 20, 1L), (march.MonthsSinceSignup, march.Days, march.ActiveUsers));
        Assert.Equal(1 / 20.0, march.MeanDau, 12);
        Assert.Equal(0.5, march.RetainedShare);
        Assert.Equal(Proportions.Wilson(1, 2), new Interval(march.CiLow, march.CiHigh));
        Assert.False(march.Complete);

        // February cohort {c}: three days in February, nothing in March; March cohort {d}: the 5th and the 20th.
        var c = Cell(result, "2024-02", "2024-02");
        Assert.Equal((1L, 3 / 29.0, 1.0), (c.ActiveUsers, c.MeanDau, c.RetainedShare));
        var cMarch = Cell(result, "2024-02", "2024-03");
        Assert.Equal((0L, 0.0, 0.0, 0.0), (cMarch.ActiveUsers, cMarch.MeanDau, cMarch.Stickiness, cMarch.RetainedShare));
        var d = Cell(result, "2024-03", "2024-03");
        Assert.Equal((1L, 0.1, 0.1, false), (d.ActiveUsers, d.MeanDau, d.Stickiness, d.Complete));
        Assert.Equal(6, result.Months.Count);
    }

    [Fact]
    public void Feature_adoption_counts_cohort_users_ever_and_within_their_first_thirty_days()
    {
        var result = Engagement();

        var rows = result.Adoption.ToDictionary(r => (r.Cohort, r.Feature));
        // January: create_page a (day 0) and b (day 36); edit_page a (day 5) and b (day 37); search a (day 53) and b (before signing up).
        Assert.Equal((2L, 1L), (rows[("2024-01", "create_page")].Adopters, rows[("2024-01", "create_page")].EarlyAdopters));
        Assert.Equal((2L, 1L), (rows[("2024-01", "edit_page")].Adopters, rows[("2024-01", "edit_page")].EarlyAdopters));
        Assert.Equal((2L, 0L), (rows[("2024-01", "search")].Adopters, rows[("2024-01", "search")].EarlyAdopters));
        Assert.Equal((1.0, 0.5), (rows[("2024-01", "create_page")].Rate, rows[("2024-01", "create_page")].EarlyRate));
        Assert.Equal(Proportions.Wilson(1, 2), new Interval(rows[("2024-01", "edit_page")].EarlyCiLow, rows[("2024-01", "edit_page")].EarlyCiHigh));
        // February: c creates and edits in its first days; March: d creates on day 15.
        Assert.Equal((1L, 1L), (rows[("2024-02", "edit_page")].Adopters, rows[("2024-02", "edit_page")].EarlyAdopters));
        Assert.Equal((0L, 0.0), (rows[("2024-02", "search")].Adopters, rows[("2024-02", "search")].Rate));
        Assert.Equal((1L, 1L), (rows[("2024-03", "create_page")].Adopters, rows[("2024-03", "create_page")].EarlyAdopters));
        // Jan 31 + 29 days = Mar 1 is observed; Feb 29 + 29 days = Mar 29 is not.
        Assert.Equal([true, false, false], result.Adoption.GroupBy(r => r.Cohort).Select(g => g.First().Complete));
        Assert.Equal(9, result.Adoption.Count);
    }

    [Fact]
    public void Without_features_in_sextant_yaml_every_active_event_but_system_events_is_a_feature()
    {
        var measures = new InMemoryEngine(MartsData.Table()).Measure(new CohortEngagementQuery());

        Assert.Equal(["create_page", "edit_page", "search"], measures.Features);
    }

    [Fact]
    public void Active_users_per_cohort_month_are_those_sextant_retention_counts_by_month()
    {
        var engine = new InMemoryEngine(MartsData.Table());

        var marts = engine.Run(new CohortEngagementQuery());
        var retention = engine.Run(new RetentionQuery(CalendarPeriod.Month));

        foreach (var cohort in retention.Cohorts)
            foreach (var cell in cohort.Periods)
            {
                var row = marts.Months.Single(r => r.Cohort == cohort.Cohort && r.MonthsSinceSignup == cell.Period);
                Assert.Equal((cohort.Size, cell.Users, cell.Complete), (row.CohortSize, row.ActiveUsers, row.Complete));
                Assert.Equal((cell.CiLow, cell.CiHigh), (row.CiLow, row.CiHigh));
            }
        Assert.Equal(retention.Cohorts.Sum(c => c.Periods.Count), marts.Months.Count);
    }

    [Fact]
    public void A_cohort_filter_and_from_select_the_cohort_users()
    {
        // The saved cohort "february" is c alone; from Jan 15 leaves b of January.
        Assert.Equal(["2024-02"], Engagement(("cohort", "february")).Months.Select(r => r.Cohort).Distinct());
        var fromMid = Engagement(("from", "2024-01-15"));
        Assert.Equal(1L, Cell(fromMid, "2024-01", "2024-01").CohortSize);
    }
}
